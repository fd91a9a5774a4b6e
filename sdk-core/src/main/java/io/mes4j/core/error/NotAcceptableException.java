package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The server has no representation the request accepts (406, {@code not-acceptable}). */
public class NotAcceptableException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public NotAcceptableException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
