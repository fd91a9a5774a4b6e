package io.mes4j.core.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A key that DPoP-binds tokens (RFC 9449): the tokens issued for it carry its thumbprint ({@code
 * cnf.jkt}), and every request presenting them carries a proof signed by it.
 *
 * <p>Turn DPoP on with {@link io.mes4j.core.MesClient.Builder#dpop(boolean)} (a P-256 key is
 * generated for the client) or give a key with {@link
 * io.mes4j.core.MesClient.Builder#dpopKey(DpopKey)}. The client then signs a proof for each request
 * ({@code htm}, {@code htu} without query, {@code iat}, {@code jti}, {@code ath} and the server's
 * {@code nonce}), retries once with the server's new nonce, and asks its token provider for bound
 * tokens. {@link #toString()} shows the thumbprint only, never the key.
 *
 * <pre>{@code
 * DpopKey key = DpopKey.generate();            // EC P-256, ES256
 * MesClient client = MesClient.builder()
 *     .baseUrl("https://api.example")
 *     .credentials(tokens)
 *     .dpopKey(key)
 *     .build();
 * }</pre>
 */
public final class DpopKey {
  private final JWK publicJwk;
  private final JWSSigner signer;
  private final JWSAlgorithm algorithm;
  private final String thumbprint;
  private final Clock clock;

  private DpopKey(JWK publicJwk, JWSSigner signer, JWSAlgorithm algorithm, Clock clock) {
    this.publicJwk = publicJwk;
    this.signer = signer;
    this.algorithm = algorithm;
    this.clock = clock;
    try {
      this.thumbprint = publicJwk.computeThumbprint("SHA-256").toString();
    } catch (JOSEException e) {
      throw new MesClientException("cannot compute the DPoP key thumbprint", e);
    }
  }

  /** A new EC P-256 key (ES256), held in memory only. */
  public static DpopKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return of(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new MesClientException("cannot generate an EC P-256 key for DPoP", e);
    }
  }

  /**
   * A key from a key pair: EC P-256 (signs ES256) or RSA of 2048 bits or more (signs RS256).
   *
   * @throws InvalidValueException if the pair is of another kind
   */
  public static DpopKey of(KeyPair keyPair) {
    return of(keyPair, Clock.systemUTC());
  }

  /**
   * A key from a key pair whose proofs take their {@code iat} from {@code clock} (for tests).
   *
   * @throws InvalidValueException if the pair is of another kind
   */
  public static DpopKey of(KeyPair keyPair, Clock clock) {
    Objects.requireNonNull(keyPair, "keyPair");
    Objects.requireNonNull(clock, "clock");
    try {
      if (keyPair.getPublic() instanceof ECPublicKey pub
          && keyPair.getPrivate() instanceof ECPrivateKey priv) {
        if (!Curve.P_256.equals(Curve.forECParameterSpec(pub.getParams()))) {
          throw new InvalidValueException("a DPoP EC key must be on the P-256 curve");
        }
        ECKey jwk = new ECKey.Builder(Curve.P_256, pub).build();
        return new DpopKey(jwk, new ECDSASigner(priv), JWSAlgorithm.ES256, clock);
      }
      if (keyPair.getPublic() instanceof RSAPublicKey pub
          && keyPair.getPrivate() instanceof RSAPrivateKey priv) {
        if (pub.getModulus().bitLength() < 2048) {
          throw new InvalidValueException("a DPoP RSA key must have at least 2048 bits");
        }
        return new DpopKey(
            new RSAKey.Builder(pub).build(), new RSASSASigner(priv), JWSAlgorithm.RS256, clock);
      }
    } catch (JOSEException | IllegalArgumentException | IllegalStateException e) {
      throw new InvalidValueException("the key pair cannot sign DPoP proofs");
    }
    throw new InvalidValueException("a DPoP key must be an EC P-256 or an RSA key pair");
  }

  /**
   * The JWK SHA-256 thumbprint of the public key (RFC 7638), base64url: the tokens' {@code jkt}.
   */
  public String thumbprint() {
    return thumbprint;
  }

  /** The signing algorithm, {@code ES256} or {@code RS256}. */
  public String algorithm() {
    return algorithm.getName();
  }

  /**
   * A DPoP proof for one request (RFC 9449 §4.2): header {@code typ=dpop+jwt}, the algorithm and
   * the public JWK; claims {@code jti} (random), {@code htm}, {@code htu} (the URL without query
   * and fragment), {@code iat}, and {@code ath} and {@code nonce} when given. mes4j builds these
   * itself; this is for requests an application makes on its own.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param target the request URL (its query and fragment are dropped)
   * @param accessToken the access token the request presents, or {@code null} (token endpoint)
   * @param nonce the server's current nonce, or {@code null}
   */
  public String proof(
      String method, URI target, @Nullable String accessToken, @Nullable String nonce) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .jwtID(UUID.randomUUID().toString())
            .claim("htm", method.toUpperCase(Locale.ROOT))
            .claim("htu", htu(target))
            .issueTime(Date.from(Instant.ofEpochSecond(clock.instant().getEpochSecond())));
    if (accessToken != null) {
      claims.claim("ath", ath(accessToken));
    }
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm)
                .type(new JOSEObjectType("dpop+jwt"))
                .jwk(publicJwk)
                .build(),
            claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new MesClientException("cannot sign the DPoP proof: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }

  /** The {@code htu} of a URL: scheme, authority and path, without query and fragment. */
  public static String htu(URI target) {
    if (target.getScheme() == null || target.getRawAuthority() == null) {
      throw new InvalidValueException("a DPoP proof needs an absolute URL");
    }
    String path = target.getRawPath() == null ? "" : target.getRawPath();
    return target.getScheme().toLowerCase(Locale.ROOT) + "://" + target.getRawAuthority() + path;
  }

  /** {@code ath}: base64url(SHA-256(ASCII(token))). */
  public static String ath(String accessToken) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64URL.encode(hash).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing", e);
    }
  }

  /** The algorithm and the thumbprint; never the key. */
  @Override
  public String toString() {
    return "DpopKey[" + algorithm.getName() + ", jkt=" + thumbprint + "]";
  }
}
