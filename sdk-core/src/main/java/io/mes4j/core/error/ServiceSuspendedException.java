package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The catalogue service is {@code SUSPENDUE} or {@code DEREFERENCEE} (403, {@code
 * service-suspended}, CAT-1): no pairing, no token, every call refused.
 */
public class ServiceSuspendedException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ServiceSuspendedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
