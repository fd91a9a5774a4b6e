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
  private static final String TEMPLATE = "/fhir/Patient/{ins}/$everything";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void captureEverything() {
    // Everything at TRACE, except HttpClient's request-line logger: it prints the path and the
    // query (with the INS) at DEBUG, and mes4j cannot change that; the docs require
    // org.apache.hc at INFO. Its header and wire loggers stay at TRACE: mes4j's connections
    // never log headers or bytes, and this test checks it.
    CapturingLogProvider.resetThresholds();
    CapturingLogProvider.threshold(
        "org.apache.hc.client5.http.impl.classic.MainClientExec", Level.INFO);
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
        get(urlPathMatching("/fhir/Patient/.*"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503).withBody("Jean " + NAME + " " + INS))
            .willSetStateTo("reset"));
    server.stubFor(
        get(urlPathMatching("/fhir/Patient/.*"))
            .inScenario("flaky")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    server.stubFor(
        get(urlPathMatching("/fhir/Patient/.*"))
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
    server.stubFor(get(urlPathEqualTo("/fhir/AuditEvent")).willReturn(aResponse().withStatus(503)));
    server.stubFor(
        get(urlPathEqualTo("/fhir/Binary"))
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

      // WHEN a read with the INS in path and query succeeds after a 503 and a reset
      executor.execute(
          ApiRequest.builder("GET", TEMPLATE)
              .path("/fhir/Patient/" + INS + "/$everything")
              .queryParam("patient.identifier", "urn:oid:1.2.250.1.213.1.4.10|" + INS)
              .build());
      // AND a deposit with a name in its body is refused
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ApiRequest.builder("POST", "/fhir/DocumentReference")
                          .queryParam("subject", INS)
                          .body(
                              ("{\"title\": \"Jean " + NAME + "\"}")
                                  .getBytes(StandardCharsets.UTF_8),
                              "application/fhir+json")
                          .build()))
          .isInstanceOf(NotAuthorisedException.class);
      // AND a search fails after all its retries, and a download cannot connect
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ApiRequest.builder("GET", "/fhir/AuditEvent")
                          .queryParam("patient.identifier", INS)
                          .build()))
          .isInstanceOf(ServiceUnavailableException.class);
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ApiRequest.builder("GET", "/fhir/Binary").queryParam("ins", INS).build()))
          .isInstanceOf(ConnectionFailedException.class);
    }

    // THEN the logs show the path templates, and none of the secrets
    LogCanary.assertSomeContain(TEMPLATE);
    LogCanary.assertSomeContain("/fhir/AuditEvent");
    assertThat(LogCanary.events()).anySatisfy(e -> assertThat(e.level()).isEqualTo(Level.WARN));
    assertThat(LogCanary.events())
        .anySatisfy(e -> assertThat(e.logger()).startsWith("org.apache.hc"));
    LogCanary.assertNoneContain(INS, NAME, TOKEN, "canary.secret", "Bearer ");
  }
}
