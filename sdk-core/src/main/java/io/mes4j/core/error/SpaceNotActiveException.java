package io.mes4j.core.error;

import io.mes4j.core.code.SpaceState;
import org.jspecify.annotations.Nullable;

/**
 * The patient's space is not {@code ACTIVE} (409, ES-4): {@code espace-pending}, {@code
 * espace-opposed}, {@code espace-closed} or {@code espace-deleted}; {@link #state()} says which.
 *
 * <pre>{@code
 * } catch (SpaceNotActiveException e) {
 *   if (e.state() == SpaceState.PENDING) {
 *     // the space opens at the end of the opposition window
 *   }
 * }
 * }</pre>
 */
public class SpaceNotActiveException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  private final SpaceState state;

  /**
   * Creates the exception; see {@link MesServiceException#MesServiceException}.
   *
   * @throws IllegalArgumentException if {@code errorCause} is not one of the {@code espace-*}
   *     causes
   */
  public SpaceNotActiveException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
    this.state =
        switch (errorCause) {
          case ESPACE_PENDING -> SpaceState.PENDING;
          case ESPACE_OPPOSED -> SpaceState.OPPOSED;
          case ESPACE_CLOSED -> SpaceState.CLOSED;
          case ESPACE_DELETED -> SpaceState.DELETED;
          default -> throw new IllegalArgumentException("not a space-state cause: " + errorCause);
        };
  }

  /**
   * The state of the space: {@code PENDING}, {@code OPPOSED}, {@code CLOSED} or {@code DELETED}.
   */
  public SpaceState state() {
    return state;
  }
}
