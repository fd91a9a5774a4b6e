package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The resource is not in a state that allows the change (409, {@code conflict}): an appointment
 * already cancelled or fulfilled (AG-1), a pairing already withdrawn (CAT-3). Read the resource
 * again before deciding what to do.
 */
public class ConflictException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ConflictException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
