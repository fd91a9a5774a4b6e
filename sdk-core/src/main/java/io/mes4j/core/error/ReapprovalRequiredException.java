package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The holder came of age and must approve the pairing again (403, {@code reapproval-required},
 * ES-6); the service's calls are refused until then.
 */
public class ReapprovalRequiredException extends ForbiddenException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ReapprovalRequiredException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
