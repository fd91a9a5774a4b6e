package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The server does not implement this call (501, {@code not-implemented}). */
public class NotImplementedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public NotImplementedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
