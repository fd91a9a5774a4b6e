package io.mes4j.mockserver.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.AccessMode;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.clock.ServerClock;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Issues and verifies the server's access tokens: ES256 JWTs signed with a P-256 key made at start
 * (public part at {@code /oauth2/jwks}). Verification checks the signature, {@code iss}, {@code
 * aud}, {@code exp} and {@code nbf} with 30 seconds of skew on the server clock. Tokens whose
 * signature was verified are cached (bounded), so that later calls only re-check the times.
 */
public final class TokenService {
  public static final Duration SKEW = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TTL = Duration.ofHours(1);
  private static final int CACHE_BOUND = 10_000;

  private final String issuer;
  private final String audience;
  private final ServerClock clock;
  private final ECKey key;
  private final ECDSASigner signer;
  private final ECDSAVerifier verifier;
  private final Map<String, Principal> verified = new ConcurrentHashMap<>();

  public TokenService(String issuer, ServerClock clock) {
    this.issuer = issuer;
    this.audience = issuer + "/fhir";
    this.clock = clock;
    try {
      this.key = new ECKeyGenerator(Curve.P_256).keyID("mes4j-" + UUID.randomUUID()).generate();
      this.signer = new ECDSASigner(key);
      this.verifier = new ECDSAVerifier(key.toECPublicKey());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot make the server's signing key", e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public String audience() {
    return audience;
  }

  public Map<String, Object> jwks() {
    return new JWKSet(key.toPublicJWK()).toJSONObject(true);
  }

  /** Issues a token for {@code identity} in {@code mode}, valid {@code ttl} from now. */
  public String issue(Identity identity, Mode mode, Duration ttl) {
    return issue(identity, mode, ttl, null);
  }

  /**
   * Issues a token for {@code identity}, bound to the DPoP key of thumbprint {@code jkt} (RFC 9449
   * {@code cnf.jkt}) when given.
   */
  public String issue(Identity identity, Mode mode, Duration ttl, @Nullable String jkt) {
    Instant now = clock.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(identity.subject())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .jwtID(UUID.randomUUID().toString())
            .claim("mes_actor", identity.kind().claim())
            .claim("mes_access_mode", mode.kind().code());
    if (identity.profession() != null) {
      claims.claim("mes_profession", identity.profession());
    }
    if (!identity.roles().isEmpty()) {
      claims.claim("mes_roles", List.copyOf(identity.roles()));
    }
    if (mode.reason() != null) {
      claims.claim("mes_access_reason", mode.reason());
    }
    if (!identity.finalities().isEmpty()) {
      claims.claim("mes_finalities", identity.finalities().stream().sorted().toList());
    }
    if (identity.pairedPatient() != null) {
      claims.claim("mes_patient", identity.pairedPatient());
    }
    if (identity.pairing() != null) {
      claims.claim("mes_pairing", identity.pairing());
    }
    if (identity.grant() != null) {
      claims.claim("mes_grant", identity.grant());
    }
    if (jkt != null) {
      claims.claim("cnf", Map.of("jkt", jkt));
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
    return jwt.serialize();
  }

  /** Verifies a bearer token; any problem is a 401 {@code invalid-token}. */
  public Principal verify(@Nullable String token) {
    if (token == null || token.isBlank()) {
      throw invalid("A bearer token is required", null);
    }
    Principal principal = verified.get(token);
    if (principal == null) {
      principal = verifySignatureAndClaims(token);
      if (verified.size() >= CACHE_BOUND) {
        verified.clear();
      }
      verified.put(token, principal);
    }
    Instant now = clock.now();
    if (now.isAfter(principal.expiresAt().plus(SKEW))) {
      throw invalid("The token has expired", "invalid_token");
    }
    if (now.plus(SKEW).isBefore(principal.notBefore())) {
      throw invalid("The token is not valid yet", "invalid_token");
    }
    return principal;
  }

  /**
   * The claims of a token this server signed, whatever its times (for revocation, RFC 7009); null
   * if it is not one.
   */
  public @Nullable Principal ownToken(String token) {
    try {
      return verifySignatureAndClaims(token);
    } catch (HttpError e) {
      return null;
    }
  }

  private Principal verifySignatureAndClaims(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw invalid("The token is not a signed JWT", "invalid_token");
    }
    if (!JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm())) {
      throw invalid("The token is not signed with ES256", "invalid_token");
    }
    String kid = jwt.getHeader().getKeyID();
    if (kid != null && !kid.equals(key.getKeyID())) {
      throw invalid("The token names a key this server does not have", "invalid_token");
    }
    try {
      if (!jwt.verify(verifier)) {
        throw invalid("The token's signature is not the server's", "invalid_token");
      }
    } catch (JOSEException e) {
      throw invalid("The token's signature cannot be verified", "invalid_token");
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw invalid("The token's issuer is not this server", "invalid_token");
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
      throw invalid("The token's audience is not " + audience, "invalid_token");
    }
    Date exp = claims.getExpirationTime();
    Date nbf = claims.getNotBeforeTime();
    String subject = claims.getSubject();
    if (exp == null || subject == null) {
      throw invalid("The token lacks exp or sub", "invalid_token");
    }
    try {
      Actor.Kind kind = Actor.Kind.fromClaim(claims.getStringClaim("mes_actor"));
      if (kind == null) {
        throw invalid("The token's mes_actor claim is missing or unknown", "invalid_token");
      }
      String modeCode = claims.getStringClaim("mes_access_mode");
      AccessMode.Kind modeKind = modeCode == null ? AccessMode.Kind.NORMAL : Mode.kindOf(modeCode);
      if (modeKind == null) {
        throw invalid("The token's mes_access_mode claim is unknown", "invalid_token");
      }
      List<String> roles = claims.getStringListClaim("mes_roles");
      List<String> finalities = claims.getStringListClaim("mes_finalities");
      Map<String, Object> cnf = claims.getJSONObjectClaim("cnf");
      Object jkt = cnf == null ? null : cnf.get("jkt");
      if (cnf != null && !(jkt instanceof String)) {
        throw invalid("The token's cnf claim has no jkt", "invalid_token");
      }
      return new Principal(
          subject,
          kind,
          claims.getStringClaim("mes_profession"),
          roles == null ? Set.of() : new HashSet<>(roles),
          new Mode(modeKind, claims.getStringClaim("mes_access_reason")),
          nbf == null ? Instant.MIN : nbf.toInstant(),
          exp.toInstant(),
          finalities == null ? Set.of() : new HashSet<>(finalities),
          claims.getStringClaim("mes_patient"),
          claims.getStringClaim("mes_pairing"),
          claims.getStringClaim("mes_grant"),
          (String) jkt);
    } catch (ParseException e) {
      throw invalid("The token's mes_ claims have wrong types", "invalid_token");
    }
  }

  private static HttpError invalid(String message, @Nullable String error) {
    String challenge =
        error == null
            ? "Bearer realm=\"mes4j\""
            : "Bearer realm=\"mes4j\", error=\""
                + error
                + "\", error_description=\""
                + message
                + "\"";
    return new HttpError(Cause.INVALID_TOKEN, message).header("WWW-Authenticate", challenge);
  }
}
