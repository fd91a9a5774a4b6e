package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest extends ServerTest {
  private static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private RSAKey rsa;
  private ECKey ec;

  @BeforeEach
  void registerClients() throws Exception {
    rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    server
        .control()
        .registerClient("doctor-app", Fixtures.DOCTOR.value(), rsa.toRSAPublicKey(), "rsa-1");
    server
        .control()
        .registerClient("adult-app", Fixtures.ADULT.value(), ec.toECPublicKey(), "ec-1");
  }

  private String assertion(
      String clientId, JWSSigner signer, JWSAlgorithm alg, String aud, Instant exp, String jti)
      throws Exception {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(aud)
            .issueTime(Date.from(exp.minusSeconds(60)))
            .expirationTime(Date.from(exp))
            .jwtID(jti)
            .build();
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private String rsaAssertion() throws Exception {
    return assertion(
        "doctor-app",
        new RSASSASigner(rsa),
        JWSAlgorithm.RS256,
        server.control().tokenEndpoint(),
        Instant.now().plusSeconds(60),
        UUID.randomUUID().toString());
  }

  private static Answer tokenRequest(String assertion, String extra) {
    return http.form(
        "/oauth2/token",
        "grant_type=client_credentials&client_assertion_type="
            + URLEncoder.encode(ASSERTION_TYPE, StandardCharsets.UTF_8)
            + "&client_assertion="
            + assertion
            + extra);
  }

  @Test
  void discovery_listsTheEndpointsAndPrivateKeyJwt() {
    // WHEN
    Answer answer = http.get("/.well-known/openid-configuration", null);
    // THEN
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("issuer").asText()).isEqualTo(server.baseUrl());
    assertThat(answer.json().get("token_endpoint").asText())
        .isEqualTo(server.baseUrl() + "/oauth2/token");
    assertThat(answer.json().get("jwks_uri").asText()).isEqualTo(server.baseUrl() + "/oauth2/jwks");
    assertThat(answer.json().get("token_endpoint_auth_methods_supported").toString())
        .contains("private_key_jwt");
  }

  @Test
  void jwks_publishesOneEcP256Key() {
    Answer answer = http.get("/oauth2/jwks", null);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("keys")).hasSize(1);
    assertThat(answer.json().get("keys").get(0).get("crv").asText()).isEqualTo("P-256");
    assertThat(answer.json().get("keys").get(0).has("d")).isFalse();
  }

  @Test
  void token_withRs256Assertion_issuesAnEs256TokenForTheClientsIdentity() throws Exception {
    // WHEN
    Answer answer = tokenRequest(rsaAssertion(), "");
    // THEN
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(answer.json().get("expires_in").asLong()).isEqualTo(3600);
    SignedJWT token = SignedJWT.parse(answer.json().get("access_token").asText());
    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo(Fixtures.DOCTOR.value());
    assertThat(token.getJWTClaimsSet().getStringClaim("mes_actor")).isEqualTo("professional");
    assertThat(token.getJWTClaimsSet().getStringClaim("mes_profession")).isEqualTo("10");
    assertThat(token.getJWTClaimsSet().getAudience()).containsExactly(server.baseUrl() + "/fhir");
    // and the token opens the FHIR API
    Answer search =
        http.get(
            "/fhir/DocumentReference?" + patientParam(Fixtures.ADULT),
            answer.json().get("access_token").asText());
    assertThat(search.status()).isEqualTo(200);
  }

  @Test
  void token_withEs256AssertionAndAccessMode_carriesTheMode() throws Exception {
    String assertion =
        assertion(
            "adult-app",
            new ECDSASigner(ec),
            JWSAlgorithm.ES256,
            server.control().tokenEndpoint(),
            Instant.now().plusSeconds(60),
            "jti-1");
    Answer answer = tokenRequest(assertion, "&access_mode=bris_de_glace&access_reason=coma");
    assertThat(answer.status()).isEqualTo(200);
    SignedJWT token = SignedJWT.parse(answer.json().get("access_token").asText());
    assertThat(token.getJWTClaimsSet().getStringClaim("mes_access_mode"))
        .isEqualTo("bris_de_glace");
    assertThat(token.getJWTClaimsSet().getStringClaim("mes_access_reason")).isEqualTo("coma");
  }

  @Test
  void token_withAssertionSignedByAnotherKey_isInvalidClient() throws Exception {
    RSAKey other = new RSAKeyGenerator(2048).generate();
    String assertion =
        assertion(
            "doctor-app",
            new RSASSASigner(other),
            JWSAlgorithm.RS256,
            server.control().tokenEndpoint(),
            Instant.now().plusSeconds(60),
            "jti-2");
    Answer answer = tokenRequest(assertion, "");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
  }

  @Test
  void token_withWrongAudience_isInvalidClient() throws Exception {
    String assertion =
        assertion(
            "doctor-app",
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            "https://elsewhere.example/token",
            Instant.now().plusSeconds(60),
            "jti-3");
    Answer answer = tokenRequest(assertion, "");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(answer.json().get("error_description").asText()).contains("aud");
  }

  @Test
  void token_withReplayedJti_isRefusedTheSecondTime() throws Exception {
    // GIVEN an assertion used once
    String assertion = rsaAssertion();
    assertThat(tokenRequest(assertion, "").status()).isEqualTo(200);
    // WHEN it is used again
    Answer replay = tokenRequest(assertion, "");
    // THEN
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.json().get("error_description").asText()).contains("jti");
  }

  @Test
  void token_withExpiredAssertion_isInvalidClient() throws Exception {
    // GIVEN an assertion that expired two minutes ago, beyond the 30 s skew
    String assertion =
        assertion(
            "doctor-app",
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            server.control().tokenEndpoint(),
            Instant.now().minus(Duration.ofMinutes(2)),
            UUID.randomUUID().toString());
    // WHEN
    Answer answer = tokenRequest(assertion, "");
    // THEN
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error_description").asText()).contains("expired");
  }

  @Test
  void token_whenTheServerClockIsFarFromWallTime_stillAcceptsAFreshAssertion() throws Exception {
    // GIVEN a test that moved the server's domain clock a year ahead
    server.control().advanceClock(Duration.ofDays(365));
    // WHEN a client signs an assertion on its real clock
    Answer answer = tokenRequest(rsaAssertion(), "");
    // THEN the assertion's freshness is judged on wall time: accepted
    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void token_withAssertionLivingMoreThanFiveMinutes_isInvalidClient() throws Exception {
    String assertion =
        assertion(
            "doctor-app",
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            server.control().tokenEndpoint(),
            Instant.now().plus(Duration.ofMinutes(30)),
            "jti-4");
    assertThat(tokenRequest(assertion, "").json().get("error").asText())
        .isEqualTo("invalid_client");
  }

  @Test
  void token_withOtherGrantType_isUnsupportedGrantType() {
    Answer answer = http.form("/oauth2/token", "grant_type=password&username=x");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_grant_type");
  }

  @Test
  void token_forUnknownClient_isInvalidClient() throws Exception {
    String assertion =
        assertion(
            "nobody",
            new RSASSASigner(rsa),
            JWSAlgorithm.RS256,
            server.control().tokenEndpoint(),
            Instant.now().plusSeconds(60),
            "jti-5");
    assertThat(tokenRequest(assertion, "").json().get("error").asText())
        .isEqualTo("invalid_client");
  }

  @Test
  void controlTokens_overHttp_issueAUsableToken() {
    Answer answer =
        http.control(
            "POST", "/_mock/tokens", Map.of("subject", Fixtures.DOCTOR.value(), "ttlSeconds", 600));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("expires_in").asLong()).isEqualTo(600);
    String token = answer.json().get("access_token").asText();
    assertThat(http.get("/fhir/DocumentReference?" + patientParam(Fixtures.ADULT), token).status())
        .isEqualTo(200);
  }

  @Test
  void controlTokens_forAnUnusableSubject_is400() {
    Answer answer = http.control("POST", "/_mock/tokens", Map.of("subject", "not-an-identity"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }
}
