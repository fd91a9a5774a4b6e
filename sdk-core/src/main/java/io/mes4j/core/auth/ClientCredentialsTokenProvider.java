package io.mes4j.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.AccessMode;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.internal.ApacheHttpTransport;
import io.mes4j.core.internal.DirectExchange;
import io.mes4j.core.internal.DirectExchange.Answer;
import io.mes4j.core.internal.DpopNonces;
import io.mes4j.core.internal.ErrorDecoder;
import io.mes4j.core.internal.HttpTransport;
import io.mes4j.core.internal.JsonCodec;
import io.mes4j.core.internal.TransportRequest;
import io.mes4j.core.internal.TransportScope;
import io.mes4j.core.internal.UserAgent;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets tokens with the OAuth 2 client credentials grant, the client authenticating with a signed
 * JWT ({@code private_key_jwt}, RFC 7523).
 *
 * <p>The token endpoint is found once through the issuer's OpenID discovery document ({@code
 * <issuer>/.well-known/openid-configuration}) and kept. For each token the provider signs a client
 * assertion ({@code iss} = {@code sub} = the client id, {@code aud} = the token endpoint, {@code
 * exp} 60 seconds ahead, a random {@code jti}) and posts it with {@code access_mode} and, for bris
 * de glace, {@code access_reason}.
 *
 * <p>It keeps one token per access mode and fetches a new one when the cached one expires within
 * the {@linkplain Builder#refreshMargin(Duration) refresh margin}: a single thread fetches while
 * the others asking for the same mode wait for its token. {@link #invalidate(AccessToken)} drops a
 * token the server refused.
 *
 * <p><b>DPoP.</b> Asked by a client using DPoP ({@link TokenRequest#dpop()}), it sends a proof of
 * that key to the token endpoint (once more with the server's nonce on {@code 400 use_dpop_nonce})
 * and caches the bound token for that key.
 *
 * <p><b>Connections.</b> Called by a {@link io.mes4j.core.MesClient}, it uses that client's
 * connection pool and the deadline of the call in progress. Called directly, it opens a short-lived
 * connection of its own for each fetch (tokens are fetched rarely). Token fetches are not retried:
 * a failure surfaces as the call's exception.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.builder()
 *     .issuer("https://auth.example")
 *     .clientId("my-app")
 *     .privateKey(privateKey, "key-1")   // RSA → RS256, EC P-256 → ES256
 *     .build();
 * }</pre>
 */
public final class ClientCredentialsTokenProvider implements TokenProvider {
  private static final Logger LOG = LoggerFactory.getLogger("io.mes4j.core.auth");
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(60);
  private static final Duration OWN_DEADLINE = Duration.ofSeconds(30);
  private static final int MAX_CACHED_MODES = 32;

  private final String issuer;
  private final String clientId;
  private final String keyId;
  private final JWSAlgorithm algorithm;
  private final JWSSigner signer;
  private final Duration refreshMargin;
  private final Clock clock;
  private final ReentrantLock discoveryLock = new ReentrantLock();
  private volatile @Nullable URI tokenEndpoint;
  private final ConcurrentHashMap<SlotKey, Slot> slots = new ConcurrentHashMap<>();

  /** A cache slot: one access mode, and the DPoP key the token is bound to (or none). */
  private record SlotKey(AccessMode mode, @Nullable String jkt) {}

  /** The cached token of one access mode, and the lock of its single fetcher. */
  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    final AtomicReference<@Nullable Cached> cached = new AtomicReference<>();
  }

  /**
   * A token and when to replace it: {@code refreshMargin} before its expiry, or half-way through
   * its life when it lives shorter than twice the margin (so a short-lived token is still reused).
   */
  private record Cached(AccessToken token, @Nullable Instant refreshAt) {}

  private ClientCredentialsTokenProvider(Builder b, String issuer, JWSAlgorithm alg, JWSSigner s) {
    this.issuer = issuer;
    this.clientId = Objects.requireNonNull(b.clientId);
    this.keyId = Objects.requireNonNull(b.keyId);
    this.algorithm = alg;
    this.signer = s;
    this.refreshMargin = b.refreshMargin;
    this.clock = b.clock;
  }

  /** A builder; issuer, client id and private key are required. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public AccessToken token(TokenRequest request) {
    AccessMode mode = request.accessMode();
    DpopKey key = request.dpopKey();
    Slot slot =
        slots.computeIfAbsent(
            new SlotKey(mode, key == null ? null : key.thumbprint()), k -> new Slot());
    Cached cached = slot.cached.get();
    if (cached != null && isUsable(cached)) {
      return cached.token();
    }
    slot.lock.lock();
    try {
      cached = slot.cached.get();
      if (cached != null && isUsable(cached)) {
        return cached.token();
      }
      Instant asked = clock.instant();
      AccessToken fresh = fetch(mode, key);
      slot.cached.set(new Cached(fresh, refreshAt(fresh, asked)));
      evictIfCrowded();
      return fresh;
    } finally {
      slot.lock.unlock();
    }
  }

  @Override
  public void invalidate(AccessToken token) {
    for (Slot slot : slots.values()) {
      Cached cached = slot.cached.get();
      if (cached != null && cached.token().equals(token)) {
        slot.cached.compareAndSet(cached, null);
      }
    }
  }

  private @Nullable Instant refreshAt(AccessToken token, Instant asked) {
    Instant expiry = token.expiresAt().orElse(null);
    if (expiry == null) {
      return null;
    }
    Duration life = Duration.between(asked, expiry);
    Duration margin =
        life.compareTo(refreshMargin.multipliedBy(2)) < 0 ? life.dividedBy(2) : refreshMargin;
    return expiry.minus(margin);
  }

  private boolean isUsable(Cached cached) {
    Instant refreshAt = cached.refreshAt();
    return refreshAt == null || clock.instant().isBefore(refreshAt);
  }

  private void evictIfCrowded() {
    if (slots.size() > MAX_CACHED_MODES) {
      slots
          .entrySet()
          .removeIf(
              e -> {
                Cached c = e.getValue().cached.get();
                return !e.getValue().lock.isLocked() && (c == null || !isUsable(c));
              });
    }
  }

  private AccessToken fetch(AccessMode mode, @Nullable DpopKey key) {
    Optional<TransportScope> scope = TransportScope.current();
    if (scope.isPresent()) {
      return fetch(mode, key, scope.get().transport(), scope.get().deadline());
    }
    try (HttpTransport own =
        new ApacheHttpTransport(Duration.ofSeconds(5), Duration.ofSeconds(30), 2)) {
      return fetch(mode, key, own, Instant.now().plus(OWN_DEADLINE));
    }
  }

  private AccessToken fetch(
      AccessMode mode, @Nullable DpopKey key, HttpTransport transport, Instant deadline) {
    URI endpoint = tokenEndpoint(transport, deadline);
    Instant asked = clock.instant();
    Answer answer = exchange(transport, deadline, tokenRequest(mode, key, endpoint));
    if (key != null) {
      DpopNonces.remember(endpoint, answer.headers());
      if (DpopNonces.isTokenEndpointNonceError(answer.status(), answer.headers(), answer.body())) {
        // RFC 9449 §8: once more with the server's nonce (and a new single-use assertion)
        answer = exchange(transport, deadline, tokenRequest(mode, key, endpoint));
        DpopNonces.remember(endpoint, answer.headers());
      }
    }
    if (answer.status() != 200) {
      throw tokenError(answer);
    }
    JsonNode json = JsonCodec.readTree(answer.body());
    JsonNode value = json.path("access_token");
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new MesClientException("the token endpoint answered without an access_token");
    }
    String type = json.path("token_type").asText("Bearer");
    boolean bound = type.equalsIgnoreCase("DPoP");
    if (!type.equalsIgnoreCase("Bearer") && !(bound && key != null)) {
      throw new MesClientException("the token endpoint answered a token of type " + type);
    }
    JsonNode expiresIn = json.path("expires_in");
    Instant expiresAt =
        expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? asked.plusSeconds(expiresIn.asLong())
            : null;
    AccessToken token =
        bound
            ? AccessToken.dpopBound(value.asText(), expiresAt)
            : expiresAt != null
                ? AccessToken.of(value.asText(), expiresAt)
                : AccessToken.of(value.asText());
    LOG.debug(
        "token fetched for access mode {} (expires {}{})",
        mode.kind().code(),
        token.expiresAt().map(Instant::toString).orElse("never"),
        bound ? ", DPoP-bound" : "");
    return token;
  }

  private TransportRequest tokenRequest(AccessMode mode, @Nullable DpopKey key, URI endpoint) {
    StringBuilder form =
        new StringBuilder()
            .append("grant_type=client_credentials")
            .append("&client_assertion_type=")
            .append(encode(ASSERTION_TYPE))
            .append("&client_assertion=")
            .append(encode(assertion(endpoint)))
            .append("&access_mode=")
            .append(encode(mode.kind().code()));
    mode.reason().ifPresent(r -> form.append("&access_reason=").append(encode(r)));
    List<Map.Entry<String, String>> headers = headers();
    if (key != null) {
      headers.add(Map.entry("DPoP", DpopNonces.proof(key, "POST", endpoint, null)));
    }
    return new TransportRequest(
        "POST",
        endpoint,
        headers,
        form.toString().getBytes(StandardCharsets.UTF_8),
        "application/x-www-form-urlencoded",
        false); // the assertion's jti is single-use: never resent
  }

  private URI tokenEndpoint(HttpTransport transport, Instant deadline) {
    URI known = tokenEndpoint;
    if (known != null) {
      return known;
    }
    discoveryLock.lock();
    try {
      known = tokenEndpoint;
      if (known != null) {
        return known;
      }
      URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
      Answer answer =
          exchange(
              transport,
              deadline,
              new TransportRequest("GET", discovery, headers(), null, null, true));
      if (answer.status() != 200) {
        throw ErrorDecoder.decode(
            "GET",
            "/.well-known/openid-configuration",
            answer.status(),
            answer.headers(),
            answer.body(),
            answer.requestId(),
            1);
      }
      JsonNode endpoint = JsonCodec.readTree(answer.body()).path("token_endpoint");
      URI uri;
      try {
        uri = new URI(endpoint.asText(""));
      } catch (URISyntaxException e) {
        throw new MesClientException("the discovery document holds an invalid token_endpoint");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
        throw new MesClientException("the discovery document holds no http(s) token_endpoint");
      }
      tokenEndpoint = uri;
      return uri;
    } finally {
      discoveryLock.unlock();
    }
  }

  private String assertion(URI endpoint) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(endpoint.toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new MesClientException("cannot sign the client assertion: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  private static List<Map.Entry<String, String>> headers() {
    List<Map.Entry<String, String>> h = new ArrayList<>();
    h.add(Map.entry("Accept", "application/json"));
    h.add(Map.entry("User-Agent", UserAgent.of(null)));
    h.add(Map.entry("X-Request-Id", UUID.randomUUID().toString()));
    return h;
  }

  private static Answer exchange(HttpTransport transport, Instant deadline, TransportRequest req) {
    return DirectExchange.send(transport, deadline, req, "token fetch from the issuer");
  }

  /** An RFC 6749 refusal is an {@link io.mes4j.core.error.OAuthException}, as on any endpoint. */
  private static RuntimeException tokenError(Answer answer) {
    return ErrorDecoder.decode(
        "POST",
        "/oauth2/token",
        answer.status(),
        answer.headers(),
        answer.body(),
        answer.requestId(),
        1);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ClientCredentialsTokenProvider[issuer="
        + issuer
        + ", clientId="
        + clientId
        + ", algorithm="
        + algorithm
        + "]";
  }

  /** Builds a {@link ClientCredentialsTokenProvider}. */
  public static final class Builder {
    private @Nullable String issuer;
    private @Nullable String clientId;
    private @Nullable PrivateKey privateKey;
    private @Nullable String keyId;
    private @Nullable String algorithm;
    private Duration refreshMargin = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The issuer's base URL; discovery is at {@code <issuer>/.well-known/openid-configuration}. */
    public Builder issuer(String issuer) {
      this.issuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** The client id, registered with the issuer. */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * The key signing the client assertions and its id ({@code kid}), as registered.
     *
     * @param privateKey an RSA key (RS256) or an EC P-256 key (ES256)
     * @param keyId the key's id
     */
    public Builder privateKey(PrivateKey privateKey, String keyId) {
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
      this.keyId = Objects.requireNonNull(keyId, "keyId");
      return this;
    }

    /** {@code RS256} or {@code ES256}; by default the one of the key's type. */
    public Builder algorithm(String algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** How long before its expiry a token is replaced (default 30 s). */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
      return this;
    }

    /** The clock for expiries and assertions (default the system clock; for tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Validates the settings and builds the provider; nothing is fetched yet.
     *
     * @throws InvalidValueException if a setting is missing or the key does not fit the algorithm
     */
    public ClientCredentialsTokenProvider build() {
      if (issuer == null || issuer.isBlank()) {
        throw new InvalidValueException("issuer is required, e.g. https://auth.example");
      }
      String base = issuer.strip();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      URI uri;
      try {
        uri = new URI(base);
      } catch (URISyntaxException e) {
        throw new InvalidValueException("issuer is not a valid URL");
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new InvalidValueException("issuer must be an http or https URL with a host");
      }
      if (clientId == null || clientId.isBlank()) {
        throw new InvalidValueException("clientId is required");
      }
      PrivateKey key = privateKey;
      if (key == null || keyId == null || keyId.isBlank()) {
        throw new InvalidValueException("privateKey(key, keyId) is required, with a non-blank id");
      }
      if (refreshMargin.isNegative()) {
        throw new InvalidValueException("refreshMargin must not be negative");
      }
      String alg =
          algorithm != null
              ? algorithm.toUpperCase(Locale.ROOT)
              : "EC".equals(key.getAlgorithm()) ? "ES256" : "RS256";
      JWSSigner signer;
      try {
        switch (alg) {
          case "RS256" -> {
            if (!"RSA".equals(key.getAlgorithm())) {
              throw new InvalidValueException("RS256 needs an RSA private key");
            }
            signer = new RSASSASigner(key);
          }
          case "ES256" -> {
            if (!(key instanceof ECPrivateKey ec)) {
              throw new InvalidValueException("ES256 needs an EC private key");
            }
            signer = new ECDSASigner(ec);
          }
          default ->
              throw new InvalidValueException("algorithm must be RS256 or ES256, was " + algorithm);
        }
      } catch (JOSEException | IllegalArgumentException e) {
        throw new InvalidValueException("the private key cannot sign with " + alg);
      }
      return new ClientCredentialsTokenProvider(this, base, JWSAlgorithm.parse(alg), signer);
    }
  }
}
