package io.mes4j.mockserver.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.auth.TokenService;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Token attacks that {@code BearerValidationTest} does not already cover: each a token that is
 * right in every way but one, signed with the server's own key where the attack needs it (read from
 * the running server, as only a test can), each refused with {@code 401 invalid-token}. A control
 * test shows that the same crafting, with nothing wrong, is accepted: so each refusal is for the
 * one defect. Covered elsewhere, not repeated: {@code alg: none}, HS256 keyed with the public key,
 * expiry, a tampered payload, another key, a key in the header, another issuer's server ({@code
 * BearerValidationTest}); a token of a withdrawn pairing ({@code
 * PairingTest.withdrawnPairing_isRefusedOnTheNextCall_andItsRefreshToo}); a replayed DPoP proof
 * ({@code DpopTest.proofReplayed_isRefused}).
 */
class TokenAttackTest extends ServerTest {

  /** The server's signing key, from its token service (test-only reflection). */
  private static ECKey serverKey() throws Exception {
    Field engineField = MockServer.class.getDeclaredField("engine");
    engineField.setAccessible(true);
    TokenService tokens = ((Engine) engineField.get(server)).tokens();
    Field keyField = TokenService.class.getDeclaredField("key");
    keyField.setAccessible(true);
    return (ECKey) keyField.get(tokens);
  }

  private static JWTClaimsSet.Builder validClaims() {
    Date now = Date.from(server.control().now());
    return new JWTClaimsSet.Builder()
        .issuer(server.baseUrl())
        .audience(server.baseUrl() + "/fhir")
        .subject(Fixtures.Ids.DOCTOR)
        .issueTime(now)
        .notBeforeTime(now)
        .expirationTime(Date.from(server.control().now().plusSeconds(600)))
        .jwtID(UUID.randomUUID().toString())
        .claim("mes_actor", "professional")
        .claim("mes_profession", "10")
        .claim("mes_access_mode", "normal");
  }

  private static String sign(JWSHeader header, JWTClaimsSet claims, ECKey key) throws Exception {
    SignedJWT jwt = new SignedJWT(header, claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static JWSHeader serverHeader(ECKey key) {
    return new JWSHeader.Builder(JWSAlgorithm.ES256)
        .keyID(key.getKeyID())
        .type(JOSEObjectType.JWT)
        .build();
  }

  private static Answer search(String token) {
    return searchByPost(token, Fixtures.ADULT, "");
  }

  private static void assertInvalidToken(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(401);
    assertThat(answer.cause()).isEqualTo("invalid-token");
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void control_aTokenCraftedWithTheServersKeyAndNothingWrong_isAccepted() throws Exception {
    // GIVEN the crafting every attack below uses, with nothing wrong
    ECKey key = serverKey();
    String token = sign(serverHeader(key), validClaims().build(), key);
    // THEN the search is answered
    assertThat(search(token).status()).isEqualTo(200);
  }

  @Test
  void aTokenNotYetValid_beyondTheSkew_is401() throws Exception {
    // GIVEN nbf ten minutes ahead of the server clock (skew: 30 s)
    ECKey key = serverKey();
    JWTClaimsSet claims =
        validClaims().notBeforeTime(Date.from(server.control().now().plusSeconds(600))).build();
    // THEN refused
    assertInvalidToken(search(sign(serverHeader(key), claims, key)));
  }

  @Test
  void aTokenOfAnotherIssuer_signedWithTheServersKey_is401() throws Exception {
    ECKey key = serverKey();
    JWTClaimsSet claims = validClaims().issuer("https://attacker.example").build();
    assertInvalidToken(search(sign(serverHeader(key), claims, key)));
  }

  @Test
  void aTokenForAnotherAudience_signedWithTheServersKey_is401() throws Exception {
    // GIVEN aud the server itself rather than its FHIR API
    ECKey key = serverKey();
    JWTClaimsSet claims = validClaims().audience(server.baseUrl()).build();
    assertInvalidToken(search(sign(serverHeader(key), claims, key)));
  }

  @Test
  void aTokenWithoutAudience_signedWithTheServersKey_is401() throws Exception {
    ECKey key = serverKey();
    JWTClaimsSet claims = validClaims().audience((String) null).build();
    assertInvalidToken(search(sign(serverHeader(key), claims, key)));
  }

  @Test
  void aTokenWithoutExpiry_signedWithTheServersKey_is401() throws Exception {
    ECKey key = serverKey();
    JWTClaimsSet claims = validClaims().expirationTime(null).build();
    assertInvalidToken(search(sign(serverHeader(key), claims, key)));
  }

  @Test
  void aTokenNamingAnUnknownKid_signedByAnotherKey_is401() throws Exception {
    // GIVEN a kid the JWKS does not hold, no key in the header
    ECKey other = new ECKeyGenerator(Curve.P_256).keyID("kid-" + UUID.randomUUID()).generate();
    String token =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(other.getKeyID()).build(),
            validClaims().build(),
            other);
    assertInvalidToken(search(token));
  }

  /**
   * A token naming a {@code kid} the JWKS does not publish is refused even when the signature is
   * the server's own: the key is chosen by its id, never by trying.
   */
  @Test
  void aTokenNamingAnUnknownKid_evenSignedWithTheServersKey_is401() throws Exception {
    // GIVEN the server's signature but a kid its JWKS does not publish
    ECKey key = serverKey();
    String token =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID("unknown-" + UUID.randomUUID())
                .type(JOSEObjectType.JWT)
                .build(),
            validClaims().build(),
            key);
    assertInvalidToken(search(token));
  }

  @Test
  void aTokenWithAnUnknownCriticalHeader_is401() throws Exception {
    // RFC 7515 §4.1.11: a crit parameter the recipient does not understand makes it invalid
    ECKey key = serverKey();
    String token =
        sign(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .criticalParams(Set.of("mes4j-unknown"))
                .customParam("mes4j-unknown", true)
                .build(),
            validClaims().build(),
            key);
    assertInvalidToken(search(token));
  }

  @Test
  void aTokenWithItsSignatureStripped_is401() throws Exception {
    // GIVEN a real token of the server, its signature removed (header.payload.)
    String real = token(Fixtures.DOCTOR);
    String stripped = real.substring(0, real.lastIndexOf('.') + 1);
    assertInvalidToken(search(stripped));
  }

  @Test
  void algNoneWrittenInCapitals_is401() {
    // A variant of alg none that a case-insensitive check would let through
    String unsigned =
        b64("{\"alg\":\"NONE\",\"typ\":\"JWT\"}")
            + "."
            + b64(validClaims().build().toString())
            + ".";
    assertInvalidToken(search(unsigned));
  }

  @Test
  void aTokenWithTheSignatureOfAnotherOfTheServersTokens_is401() {
    // GIVEN two real tokens: one's header and payload, the other's signature
    String doctor = token(Fixtures.DOCTOR);
    String unauthorised = token(Fixtures.DOCTOR_UNAUTHORISED);
    String spliced =
        unauthorised.substring(0, unauthorised.lastIndexOf('.'))
            + doctor.substring(doctor.lastIndexOf('.'));
    assertInvalidToken(search(spliced));
  }

  @Test
  void aValidTokenInTheQueryString_isNotAccepted() {
    // Tokens travel in the Authorization header only: never in a URL, where logs would see them
    String token = token(Fixtures.DOCTOR);
    Answer answer =
        http.get(
            "/fhir/DocumentReference?" + patientParam(Fixtures.ADULT) + "&access_token=" + token,
            null);
    assertThat(answer.status()).isIn(400, 401);
  }
}
