package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The DPoP proof was refused (401, {@code invalid-dpop-proof}, RFC 9449): missing for a bound
 * token, badly signed, replayed, for another method or URL, out of its time window, or by another
 * key than the one the token is bound to.
 */
public class DpopProofException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public DpopProofException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
