package io.mes4j.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.ClientCredentialsTokenProvider;
import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.error.DpopProofException;
import io.mes4j.core.error.TokenRevokedException;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DPoP on the wire (RFC 9449): the proof of each request, the {@code Authorization: DPoP} scheme,
 * the server-nonce retry at resource and token endpoints, and the nonce remembered.
 */
class DpopNonceRetryTest {

  // a server per test: its own origin, so the nonces remembered by one test do not leak
  @RegisterExtension
  WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MesClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private ApiExecutor executor(TokenProvider tokens, DpopKey key) {
    client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(tokens)
            .dpopKey(key)
            .retryPolicy(RetryPolicy.none())
            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
            .build();
    return CoreAccess.executor(client);
  }

  private static TokenProvider bound(String token) {
    return request -> AccessToken.dpopBound(token, null);
  }

  /** The requests the server received, oldest first. */
  private List<ServeEvent> received() {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
    return events;
  }

  private static Map<String, Object> proofClaims(ServeEvent e) throws Exception {
    return SignedJWT.parse(e.getRequest().getHeader("DPoP")).getJWTClaimsSet().getClaims();
  }

  @Test
  void execute_whenTheServerAsksForANonce_retriesOnceWithItAndRemembersTheNext() throws Exception {
    // GIVEN a server refusing the first proof for lack of a nonce, then accepting
    server.stubFor(
        get(urlPathEqualTo("/fhir/Appointment"))
            .inScenario("nonce")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "DPoP error=\"use_dpop_nonce\"")
                    .withHeader("DPoP-Nonce", "n-1"))
            .willSetStateTo("nonced"));
    server.stubFor(
        get(urlPathEqualTo("/fhir/Appointment"))
            .inScenario("nonce")
            .whenScenarioStateIs("nonced")
            .willReturn(okJson("{}").withHeader("DPoP-Nonce", "n-2")));
    DpopKey key = DpopKey.generate();
    ApiExecutor executor = executor(bound("tok-1"), key);

    // WHEN two calls are made
    ApiResponse first =
        executor.execute(
            ApiRequest.builder("GET", "/fhir/Appointment").queryParam("_count", "5").build());
    executor.execute(ApiRequest.builder("GET", "/fhir/Appointment").build());

    // THEN the first call was sent twice: without nonce, then with the server's
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.attempts()).isEqualTo(2);
    List<ServeEvent> events = received();
    assertThat(events).hasSize(3);
    assertThat(proofClaims(events.get(0))).doesNotContainKey("nonce");
    assertThat(proofClaims(events.get(1))).containsEntry("nonce", "n-1");
    // AND the next call's first proof carries the nonce of the last answer
    assertThat(proofClaims(events.get(2))).containsEntry("nonce", "n-2");
    // AND every request presented the token with the DPoP scheme and a proof of this request
    for (ServeEvent e : events) {
      assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("DPoP tok-1");
      Map<String, Object> claims = proofClaims(e);
      assertThat(claims)
          .containsEntry("htm", "GET")
          .containsEntry("htu", server.baseUrl() + "/fhir/Appointment")
          .containsEntry("ath", DpopKey.ath("tok-1"));
      SignedJWT jwt = SignedJWT.parse(e.getRequest().getHeader("DPoP"));
      assertThat(jwt.getHeader().getJWK().computeThumbprint().toString())
          .isEqualTo(key.thumbprint());
    }
    // AND every proof has its own jti
    assertThat(events.stream().map(e -> uncheckedJti(e)).distinct()).hasSize(3);
  }

  private static Object uncheckedJti(ServeEvent e) {
    try {
      return proofClaims(e).get("jti");
    } catch (Exception ex) {
      throw new AssertionError(ex);
    }
  }

  @Test
  void execute_whenTheServerAsksForANonceAgain_doesNotLoopAndThrowsTyped() {
    // GIVEN a server asking for a nonce at every request, then refusing the proof
    server.stubFor(
        get(urlPathEqualTo("/fhir/Appointment"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "DPoP error=\"invalid_dpop_proof\"")
                    .withBody(
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                            + "\"code\":\"security\",\"details\":{\"coding\":[{\"system\":"
                            + "\"https://mes4j.io/fhir/CodeSystem/error-cause\",\"code\":"
                            + "\"invalid-dpop-proof\"}]}}]}")));
    ApiExecutor executor = executor(bound("tok-1"), DpopKey.generate());

    // WHEN a call is made
    DpopProofException e =
        catchThrowableOfType(
            DpopProofException.class,
            () -> executor.execute(ApiRequest.builder("GET", "/fhir/Appointment").build()));

    // THEN it is typed, and no fresh token was tried (it would be bound to the same key)
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void execute_whenTheTokenIsRevoked_throwsTokenRevokedWithoutReplay() {
    // GIVEN a server answering token-revoked (CAT-3)
    server.stubFor(
        get(urlPathEqualTo("/fhir/Appointment"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .withBody(
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                            + "\"code\":\"security\",\"details\":{\"coding\":[{\"system\":"
                            + "\"https://mes4j.io/fhir/CodeSystem/error-cause\",\"code\":"
                            + "\"token-revoked\"}]}}]}")));
    ApiExecutor executor = executor(bound("tok-1"), DpopKey.generate());

    // WHEN a call is made
    TokenRevokedException e =
        catchThrowableOfType(
            TokenRevokedException.class,
            () -> executor.execute(ApiRequest.builder("GET", "/fhir/Appointment").build()));

    // THEN one request only
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(received()).hasSize(1);
  }

  @Test
  void execute_withAnUnboundToken_sendsBearerWithoutProof() {
    // GIVEN a DPoP client whose provider gives a bearer token
    server.stubFor(get(urlPathEqualTo("/fhir/Appointment")).willReturn(okJson("{}")));
    ApiExecutor executor = executor(TokenProvider.staticToken("plain"), DpopKey.generate());

    // WHEN a call is made
    executor.execute(ApiRequest.builder("GET", "/fhir/Appointment").build());

    // THEN the token goes as Bearer, with no DPoP header
    ServeEvent e = received().get(0);
    assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("Bearer plain");
    assertThat(e.getRequest().containsHeader("DPoP")).isFalse();
  }

  @Test
  void clientCredentials_withDpop_retriesTheTokenEndpointWithTheNonceAndGetsABoundToken()
      throws Exception {
    // GIVEN discovery, a token endpoint asking for a nonce then binding, and a resource
    server.stubFor(
        get("/.well-known/openid-configuration")
            .willReturn(okJson("{\"token_endpoint\":\"" + server.baseUrl() + "/oauth2/token\"}")));
    server.stubFor(
        post("/oauth2/token")
            .inScenario("token")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("DPoP-Nonce", "tn-1")
                    .withBody("{\"error\":\"use_dpop_nonce\"}"))
            .willSetStateTo("nonced"));
    server.stubFor(
        post("/oauth2/token")
            .inScenario("token")
            .whenScenarioStateIs("nonced")
            .willReturn(
                okJson(
                    "{\"access_token\":\"bound-1\",\"token_type\":\"DPoP\",\"expires_in\":900}")));
    server.stubFor(get(urlPathEqualTo("/fhir/Appointment")).willReturn(okJson("{}")));
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    TokenProvider tokens =
        ClientCredentialsTokenProvider.builder()
            .issuer(server.baseUrl())
            .clientId("app")
            .privateKey(rsa.generateKeyPair().getPrivate(), "k1")
            .build();
    DpopKey key = DpopKey.generate();
    ApiExecutor executor = executor(tokens, key);

    // WHEN a call is made
    executor.execute(ApiRequest.builder("GET", "/fhir/Appointment").build());

    // THEN the token request went twice, the second proof with the nonce, both for POST /token
    List<ServeEvent> tokenCalls =
        received().stream().filter(e -> e.getRequest().getUrl().equals("/oauth2/token")).toList();
    assertThat(tokenCalls).hasSize(2);
    assertThat(proofClaims(tokenCalls.get(0))).doesNotContainKey("nonce");
    assertThat(proofClaims(tokenCalls.get(1)))
        .containsEntry("nonce", "tn-1")
        .containsEntry("htm", "POST")
        .containsEntry("htu", server.baseUrl() + "/oauth2/token")
        .doesNotContainKey("ath");
    // AND each token request had its own client assertion (single use)
    assertThat(tokenCalls.get(0).getRequest().getBodyAsString())
        .isNotEqualTo(tokenCalls.get(1).getRequest().getBodyAsString());
    // AND the resource call presented the bound token with the DPoP scheme
    ServeEvent resource =
        received().stream()
            .filter(e -> e.getRequest().getUrl().startsWith("/fhir/Appointment"))
            .findFirst()
            .orElseThrow();
    assertThat(resource.getRequest().getHeader("Authorization")).isEqualTo("DPoP bound-1");
    assertThat(proofClaims(resource)).containsEntry("ath", DpopKey.ath("bound-1"));
  }

  @Test
  void build_withDpopOn_generatesAKeyAndABearerOnlyClientHasNone() {
    // GIVEN two clients, with and without DPoP
    MesClient withDpop =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(TokenProvider.staticToken("t"))
            .dpop(true)
            .build();
    MesClient without =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(TokenProvider.staticToken("t"))
            .build();

    // WHEN their keys are read
    // THEN only the first has one, an ES256 key
    assertThat(withDpop.dpopKey())
        .hasValueSatisfying(k -> assertThat(k.algorithm()).isEqualTo("ES256"));
    assertThat(without.dpopKey()).isEmpty();
    withDpop.close();
    without.close();
  }
}
