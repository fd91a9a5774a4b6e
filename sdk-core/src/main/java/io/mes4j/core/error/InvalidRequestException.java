package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The request was malformed (400): {@code invalid-request} (bad JSON, wrong type, missing field,
 * bad parameter), {@code invalid-ins} (malformed INS or wrong key) or {@code unknown-code} (a code
 * not in its table). See {@link #errorCause()} for which.
 */
public class InvalidRequestException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public InvalidRequestException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
