package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The service's token was revoked (401, {@code token-revoked}): its grant was revoked (RFC 7009) or
 * the holder withdrew the pairing (CAT-2, CAT-3). A fresh token will not help: the holder must pair
 * the service again.
 */
public class TokenRevokedException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public TokenRevokedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
