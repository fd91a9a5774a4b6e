package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The actor may never do this (403, {@code forbidden}), e.g. a patient depositing into another
 * patient's dossier.
 */
public class ForbiddenException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ForbiddenException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
