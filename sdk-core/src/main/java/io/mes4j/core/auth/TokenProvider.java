package io.mes4j.core.auth;

import java.util.Optional;

/**
 * Gives the client an access token for each call.
 *
 * <p>The client asks for a token before every HTTP request, in the access mode of the call, so an
 * implementation caches its tokens and is safe for concurrent use. When the server refuses a token
 * ({@code 401}), the client calls {@link #invalidate(AccessToken)} and asks once more.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.builder()
 *     .issuer("https://auth.example")
 *     .clientId("my-app")
 *     .privateKey(privateKey, "key-1")
 *     .build();
 * MesClient client = MesClient.builder().baseUrl("https://api.example").credentials(tokens).build();
 * }</pre>
 *
 * @see ClientCredentialsTokenProvider
 * @see #staticToken(String)
 */
public interface TokenProvider {

  /**
   * A token valid for the request's access mode.
   *
   * @throws io.mes4j.core.error.MesException if no token can be had
   */
  AccessToken token(TokenRequest request);

  /**
   * Forgets {@code token}, which the server refused; the next {@link #token(TokenRequest)} gets a
   * fresh one. Does nothing by default.
   */
  default void invalidate(AccessToken token) {}

  /**
   * The DPoP key this provider's tokens are bound to, when the provider binds them itself (e.g. the
   * tokens of a catalogue pairing); a client built with it signs its proofs with that key. Empty by
   * default: the provider binds to the key of the {@link TokenRequest}, if any.
   */
  default Optional<DpopKey> dpopKey() {
    return Optional.empty();
  }

  /**
   * A provider that always gives the same token, whatever the access mode; for tests and tokens
   * obtained elsewhere (e.g. from the reference server's {@code /_mock/tokens}).
   *
   * @throws io.mes4j.core.error.InvalidValueException if the token is blank
   */
  static TokenProvider staticToken(String token) {
    AccessToken fixed = AccessToken.of(token);
    return new TokenProvider() {
      @Override
      public AccessToken token(TokenRequest request) {
        return fixed;
      }

      @Override
      public String toString() {
        return "TokenProvider.staticToken[<redacted>]";
      }
    };
  }
}
