package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A lifecycle transition that the current state does not allow (409, {@code
 * transition-not-allowed}): opposing a space that is no longer {@code PENDING} (ES-3), reopening a
 * {@code DELETED} space (ES-5), closing a space that is not {@code ACTIVE}, answering an invitation
 * that is no longer pending (ES-6)… The message names the current state and the transition asked.
 *
 * <pre>{@code
 * try {
 *   Dossier.of(holder).space().oppose(ins);
 * } catch (TransitionNotAllowedException e) {
 *   // the 42-day window is over: the holder closes the space instead (ES-3)
 * }
 * }</pre>
 */
public class TransitionNotAllowedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public TransitionNotAllowedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
