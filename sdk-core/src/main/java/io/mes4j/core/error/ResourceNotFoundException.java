package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The resource is unknown or hidden from the caller; the two are indistinguishable (404, {@code
 * not-found}, DOC-6).
 */
public class ResourceNotFoundException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ResourceNotFoundException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
