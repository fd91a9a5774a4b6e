package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The {@code centre_15} access mode was used without the regulation role (403, {@code
 * role-required}, DOC-7).
 */
public class RoleRequiredException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public RoleRequiredException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
