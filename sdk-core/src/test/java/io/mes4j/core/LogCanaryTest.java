package io.mes4j.core;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.mes4j.core.auth.ClientCredentialsTokenProvider;
import io.mes4j.core.error.ConnectionFailedException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.ServiceUnavailableException;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.testing.CapturingLogProvider;
import io.mes4j.core.testing.LogCanary;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.Level;

/** No INS, name, token or body reaches the logs, at any level, through retries and errors. */
class LogCanaryTest {

  private static final String INS = "180017511234516";
  private static final String NAME = "Dupont";
  private static final String TOKEN = "eyJcanary.secret-token.value";
  private static final String TEMPLATE = "/fhir/DocumentReference/_search";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final byte[] SEARCH_BODY =
      ("patient.identifier=urn%3Aoid%3A1.2.250.1.213.1.4.10%7C" + INS + "&_count=20")
          .getBytes(StandardCharsets.UTF_8);

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void captureEverything() {
    // Everything at TRACE, HttpClient included: its request lines (MainClientExec, DEBUG) show
    // the path and query, which mes4j keeps free of INS (searches are POSTed); its header and
    // wire loggers are silenced by mes4j's connections. This test checks both.
    CapturingLogProvider.resetThresholds();
    CapturingLogProvider.threshold("", Level.TRACE);
    CapturingLogProvider.threshold("org.apache.hc", Level.TRACE);
    LogCanary.clear();
  }

  @AfterEach
  void resetThresholds() {
    CapturingLogProvider.resetThresholds();
  }

  @Test
  void calls_throughRetriesErrorsAndTokenFetches_logNoSecret() throws Exception {
    // GIVEN a token endpoint giving a secret token, and a server that fails in every way
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    server.stubFor(
        get("/.well-known/openid-configuration")
            .willReturn(okJson("{\"token_endpoint\": \"" + server.baseUrl() + "/oauth2/token\"}")));
    server.stubFor(
        post("/oauth2/token")
            .willReturn(
                okJson(
                    "{\"access_token\": \""
                        + TOKEN
                        + "\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));
    server.stubFor(
        post(urlPathEqualTo(TEMPLATE))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody("Jean " + NAME + " " + INS))
            .willSetStateTo("reset"));
    server.stubFor(
        post(urlPathEqualTo(TEMPLATE))
            .inScenario("flaky")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    server.stubFor(
        post(urlPathEqualTo(TEMPLATE))
            .inScenario("flaky")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"name\": \"Jean " + NAME + "\", \"ins\": \"" + INS + "\"}")));
    server.stubFor(
        post(urlPathEqualTo("/fhir/DocumentReference"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withBody(
                        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                            + "\"code\":\"forbidden\",\"details\":{\"coding\":[{\"system\":"
                            + "\"https://mes4j.io/fhir/CodeSystem/error-cause\",\"code\":"
                            + "\"not-authorised\"}]}}]}")));
    server.stubFor(
        post(urlPathEqualTo("/fhir/AuditEvent/_search")).willReturn(aResponse().withStatus(503)));
    server.stubFor(
        get(urlPathMatching("/fhir/Binary/.*"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    try (MesClient client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(
                ClientCredentialsTokenProvider.builder()
                    .issuer(server.baseUrl())
                    .clientId("canary")
                    .privateKey(generator.generateKeyPair().getPrivate(), "k1")
                    .build())
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(3)
                    .initialBackoff(Duration.ofMillis(5))
                    .maxBackoff(Duration.ofMillis(10))
                    .build())
            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
            .build()) {
      ApiExecutor executor = CoreAccess.executor(client);

      // WHEN a search with the INS in its form body succeeds after a 503 and a reset
      executor.execute(
          ApiRequest.builder("POST", TEMPLATE).body(SEARCH_BODY, FORM).retryable(true).build());
      // AND a deposit with a name in its body is refused
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ApiRequest.builder("POST", "/fhir/DocumentReference")
                          .body(
                              ("{\"title\": \"Jean " + NAME + "\", \"subject\": \"" + INS + "\"}")
                                  .getBytes(StandardCharsets.UTF_8),
                              "application/fhir+json")
                          .build()))
          .isInstanceOf(NotAuthorisedException.class);
      // AND a search fails after all its retries, and a download cannot connect
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ApiRequest.builder("POST", "/fhir/AuditEvent/_search")
                          .body(SEARCH_BODY, FORM)
                          .retryable(true)
                          .build()))
          .isInstanceOf(ServiceUnavailableException.class);
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ApiRequest.builder("GET", "/fhir/Binary/{id}")
                          .path("/fhir/Binary/bin-42")
                          .build()))
          .isInstanceOf(ConnectionFailedException.class);
    }

    // THEN the logs show the path templates, and none of the secrets
    LogCanary.assertSomeContain(TEMPLATE);
    LogCanary.assertSomeContain("/fhir/AuditEvent");
    assertThat(LogCanary.events()).anySatisfy(e -> assertThat(e.level()).isEqualTo(Level.WARN));
    assertThat(LogCanary.events())
        .anySatisfy(
            e ->
                assertThat(e.logger())
                    .isEqualTo("org.apache.hc.client5.http.impl.classic.MainClientExec"));
    LogCanary.assertNoneContain(INS, NAME, TOKEN, "canary.secret", "Bearer ");
  }
}
