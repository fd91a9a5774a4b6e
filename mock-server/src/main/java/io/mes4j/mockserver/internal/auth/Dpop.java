package io.mes4j.mockserver.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.mockserver.internal.clock.ServerClock;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * DPoP proofs (RFC 9449): checks a proof's type, algorithm (ES256, RS256, PS256), embedded public
 * key and signature, {@code htm}, {@code htu}, {@code iat} (±60 s), {@code jti} (never seen within
 * the window: a bounded, time-windowed cache), {@code ath} and the key thumbprint (RFC 7638), and
 * makes the server nonces: an HMAC of the 5-minute period of the server clock, the current and the
 * previous one accepted.
 *
 * <p>{@code iat} is accepted within 60 s of the server clock, or of wall time: a test may move the
 * server clock years ahead while a client signs on its real clock; the nonce, on the server clock,
 * bounds freshness either way.
 */
public final class Dpop {
  public static final Duration IAT_WINDOW = Duration.ofSeconds(60);
  public static final Duration NONCE_PERIOD = Duration.ofMinutes(5);
  public static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256, JWSAlgorithm.PS256);
  private static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
  private static final int PURGE_THRESHOLD = 10_000;
  private static final int HARD_BOUND = 200_000;

  /** Why a proof is refused: a missing or stale nonce (retry with it), or anything else. */
  public static final class ProofException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean nonce;

    ProofException(String message, boolean nonce) {
      super(message, null, false, false);
      this.nonce = nonce;
    }

    /** Whether the client should retry with the current nonce ({@code use_dpop_nonce}). */
    public boolean nonce() {
      return nonce;
    }
  }

  private final ServerClock clock;
  private final byte[] nonceKey = new byte[32];
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  public Dpop(ServerClock clock) {
    this.clock = clock;
    new SecureRandom().nextBytes(nonceKey);
  }

  /** The current server nonce. */
  public String nonce() {
    return nonceOf(period(clock.now()));
  }

  private boolean nonceValid(@Nullable String nonce) {
    if (nonce == null) {
      return false;
    }
    long period = period(clock.now());
    return MessageDigest.isEqual(bytes(nonce), bytes(nonceOf(period)))
        || MessageDigest.isEqual(bytes(nonce), bytes(nonceOf(period - 1)));
  }

  private static long period(Instant now) {
    return Math.floorDiv(now.getEpochSecond(), NONCE_PERIOD.toSeconds());
  }

  private String nonceOf(long period) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(nonceKey, "HmacSHA256"));
      byte[] digest = mac.doFinal(Long.toString(period).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing", e);
    }
  }

  /**
   * Verifies a proof and answers the thumbprint of its key.
   *
   * @param method the request's method ({@code htm})
   * @param urls the request URLs the proof may name ({@code htu}, without query or fragment)
   * @param accessToken the access token sent with it ({@code ath}), or null at the token endpoint
   * @param expectedJkt the thumbprint the token is bound to, or null
   * @throws ProofException if it is refused
   */
  public String verify(
      String proof,
      String method,
      Set<String> urls,
      @Nullable String accessToken,
      @Nullable String expectedJkt)
      throws ProofException {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(proof);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("The DPoP proof is not a signed JWT");
    }
    if (!TYPE.equals(jwt.getHeader().getType())) {
      throw invalid("The DPoP proof's typ must be dpop+jwt");
    }
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!ALGORITHMS.contains(alg)) {
      throw invalid("The DPoP proof's alg must be ES256, RS256 or PS256");
    }
    JWK jwk = jwt.getHeader().getJWK();
    if (jwk == null) {
      throw invalid("The DPoP proof's header has no jwk");
    }
    if (jwk.isPrivate()) {
      throw invalid("The DPoP proof's jwk must be a public key");
    }
    String jkt;
    try {
      if (!jwt.verify(verifier(alg, jwk))) {
        throw invalid("The DPoP proof's signature does not match its jwk");
      }
      jkt = jwk.computeThumbprint("SHA-256").toString();
    } catch (JOSEException e) {
      throw invalid("The DPoP proof's signature cannot be verified with its jwk");
    }
    if (expectedJkt != null && !expectedJkt.equals(jkt)) {
      throw invalid("The DPoP proof is not signed by the key the token is bound to");
    }
    String jti;
    String htm;
    String htu;
    String ath;
    String nonce;
    try {
      jti = claims.getJWTID();
      htm = claims.getStringClaim("htm");
      htu = claims.getStringClaim("htu");
      ath = claims.getStringClaim("ath");
      nonce = claims.getStringClaim("nonce");
    } catch (ParseException e) {
      throw invalid("The DPoP proof's claims have wrong types");
    }
    if (jti == null || jti.isBlank() || jti.length() > 256) {
      throw invalid("The DPoP proof has no jti");
    }
    if (!method.equals(htm)) {
      throw invalid("The DPoP proof's htm is not the request's method");
    }
    String normalised = htu == null ? null : normalise(htu);
    if (normalised == null || urls.stream().map(Dpop::normalise).noneMatch(normalised::equals)) {
      throw invalid("The DPoP proof's htu is not the request's URL");
    }
    if (accessToken != null) {
      if (ath == null) {
        throw invalid("The DPoP proof has no ath for the access token");
      }
      if (!MessageDigest.isEqual(bytes(ath), bytes(sha256(accessToken)))) {
        throw invalid("The DPoP proof's ath is not the hash of the access token");
      }
    }
    Date iatDate = claims.getIssueTime();
    if (iatDate == null) {
      throw invalid("The DPoP proof has no iat");
    }
    Instant iat = iatDate.toInstant();
    Instant serverNow = clock.now();
    Instant wallNow = Instant.now();
    if (!fresh(iat, serverNow, wallNow)) {
      throw invalid("The DPoP proof's iat is more than 60 seconds away from now");
    }
    if (!nonceValid(nonce)) {
      throw new ProofException("The DPoP proof must carry the current server nonce", true);
    }
    remember(jkt, jti, iat, serverNow, wallNow);
    return jkt;
  }

  private void remember(String jkt, String jti, Instant iat, Instant serverNow, Instant wallNow)
      throws ProofException {
    if (seen.size() > PURGE_THRESHOLD) {
      // A proof whose iat is outside both windows is refused anyway: its jti may be forgotten.
      for (Iterator<Instant> it = seen.values().iterator(); it.hasNext(); ) {
        if (!fresh(it.next(), serverNow, wallNow)) {
          it.remove();
        }
      }
      if (seen.size() > HARD_BOUND) {
        throw invalid("Too many DPoP proofs within the window: retry in a minute");
      }
    }
    if (seen.putIfAbsent(jkt + "\u0000" + jti, iat) != null) {
      throw invalid("The DPoP proof was already used (jti replayed)");
    }
  }

  private static boolean fresh(Instant iat, Instant serverNow, Instant wallNow) {
    return within(iat, serverNow) || within(iat, wallNow);
  }

  private static boolean within(Instant iat, Instant now) {
    return !iat.isBefore(now.minus(IAT_WINDOW)) && !iat.isAfter(now.plus(IAT_WINDOW));
  }

  private static JWSVerifier verifier(JWSAlgorithm alg, JWK jwk) throws JOSEException {
    if (JWSAlgorithm.ES256.equals(alg)
        && jwk instanceof ECKey ec
        && Curve.P_256.equals(ec.getCurve())) {
      return new ECDSAVerifier(ec.toECPublicKey());
    }
    if ((JWSAlgorithm.RS256.equals(alg) || JWSAlgorithm.PS256.equals(alg))
        && jwk instanceof RSAKey rsa) {
      return new RSASSAVerifier(rsa.toRSAPublicKey());
    }
    throw new JOSEException("the jwk does not fit the alg");
  }

  /** {@code htu} compared as RFC 9449 §4.3 says: scheme and host case-insensitive, default port. */
  static @Nullable String normalise(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      String host = uri.getHost();
      if (scheme == null || host == null) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
        port = -1;
      }
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return scheme + "://" + host.toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port) + path;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** base64url(SHA-256(token)), the {@code ath} of a proof. */
  public static String sha256(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static ProofException invalid(String message) {
    return new ProofException(message, false);
  }
}
