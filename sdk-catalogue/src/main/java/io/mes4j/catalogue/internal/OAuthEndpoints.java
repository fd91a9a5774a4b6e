package io.mes4j.catalogue.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.internal.ApacheHttpTransport;
import io.mes4j.core.internal.DirectExchange;
import io.mes4j.core.internal.DirectExchange.Answer;
import io.mes4j.core.internal.DpopNonces;
import io.mes4j.core.internal.ErrorDecoder;
import io.mes4j.core.internal.HttpTransport;
import io.mes4j.core.internal.JsonCodec;
import io.mes4j.core.internal.TransportRequest;
import io.mes4j.core.internal.UserAgent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The calls of a pairing flow to the token ({@code /oauth2/token}) and revocation ({@code
 * /oauth2/revoke}) endpoints, on a small connection pool of their own. Token requests carry a DPoP
 * proof when the flow has a key, and are sent once more with the server's nonce on {@code 400
 * use_dpop_nonce}. Never logs a form (it holds codes, verifiers and tokens).
 */
public final class OAuthEndpoints implements AutoCloseable {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final HttpTransport transport;
  private final URI tokenEndpoint;
  private final URI revocationEndpoint;
  private final @Nullable DpopKey key;

  /** What the token endpoint answered. */
  public record TokenAnswer(
      String accessToken,
      @Nullable String refreshToken,
      long expiresIn,
      boolean dpopBound,
      @Nullable String scope) {
    @Override
    public String toString() {
      return "TokenAnswer[<redacted>, expiresIn=" + expiresIn + ", scope=" + scope + "]";
    }
  }

  /** Endpoints of the server at {@code baseUrl}. */
  public OAuthEndpoints(String baseUrl, @Nullable DpopKey key) {
    this.transport = new ApacheHttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(30), 4);
    this.tokenEndpoint = URI.create(baseUrl + "/oauth2/token");
    this.revocationEndpoint = URI.create(baseUrl + "/oauth2/revoke");
    this.key = key;
  }

  /**
   * Posts a grant to the token endpoint.
   *
   * @throws io.mes4j.core.error.OAuthException when the server refuses it (RFC 6749 §5.2)
   */
  public TokenAnswer token(List<Map.Entry<String, String>> form) {
    Instant deadline = Instant.now().plus(CALL_TIMEOUT);
    Answer answer = post(tokenEndpoint, form, deadline, true);
    int attempts = 1;
    if (key != null
        && DpopNonces.isTokenEndpointNonceError(answer.status(), answer.headers(), answer.body())) {
      answer = post(tokenEndpoint, form, deadline, true); // RFC 9449 §8: with the new nonce
      attempts++;
    }
    if (answer.status() != 200) {
      throw ErrorDecoder.decode(
          "POST",
          "/oauth2/token",
          answer.status(),
          answer.headers(),
          answer.body(),
          answer.requestId(),
          attempts);
    }
    JsonNode json = JsonCodec.readTree(answer.body());
    String access = json.path("access_token").asText("");
    if (access.isBlank()) {
      throw new MesClientException("the token endpoint answered without an access_token");
    }
    String type = json.path("token_type").asText("Bearer");
    boolean bound = type.equalsIgnoreCase("DPoP");
    if (!bound && !type.equalsIgnoreCase("Bearer")) {
      throw new MesClientException("the token endpoint answered a token of type " + type);
    }
    if (bound && key == null) {
      throw new MesClientException("the token endpoint bound a token to a key the flow lacks");
    }
    String refresh =
        json.path("refresh_token").isTextual() ? json.path("refresh_token").asText() : null;
    String scope = json.path("scope").isTextual() ? json.path("scope").asText() : null;
    long expiresIn =
        json.path("expires_in").canConvertToLong() ? json.path("expires_in").asLong() : 0;
    return new TokenAnswer(access, refresh, expiresIn, bound, scope);
  }

  /**
   * Posts to the revocation endpoint (RFC 7009), which answers {@code 200} even for an unknown
   * token.
   */
  public void revoke(List<Map.Entry<String, String>> form) {
    Answer answer = post(revocationEndpoint, form, Instant.now().plus(CALL_TIMEOUT), false);
    if (answer.status() != 200) {
      throw ErrorDecoder.decode(
          "POST",
          "/oauth2/revoke",
          answer.status(),
          answer.headers(),
          answer.body(),
          answer.requestId(),
          1);
    }
  }

  private Answer post(
      URI endpoint, List<Map.Entry<String, String>> form, Instant deadline, boolean proof) {
    String requestId = UUID.randomUUID().toString();
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    headers.add(Map.entry("Accept", "application/json"));
    headers.add(Map.entry("User-Agent", UserAgent.of(null)));
    headers.add(Map.entry("X-Request-Id", requestId));
    DpopKey k = key;
    if (proof && k != null) {
      headers.add(Map.entry("DPoP", DpopNonces.proof(k, "POST", endpoint, null)));
    }
    TransportRequest request =
        new TransportRequest(
            "POST",
            endpoint,
            headers,
            Forms.encode(form).getBytes(StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded",
            false); // a code is single use: never resent by the transport
    Answer answer = DirectExchange.send(transport, deadline, request, "POST " + endpoint.getPath());
    if (k != null) {
      DpopNonces.remember(endpoint, answer.headers());
    }
    return answer;
  }

  /** Closes the connection pool. */
  @Override
  public void close() {
    transport.close();
  }
}
