package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The body or the content is over the limit (413, {@code too-large}, DOC-1). */
public class PayloadTooLargeException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public PayloadTooLargeException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
