package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The holder's settings deny emergency access (403, {@code emergency-denied}, CON-4). */
public class EmergencyAccessDeniedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public EmergencyAccessDeniedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
