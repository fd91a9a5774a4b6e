package io.mes4j.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.error.InvalidValueException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** DPoP proofs (RFC 9449 §4.2) as {@link DpopKey} signs them. */
class DpopKeyTest {
  private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

  private static KeyPair ecPair(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  @Test
  void proof_forAResourceCall_carriesTheRfc9449HeaderAndClaimsAndVerifies() throws Exception {
    // GIVEN an EC P-256 key on a fixed clock
    DpopKey key = DpopKey.of(ecPair("secp256r1"), Clock.fixed(NOW, ZoneOffset.UTC));

    // WHEN it signs a proof for a GET with a query, a token and a nonce
    String proof =
        key.proof(
            "get", URI.create("https://api.example:8443/fhir/Appointment?_count=5#x"), "tok", "n1");

    // THEN the header is typ dpop+jwt, ES256, with the public JWK only
    SignedJWT jwt = SignedJWT.parse(proof);
    assertThat(jwt.getHeader().getType().toString()).isEqualTo("dpop+jwt");
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    ECKey jwk = (ECKey) jwt.getHeader().getJWK();
    assertThat(jwk.isPrivate()).isFalse();
    assertThat(jwt.verify(new ECDSAVerifier(jwk))).isTrue();
    // AND the claims: htm upper case, htu without query and fragment, iat, jti, ath, nonce
    var claims = jwt.getJWTClaimsSet();
    assertThat(claims.getStringClaim("htm")).isEqualTo("GET");
    assertThat(claims.getStringClaim("htu")).isEqualTo("https://api.example:8443/fhir/Appointment");
    assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getStringClaim("ath")).isEqualTo(DpopKey.ath("tok"));
    assertThat(claims.getStringClaim("nonce")).isEqualTo("n1");
    // AND the thumbprint is the RFC 7638 SHA-256 one of that JWK
    assertThat(key.thumbprint()).isEqualTo(jwk.computeThumbprint("SHA-256").toString());
  }

  @Test
  void ath_isTheBase64UrlSha256OfTheToken() {
    // GIVEN the RFC 9449 §7.1 example access token
    String token = "Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU";

    // WHEN its ath is computed
    // THEN it is the one of the RFC's example
    assertThat(DpopKey.ath(token)).isEqualTo("fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo");
  }

  @Test
  void proof_forTheTokenEndpoint_hasNoAthNorNonceWhenNoneGiven() throws Exception {
    // GIVEN a generated key
    DpopKey key = DpopKey.generate();

    // WHEN it signs a proof without token or nonce
    SignedJWT jwt =
        SignedJWT.parse(key.proof("POST", URI.create("http://h/oauth2/token"), null, null));

    // THEN neither ath nor nonce is claimed, and two proofs have different jti
    assertThat(jwt.getJWTClaimsSet().getClaim("ath")).isNull();
    assertThat(jwt.getJWTClaimsSet().getClaim("nonce")).isNull();
    SignedJWT other =
        SignedJWT.parse(key.proof("POST", URI.create("http://h/oauth2/token"), null, null));
    assertThat(other.getJWTClaimsSet().getJWTID()).isNotEqualTo(jwt.getJWTClaimsSet().getJWTID());
  }

  @Test
  void of_anRsaPair_signsRs256() throws Exception {
    // GIVEN an RSA 2048 key pair
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    DpopKey key = DpopKey.of(g.generateKeyPair());

    // WHEN it signs a proof
    SignedJWT jwt = SignedJWT.parse(key.proof("DELETE", URI.create("http://h/x"), "t", null));

    // THEN it is RS256 and verifies with the header's JWK
    assertThat(key.algorithm()).isEqualTo("RS256");
    assertThat(jwt.verify(new RSASSAVerifier((RSAKey) jwt.getHeader().getJWK()))).isTrue();
  }

  @Test
  void of_anEcPairOnAnotherCurve_isRefused() throws Exception {
    // GIVEN a P-384 key pair
    KeyPair p384 = ecPair("secp384r1");

    // WHEN it is made a DPoP key
    // THEN it is refused
    assertThatThrownBy(() -> DpopKey.of(p384)).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void toString_showsTheThumbprintNeverTheKey() {
    // GIVEN a key
    DpopKey key = DpopKey.generate();

    // WHEN printed
    // THEN only the algorithm and thumbprint show
    assertThat(key.toString()).isEqualTo("DpopKey[ES256, jkt=" + key.thumbprint() + "]");
  }

  @Test
  void accessToken_dpopBound_usesTheDpopSchemeAndStaysRedacted() {
    // GIVEN a bound and an unbound token of the same value
    AccessToken bound = AccessToken.dpopBound("abc", NOW);
    AccessToken bearer = AccessToken.of("abc", NOW);

    // WHEN compared and printed
    // THEN the schemes differ, so do the tokens, and neither prints its value
    assertThat(bound.scheme()).isEqualTo("DPoP");
    assertThat(bearer.scheme()).isEqualTo("Bearer");
    assertThat(bound).isNotEqualTo(bearer);
    assertThat(bound.toString()).doesNotContain("abc").contains("DPoP");
  }
}
