package io.mes4j.core.internal;

import io.mes4j.core.auth.DpopKey;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The DPoP nonces servers gave (RFC 9449 §8, §9), remembered per origin (scheme, host, port) and
 * shared by every client and token request of the JVM: a nonce is the server's, not a key's.
 *
 * <p>Each answer's {@code DPoP-Nonce} replaces the one remembered; a refusal for lack of a fresh
 * nonce ({@code 401} with {@code WWW-Authenticate: DPoP error="use_dpop_nonce"}, or {@code 400
 * {"error":"use_dpop_nonce"}} at a token endpoint) is retried once by the caller with it.
 */
public final class DpopNonces {
  private static final int MAX_ORIGINS = 256;
  private static final Map<String, String> NONCES = new ConcurrentHashMap<>();

  private DpopNonces() {}

  /** The origin of a URL, e.g. {@code https://api.example:443}. */
  static String origin(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return scheme + "://" + host + ":" + port;
  }

  /** The nonce remembered for the server of {@code uri}, if any. */
  public static Optional<String> current(URI uri) {
    return Optional.ofNullable(NONCES.get(origin(uri)));
  }

  /** Remembers the {@code DPoP-Nonce} of an answer from the server of {@code uri}, if any. */
  public static void remember(URI uri, Map<String, List<String>> headers) {
    Headers.first(headers, "DPoP-Nonce")
        .filter(v -> !v.isBlank())
        .ifPresent(
            nonce -> {
              if (NONCES.size() >= MAX_ORIGINS) {
                NONCES.clear();
              }
              NONCES.put(origin(uri), nonce.strip());
            });
  }

  /** A proof by {@code key} for a request, with the nonce remembered for its server. */
  public static String proof(DpopKey key, String method, URI uri, @Nullable String accessToken) {
    return key.proof(method, uri, accessToken, current(uri).orElse(null));
  }

  /**
   * Whether a {@code 401} answer asks for a fresh nonce ({@code WWW-Authenticate: DPoP
   * error="use_dpop_nonce"}) and gives one.
   */
  public static boolean isNonceChallenge(int status, Map<String, List<String>> headers) {
    return status == 401
        && Headers.first(headers, "DPoP-Nonce").isPresent()
        && Headers.all(headers, "WWW-Authenticate").stream()
            .anyMatch(v -> v.contains("use_dpop_nonce"));
  }

  /** Whether a token endpoint's {@code 400} asks for a fresh nonce, and gives one. */
  public static boolean isTokenEndpointNonceError(
      int status, Map<String, List<String>> headers, byte[] body) {
    if (status != 400 || Headers.first(headers, "DPoP-Nonce").isEmpty()) {
      return false;
    }
    try {
      return "use_dpop_nonce".equals(JsonCodec.mapper().readTree(body).path("error").asText());
    } catch (java.io.IOException | RuntimeException e) {
      return false;
    }
  }
}
