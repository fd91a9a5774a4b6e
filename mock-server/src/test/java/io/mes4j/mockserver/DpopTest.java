package io.mes4j.mockserver;

import static io.mes4j.mockserver.CatalogueFlows.AGENDA;
import static io.mes4j.mockserver.CatalogueFlows.AGENDA_REDIRECT;
import static io.mes4j.mockserver.CatalogueFlows.appointmentsOf;
import static io.mes4j.mockserver.CatalogueFlows.enc;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.mockserver.CatalogueFlows.Pkce;
import io.mes4j.mockserver.CatalogueFlows.Tokens;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DpopTest extends ServerTest {
  private CatalogueFlows flows;
  private ECKey key;
  private ECKey otherKey;

  @BeforeEach
  void keys() throws Exception {
    flows = new CatalogueFlows(server.baseUrl(), 11L);
    key = new ECKeyGenerator(Curve.P_256).generate();
    otherKey = new ECKeyGenerator(Curve.P_256).generate();
  }

  private String tokenUrl() {
    return server.baseUrl() + "/oauth2/token";
  }

  private String appointmentsUrl() {
    return server.baseUrl() + "/fhir/Appointment";
  }

  private Instant now() {
    return server.control().now();
  }

  /** The current nonce, as a token request without one is told it. */
  private String nonce() {
    Answer answer =
        flows.token(
            "grant_type=refresh_token&refresh_token=x&client_id=" + enc(AGENDA),
            Map.of(
                "DPoP", flows.proof(key, "POST", tokenUrl(), now(), flows.nextId(), null, null)));
    return answer.header("DPoP-Nonce");
  }

  private String exchangeForm(String code, Pkce pkce) {
    return "grant_type=authorization_code&code="
        + enc(code)
        + "&redirect_uri="
        + enc(AGENDA_REDIRECT)
        + "&client_id="
        + enc(AGENDA)
        + "&code_verifier="
        + pkce.verifier();
  }

  /** A DPoP-bound pairing of the agenda app with ADULT (the nonce challenge first). */
  private Tokens boundPairing() {
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    Answer answer =
        flows.token(
            exchangeForm(code, pkce),
            Map.of(
                "DPoP",
                flows.proof(key, "POST", tokenUrl(), now(), flows.nextId(), nonce(), null)));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return CatalogueFlows.tokens(answer);
  }

  private Answer callAppointments(String scheme, String access, String proof) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    headers.put("Authorization", scheme + " " + access);
    if (proof != null) {
      headers.put("DPoP", proof);
    }
    return flows.get(appointmentsOf(Fixtures.ADULT), headers);
  }

  private String resourceProof(ECKey signer, String method, String url, String access) {
    return flows.proof(signer, method, url, now(), flows.nextId(), nonce(), access);
  }

  @Test
  void tokenEndpoint_challengesForANonce_thenBindsTheTokenToTheProofsKey() throws Exception {
    // CAT-2, RFC 9449 §5, §8
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    // WHEN the exchange carries a proof without a nonce
    Answer challenged =
        flows.token(
            exchangeForm(code, pkce),
            Map.of(
                "DPoP", flows.proof(key, "POST", tokenUrl(), now(), flows.nextId(), null, null)));
    // THEN use_dpop_nonce with the nonce; the code is not spent
    assertThat(challenged.status()).isEqualTo(400);
    assertThat(challenged.json().get("error").asText()).isEqualTo("use_dpop_nonce");
    String nonce = challenged.header("DPoP-Nonce");
    assertThat(nonce).isNotBlank();
    // WHEN retried with the nonce
    Answer bound =
        flows.token(
            exchangeForm(code, pkce),
            Map.of(
                "DPoP", flows.proof(key, "POST", tokenUrl(), now(), flows.nextId(), nonce, null)));
    // THEN a DPoP token bound to the key's thumbprint
    assertThat(bound.status()).as(bound.text()).isEqualTo(200);
    assertThat(bound.json().get("token_type").asText()).isEqualTo("DPoP");
    assertThat(bound.header("DPoP-Nonce")).isNotBlank();
    Object cnf =
        SignedJWT.parse(bound.json().get("access_token").asText())
            .getJWTClaimsSet()
            .getClaim("cnf");
    assertThat(cnf.toString()).contains(key.computeThumbprint().toString());
  }

  @Test
  void tokenEndpoint_refusesABadProof() {
    // RFC 9449 §4.3
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    // WHEN the proof names another URL, then is not a JWT
    Answer otherUrl =
        flows.token(
            exchangeForm(code, pkce),
            Map.of(
                "DPoP",
                flows.proof(
                    key,
                    "POST",
                    server.baseUrl() + "/oauth2/revoke",
                    now(),
                    flows.nextId(),
                    nonce(),
                    null)));
    Answer garbage = flows.token(exchangeForm(code, pkce), Map.of("DPoP", "not.a.jwt"));
    // THEN invalid_dpop_proof
    assertThat(otherUrl.status()).isEqualTo(400);
    assertThat(otherUrl.json().get("error").asText()).isEqualTo("invalid_dpop_proof");
    assertThat(garbage.json().get("error").asText()).isEqualTo("invalid_dpop_proof");
  }

  @Test
  void boundToken_withAProof_works_andTheAnswerCarriesANonce() {
    // CAT-2, RFC 9449 §7
    Tokens tokens = boundPairing();
    // WHEN the service calls with the DPoP scheme and a proof of the request
    Answer answer =
        callAppointments(
            "DPoP", tokens.access(), resourceProof(key, "GET", appointmentsUrl(), tokens.access()));
    // THEN 200, with the current nonce
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.header("DPoP-Nonce")).isNotBlank();
  }

  @Test
  void proofReplayed_isRefused() {
    // RFC 9449 §11.1
    Tokens tokens = boundPairing();
    String proof = resourceProof(key, "GET", appointmentsUrl(), tokens.access());
    assertThat(callAppointments("DPoP", tokens.access(), proof).status()).isEqualTo(200);
    // WHEN the same proof (same jti) is sent again
    Answer replayed = callAppointments("DPoP", tokens.access(), proof);
    // THEN 401 invalid-dpop-proof
    assertThat(replayed.status()).isEqualTo(401);
    assertThat(replayed.cause()).isEqualTo("invalid-dpop-proof");
    assertThat(replayed.header("WWW-Authenticate")).contains("DPoP").contains("invalid_dpop_proof");
  }

  @Test
  void proofForAnotherMethodOrUrl_isRefused() {
    // RFC 9449 §4.3
    Tokens tokens = boundPairing();
    // WHEN the proof names POST for a GET, and another URL
    Answer otherMethod =
        callAppointments(
            "DPoP",
            tokens.access(),
            resourceProof(key, "POST", appointmentsUrl(), tokens.access()));
    Answer otherUrl =
        callAppointments(
            "DPoP",
            tokens.access(),
            resourceProof(key, "GET", server.baseUrl() + "/fhir/Task", tokens.access()));
    // THEN 401 invalid-dpop-proof each
    assertThat(otherMethod.status()).isEqualTo(401);
    assertThat(otherMethod.cause()).isEqualTo("invalid-dpop-proof");
    assertThat(otherMethod.text()).contains("htm");
    assertThat(otherUrl.status()).isEqualTo(401);
    assertThat(otherUrl.cause()).isEqualTo("invalid-dpop-proof");
    assertThat(otherUrl.text()).contains("htu");
  }

  @Test
  void proofWithAWrongAthOrByAnotherKey_isRefused() {
    // RFC 9449 §4.3, §6
    Tokens tokens = boundPairing();
    // WHEN the proof hashes another token, and is signed by another key
    Answer wrongAth =
        callAppointments(
            "DPoP", tokens.access(), resourceProof(key, "GET", appointmentsUrl(), "another-token"));
    Answer wrongKey =
        callAppointments(
            "DPoP",
            tokens.access(),
            resourceProof(otherKey, "GET", appointmentsUrl(), tokens.access()));
    // THEN 401 invalid-dpop-proof each
    assertThat(wrongAth.status()).isEqualTo(401);
    assertThat(wrongAth.cause()).isEqualTo("invalid-dpop-proof");
    assertThat(wrongAth.text()).contains("ath");
    assertThat(wrongKey.status()).isEqualTo(401);
    assertThat(wrongKey.cause()).isEqualTo("invalid-dpop-proof");
  }

  @Test
  void boundToken_asBearerOrWithoutProof_isRefused() {
    // RFC 9449 §7.1
    Tokens tokens = boundPairing();
    // WHEN sent as Bearer (with and without a proof), and with the DPoP scheme but no proof
    Answer bearer = http.get(appointmentsOf(Fixtures.ADULT), tokens.access());
    Answer bearerWithProof =
        callAppointments(
            "Bearer",
            tokens.access(),
            resourceProof(key, "GET", appointmentsUrl(), tokens.access()));
    Answer noProof = callAppointments("DPoP", tokens.access(), null);
    // THEN 401 invalid-dpop-proof each
    assertThat(java.util.List.of(bearer, bearerWithProof, noProof))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(401);
              assertThat(a.cause()).isEqualTo("invalid-dpop-proof");
            });
  }

  @Test
  void resource_withoutNonce_challenges_andTheRetryWithItWorks() {
    // RFC 9449 §9
    Tokens tokens = boundPairing();
    // WHEN the proof carries no nonce
    Answer challenged =
        callAppointments(
            "DPoP",
            tokens.access(),
            flows.proof(
                key, "GET", appointmentsUrl(), now(), flows.nextId(), null, tokens.access()));
    // THEN 401 use_dpop_nonce with the nonce; retried with it, 200
    assertThat(challenged.status()).isEqualTo(401);
    assertThat(challenged.header("WWW-Authenticate")).contains("use_dpop_nonce");
    String nonce = challenged.header("DPoP-Nonce");
    assertThat(nonce).isNotBlank();
    Answer retried =
        callAppointments(
            "DPoP",
            tokens.access(),
            flows.proof(
                key, "GET", appointmentsUrl(), now(), flows.nextId(), nonce, tokens.access()));
    assertThat(retried.status()).as(retried.text()).isEqualTo(200);
  }

  @Test
  void nonces_rotateOnTheServerClock_thePreviousOneStillAccepted() {
    // RFC 9449 §8
    Tokens tokens = boundPairing();
    String old = nonce();
    // WHEN five minutes pass, the previous nonce is still good; after ten, it is stale
    server.control().advanceClock(Duration.ofMinutes(5));
    Answer previous =
        callAppointments(
            "DPoP",
            tokens.access(),
            flows.proof(
                key, "GET", appointmentsUrl(), now(), flows.nextId(), old, tokens.access()));
    server.control().advanceClock(Duration.ofMinutes(5));
    Answer stale =
        callAppointments(
            "DPoP",
            tokens.access(),
            flows.proof(
                key, "GET", appointmentsUrl(), now(), flows.nextId(), old, tokens.access()));
    // THEN
    assertThat(previous.status()).as(previous.text()).isEqualTo(200);
    assertThat(stale.status()).isEqualTo(401);
    assertThat(stale.header("WWW-Authenticate")).contains("use_dpop_nonce");
    assertThat(stale.header("DPoP-Nonce")).isNotEqualTo(old);
  }

  @Test
  void proofOutsideTheIatWindow_isRefused() {
    // RFC 9449 §11.1
    Tokens tokens = boundPairing();
    // WHEN the proof was made two minutes before now (server clock and wall time both)
    Answer old =
        callAppointments(
            "DPoP",
            tokens.access(),
            flows.proof(
                key,
                "GET",
                appointmentsUrl(),
                now().minusSeconds(120),
                flows.nextId(),
                nonce(),
                tokens.access()));
    // THEN 401 invalid-dpop-proof
    assertThat(old.status()).isEqualTo(401);
    assertThat(old.cause()).isEqualTo("invalid-dpop-proof");
  }

  @Test
  void unboundToken_withTheDpopScheme_isRefused() {
    // RFC 9449 §7.1
    String access =
        flows
            .pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ")
            .access();
    // WHEN an unbound token is sent with the DPoP scheme and a proof
    Answer answer =
        callAppointments("DPoP", access, resourceProof(key, "GET", appointmentsUrl(), access));
    // THEN 401 invalid-token
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.cause()).isEqualTo("invalid-token");
  }

  @Test
  void boundRefresh_needsAProofByTheSameKey() {
    // RFC 9449 §5
    Tokens tokens = boundPairing();
    String form =
        "grant_type=refresh_token&refresh_token="
            + enc(tokens.refresh())
            + "&client_id="
            + enc(AGENDA);
    // WHEN refreshed without a proof, with another key's, then with the key's
    Answer without = flows.token(form, Map.of());
    Answer other =
        flows.token(
            form,
            Map.of(
                "DPoP",
                flows.proof(otherKey, "POST", tokenUrl(), now(), flows.nextId(), nonce(), null)));
    Answer same =
        flows.token(
            form,
            Map.of(
                "DPoP",
                flows.proof(key, "POST", tokenUrl(), now(), flows.nextId(), nonce(), null)));
    // THEN refused twice (the refresh token not spent), then a new DPoP token
    assertThat(without.json().get("error").asText()).isEqualTo("invalid_dpop_proof");
    assertThat(other.json().get("error").asText()).isEqualTo("invalid_dpop_proof");
    assertThat(same.status()).as(same.text()).isEqualTo(200);
    assertThat(same.json().get("token_type").asText()).isEqualTo("DPoP");
  }
}
