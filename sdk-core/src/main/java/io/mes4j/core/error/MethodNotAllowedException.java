package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The HTTP method is not allowed on this resource (405, {@code method-not-allowed}). */
public class MethodNotAllowedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public MethodNotAllowedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
