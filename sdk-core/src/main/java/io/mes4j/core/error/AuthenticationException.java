package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The token was refused (401, {@code invalid-token}): missing, malformed, expired or badly signed,
 * even after one replay with a fresh token. Also thrown when the token endpoint refuses the client
 * (RFC 6749 §5.2); {@link #causeCode()} then holds the OAuth error code, e.g. {@code
 * invalid_client}.
 */
public class AuthenticationException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public AuthenticationException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
