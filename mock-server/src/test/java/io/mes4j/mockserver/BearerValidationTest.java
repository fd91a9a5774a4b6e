package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.AccessMode;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.util.Date;
import org.junit.jupiter.api.Test;

class BearerValidationTest extends ServerTest {
  private static String searchPath() {
    return "/fhir/DocumentReference?" + patientParam(Fixtures.ADULT);
  }

  private static void assertInvalidToken(Answer answer) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.cause()).isEqualTo("invalid-token");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void fhirCall_withoutToken_is401() {
    assertInvalidToken(http.get(searchPath(), null));
  }

  @Test
  void fhirCall_withGarbageToken_is401() {
    assertInvalidToken(http.get(searchPath(), "not.a.jwt"));
  }

  @Test
  void fhirCall_afterTheTokenExpired_is401() {
    // GIVEN a token valid one hour, used once
    String token = token(Fixtures.DOCTOR);
    assertThat(http.get(searchPath(), token).status()).isEqualTo(200);
    // WHEN the clock passes its expiry and the skew
    server.control().advanceClock(Duration.ofHours(1).plusSeconds(31));
    // THEN
    assertInvalidToken(http.get(searchPath(), token));
  }

  @Test
  void fhirCall_withinTheSkewAfterExpiry_isStillAccepted() {
    String token =
        server.control().token(Fixtures.DOCTOR.value(), AccessMode.normal(), Duration.ofMinutes(1));
    server.control().advanceClock(Duration.ofSeconds(80));
    assertThat(http.get(searchPath(), token).status()).isEqualTo(200);
  }

  @Test
  void fhirCall_withTokenSignedByAnotherKey_is401() throws Exception {
    // GIVEN a token with the right claims but another key
    ECKey other = new ECKeyGenerator(Curve.P_256).generate();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(server.baseUrl())
            .audience(server.baseUrl() + "/fhir")
            .subject(Fixtures.DOCTOR.value())
            .expirationTime(Date.from(server.control().now().plusSeconds(600)))
            .claim("mes_actor", "professional")
            .claim("mes_profession", "10")
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
    jwt.sign(new ECDSASigner(other));
    // THEN
    assertInvalidToken(http.get(searchPath(), jwt.serialize()));
  }

  @Test
  void fhirCall_withATamperedPayload_is401() {
    String token = token(Fixtures.DOCTOR_UNAUTHORISED);
    String[] parts = token.split("\\.");
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
            .replace(Fixtures.DOCTOR_UNAUTHORISED.value(), Fixtures.DOCTOR.value());
    String forged =
        parts[0]
            + "."
            + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
            + "."
            + parts[2];
    assertInvalidToken(http.get(searchPath(), forged));
  }

  private JWTClaimsSet.Builder validClaims() {
    return new JWTClaimsSet.Builder()
        .issuer(server.baseUrl())
        .audience(server.baseUrl() + "/fhir")
        .subject(Fixtures.DOCTOR.value())
        .issueTime(Date.from(server.control().now()))
        .expirationTime(Date.from(server.control().now().plusSeconds(600)))
        .claim("mes_actor", "professional")
        .claim("mes_profession", "10");
  }

  private static String b64(String json) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void fhirCall_withAlgNone_is401() {
    // Token attack: an unsigned token ("alg": "none") with valid claims
    String unsigned =
        b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
            + "."
            + b64(validClaims().build().toString())
            + ".";
    assertInvalidToken(http.get(searchPath(), unsigned));
  }

  @Test
  void fhirCall_withHs256SignedWithTheServersPublicKey_is401() throws Exception {
    // Token attack: algorithm confusion, HMAC keyed with the public key the server publishes
    String jwks = http.get("/oauth2/jwks", null).text();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims().build());
    jwt.sign(
        new com.nimbusds.jose.crypto.MACSigner(
            jwks.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertInvalidToken(http.get(searchPath(), jwt.serialize()));
  }

  @Test
  void fhirCall_withAnAttackersKeyInTheHeader_is401() throws Exception {
    // Token attack: the token carries its own key (jwk header) and an unknown kid
    ECKey attacker = new ECKeyGenerator(Curve.P_256).keyID("attacker").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID("attacker")
                .jwk(attacker.toPublicJWK())
                .build(),
            validClaims().build());
    jwt.sign(new ECDSASigner(attacker));
    assertInvalidToken(http.get(searchPath(), jwt.serialize()));
  }

  @Test
  void fhirCall_withATokenOfAnotherServer_is401() {
    // A well-formed token of another issuer (another instance, its own key) is refused; the
    // server's own still passes
    String token = token(Fixtures.DOCTOR);
    try (MockServer other = MockServer.start()) {
      String foreign = other.control().token(Fixtures.DOCTOR.value());
      assertInvalidToken(http.get(searchPath(), foreign));
    }
    assertThat(http.get(searchPath(), token).status()).isEqualTo(200);
  }

  @Test
  void metadata_needsNoToken() {
    assertThat(http.get("/fhir/metadata", null).status()).isEqualTo(200);
  }
}
