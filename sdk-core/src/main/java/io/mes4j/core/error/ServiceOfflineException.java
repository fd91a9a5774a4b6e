package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The catalogue service is {@code HORS_LIGNE} (403, {@code service-unavailable}, CAT-1): it cannot
 * be newly paired; tokens it already holds keep working.
 */
public class ServiceOfflineException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ServiceOfflineException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
