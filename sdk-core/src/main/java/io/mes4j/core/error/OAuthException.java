package io.mes4j.core.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth 2 error (RFC 6749 §4.1.2.1 and §5.2): the token endpoint refused a grant ({@code
 * invalid_grant}, {@code invalid_client}, {@code invalid_request}…), or the authorisation came back
 * with an error ({@code access_denied} when the holder refused).
 *
 * <p>{@link #error()} is the OAuth error code (also {@link #causeCode()}); the message and {@link
 * #description()} never hold a token or a code.
 *
 * <pre>{@code
 * } catch (OAuthException e) {
 *   if (e.error().equals("invalid_grant")) {
 *     // the code was spent, expired, or the grant revoked: start the pairing again
 *   }
 * }
 * }</pre>
 */
public class OAuthException extends AuthenticationException {
  private static final long serialVersionUID = 1L;

  private final String error;
  private final @Nullable String description;

  /**
   * Creates the exception.
   *
   * @param message what happened, without token or code
   * @param statusCode the HTTP status (0 when the error came in a redirect)
   * @param requestId the request id of the call, if known
   * @param error the OAuth error code, e.g. {@code invalid_grant}
   * @param description the server's {@code error_description}, if any
   * @param attempts how many HTTP requests the call made
   */
  public OAuthException(
      String message,
      int statusCode,
      @Nullable String requestId,
      String error,
      @Nullable String description,
      int attempts) {
    super(message, statusCode, requestId, ErrorCause.INVALID_TOKEN, error, attempts);
    this.error = error;
    this.description = description;
  }

  /** The OAuth error code, e.g. {@code invalid_grant} or {@code access_denied}. */
  public String error() {
    return error;
  }

  /** The server's {@code error_description}, if any. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }
}
