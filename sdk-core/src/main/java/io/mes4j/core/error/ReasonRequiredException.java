package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** Bris de glace was asked without a reason (400, {@code reason-required}, DOC-7). */
public class ReasonRequiredException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ReasonRequiredException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
