package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The habilitation matrix denies the caller's profession this document (403, {@code
 * profession-not-allowed}, DOC-7).
 */
public class ProfessionNotAllowedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ProfessionNotAllowedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
