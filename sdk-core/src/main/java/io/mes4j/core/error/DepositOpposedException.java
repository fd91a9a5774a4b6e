package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The holder opposed this professional's deposits (403, {@code deposit-opposed}, DOC-1). */
public class DepositOpposedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public DepositOpposedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
