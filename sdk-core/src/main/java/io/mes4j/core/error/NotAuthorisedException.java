package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The professional is not authorised on this dossier in normal mode (403, {@code not-authorised},
 * CON-1).
 */
public class NotAuthorisedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public NotAuthorisedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
