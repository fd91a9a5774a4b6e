package io.mes4j.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.error.CallTimeoutException;
import io.mes4j.core.error.CircuitOpenException;
import io.mes4j.core.error.ConnectionFailedException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.ServiceUnavailableException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ResilientExecutorTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final RetryPolicy FAST_RETRIES =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(10))
          .maxBackoff(Duration.ofMillis(20))
          .build();

  private MesClient client;

  private MesClient client(MesClient.Builder builder) {
    client = builder.build();
    return client;
  }

  private MesClient.Builder builder() {
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(TokenProvider.staticToken("test-token"))
        .retryPolicy(FAST_RETRIES)
        .circuitBreakerPolicy(CircuitBreakerPolicy.disabled());
  }

  private ApiExecutor executor(MesClient.Builder builder) {
    return CoreAccess.executor(client(builder));
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
    }
  }

  private static ApiRequest getMetadata() {
    return ApiRequest.builder("GET", "/fhir/metadata").build();
  }

  @Test
  void execute_when503Then200_succeedsOnTheSecondAttempt() {
    // GIVEN a server unavailable once
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));

    // WHEN a GET is executed
    ApiResponse response = executor(builder()).execute(getMetadata());

    // THEN it succeeds after two attempts
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
    server.verify(2, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_when429WithRetryAfter_waitsAtLeastWhatTheServerAsks() {
    // GIVEN a server that rate-limits once, asking for one second, with a backoff far shorter
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("limited")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
            .willSetStateTo("free"));
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("limited")
            .whenScenarioStateIs("free")
            .willReturn(aResponse().withStatus(200)));

    // WHEN a GET is executed
    ApiResponse response = executor(builder()).execute(getMetadata());

    // THEN it succeeds on the second attempt, sent at least one second after the first
    assertThat(response.attempts()).isEqualTo(2);
    List<LoggedRequest> requests =
        server.getAllServeEvents().stream()
            .map(ServeEvent::getRequest)
            .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
            .toList();
    assertThat(requests).hasSize(2);
    long gap =
        requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
    assertThat(gap).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void execute_whenConnectionResetThen200_succeedsOnTheSecondAttempt() {
    // GIVEN a server that resets the first connection
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("reset")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("ok"));
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("reset")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200)));

    // WHEN a GET is executed
    ApiResponse response = executor(builder()).execute(getMetadata());

    // THEN the retry succeeds
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(2);
  }

  @Test
  void execute_whenTheServerAnswersNothingOnce_resendsAGetAtOnceWithinTheSameAttempt() {
    // GIVEN a connection that yields no answer (a pooled connection the server closed while idle)
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("stale")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("ok"));
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("stale")
            .whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200)));

    // WHEN a GET is executed with no retry policy at all
    ApiResponse response =
        executor(builder().retryPolicy(RetryPolicy.none())).execute(getMetadata());

    // THEN it was resent on a fresh connection: one attempt, and a success
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(1);
    server.verify(2, getRequestedFor(urlEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_whenTheServerAnswersNothingToAnUnkeyedPost_doesNotResendIt() {
    // GIVEN a POST without an idempotency key, and no answer
    server.stubFor(
        post("/fhir/DocumentReference").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    ApiRequest post =
        ApiRequest.builder("POST", "/fhir/DocumentReference")
            .body("{}".getBytes(StandardCharsets.UTF_8), "application/fhir+json")
            .build();

    // WHEN it is executed
    ConnectionFailedException e =
        catchThrowableOfType(
            ConnectionFailedException.class, () -> executor(builder()).execute(post));

    // THEN it was sent once: the server may have acted on it
    assertThat(e).isNotNull();
    server.verify(1, postRequestedFor(urlEqualTo("/fhir/DocumentReference")));
  }

  @Test
  void execute_whenConnectionAlwaysReset_failsWithConnectionFailedAfterAllAttempts() {
    // GIVEN a server that always resets
    server.stubFor(
        get("/fhir/metadata").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    // WHEN a GET is executed
    ConnectionFailedException e =
        catchThrowableOfType(
            ConnectionFailedException.class, () -> executor(builder()).execute(getMetadata()));

    // THEN it failed after the three attempts of the policy
    assertThat(e.attempts()).isEqualTo(3);
  }

  @Test
  void execute_whenPostWithoutIdempotencyKeyGets503_doesNotRetry() {
    // GIVEN a server unavailable
    server.stubFor(post("/fhir/DocumentReference").willReturn(aResponse().withStatus(503)));
    ApiRequest post =
        ApiRequest.builder("POST", "/fhir/DocumentReference")
            .body("{}".getBytes(StandardCharsets.UTF_8), "application/fhir+json")
            .build();

    // WHEN a POST without an idempotency key is executed
    ServiceUnavailableException e =
        catchThrowableOfType(
            ServiceUnavailableException.class, () -> executor(builder()).execute(post));

    // THEN it was sent once
    assertThat(e.attempts()).isEqualTo(1);
    server.verify(1, postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
  }

  @Test
  void execute_whenPostWithIdempotencyKeyGets503_retriesWithTheSameKey() {
    // GIVEN a server unavailable once
    server.stubFor(
        post("/fhir/DocumentReference")
            .inScenario("post")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    server.stubFor(
        post("/fhir/DocumentReference")
            .inScenario("post")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(201)));
    ApiRequest post =
        ApiRequest.builder("POST", "/fhir/DocumentReference")
            .body("{}".getBytes(StandardCharsets.UTF_8), "application/fhir+json")
            .withNewIdempotencyKey()
            .build();
    String key = post.idempotencyKey().orElseThrow();

    // WHEN it is executed
    ApiResponse response = executor(builder()).execute(post);

    // THEN both attempts carried the same key
    assertThat(response.status()).isEqualTo(201);
    assertThat(response.attempts()).isEqualTo(2);
    List<LoggedRequest> sent =
        server.findAll(postRequestedFor(urlPathEqualTo("/fhir/DocumentReference")));
    assertThat(sent).hasSize(2);
    assertThat(sent).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key));
  }

  @Test
  void execute_whenServerAlways503_stopsAtTheCallDeadlineLongBeforeTheAttemptsRunOut() {
    // GIVEN a server always unavailable, a policy of 100 attempts 200 ms apart, a 1 s deadline
    server.stubFor(get("/fhir/metadata").willReturn(aResponse().withStatus(503)));
    MesClient.Builder b =
        builder()
            .callTimeout(Duration.ofSeconds(1))
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(100)
                    .initialBackoff(Duration.ofMillis(200))
                    .maxBackoff(Duration.ofMillis(200))
                    .jitter(RetryPolicy.Jitter.NONE)
                    .build());

    // WHEN a GET is executed
    ServiceUnavailableException e =
        catchThrowableOfType(
            ServiceUnavailableException.class, () -> executor(b).execute(getMetadata()));

    // THEN it gave up with the last error, after a few attempts only
    assertThat(e.attempts()).isBetween(2, 6);
    assertThat(e.isRetryable()).isTrue();
    server.verify(e.attempts(), getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_whenAnswerOutlastsTheCallDeadline_abortsWithCallTimeout() {
    // GIVEN a server answering after 5 s, and a call deadline of 500 ms
    server.stubFor(
        get("/fhir/metadata").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));

    // WHEN a GET is executed
    CallTimeoutException e =
        catchThrowableOfType(
            CallTimeoutException.class,
            () -> executor(builder().callTimeout(Duration.ofMillis(500))).execute(getMetadata()));

    // THEN the deadline, not the response timeout, ended it
    assertThat(e.kind()).isEqualTo(CallTimeoutException.Kind.CALL_DEADLINE);
    assertThat(e.attempts()).isEqualTo(1);
  }

  @Test
  void execute_whenAnswerOutlastsTheResponseTimeout_failsWithResponseTimeout() {
    // GIVEN a server answering after 2 s, a response timeout of 200 ms, no retry
    server.stubFor(
        get("/fhir/metadata").willReturn(aResponse().withStatus(200).withFixedDelay(2000)));
    MesClient.Builder b =
        builder().responseTimeout(Duration.ofMillis(200)).retryPolicy(RetryPolicy.none());

    // WHEN a GET is executed
    CallTimeoutException e =
        catchThrowableOfType(CallTimeoutException.class, () -> executor(b).execute(getMetadata()));

    // THEN the response timeout ended it
    assertThat(e.kind()).isEqualTo(CallTimeoutException.Kind.RESPONSE);
  }

  @Test
  void execute_afterRepeatedServerFailures_opensTheCircuitAndStopsSending() {
    // GIVEN a breaker judging 4 calls, and a server always failing
    server.stubFor(get("/fhir/metadata").willReturn(aResponse().withStatus(503)));
    ApiExecutor executor =
        executor(
            builder()
                .retryPolicy(RetryPolicy.none())
                .circuitBreakerPolicy(
                    CircuitBreakerPolicy.builder()
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(4)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofMinutes(1))
                        .build()));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> executor.execute(getMetadata()))
          .isInstanceOf(ServiceUnavailableException.class);
    }

    // WHEN a fifth call is made
    // THEN it fails fast, unsent
    assertThatThrownBy(() -> executor.execute(getMetadata()))
        .isInstanceOf(CircuitOpenException.class);
    server.verify(4, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_whenServerRefuses_keepsTheCircuitClosed() {
    // GIVEN a breaker judging 4 calls, and a server answering 404
    server.stubFor(get("/fhir/metadata").willReturn(aResponse().withStatus(404)));
    ApiExecutor executor =
        executor(
            builder()
                .circuitBreakerPolicy(
                    CircuitBreakerPolicy.builder()
                        .slidingWindowSize(4)
                        .minimumNumberOfCalls(4)
                        .build()));

    // WHEN six refused calls are made
    for (int i = 0; i < 6; i++) {
      assertThatThrownBy(() -> executor.execute(getMetadata()))
          .isInstanceOf(ResourceNotFoundException.class);
    }

    // THEN every one was sent
    server.verify(6, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_sendsTokenUserAgentAcceptAndOneRequestIdForAllAttempts() {
    // GIVEN a server unavailable once
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("up"));
    server.stubFor(
        get("/fhir/metadata")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(aResponse().withStatus(200)));

    // WHEN a GET is executed by a client with an application id
    ApiResponse response = executor(builder().applicationId("test-app")).execute(getMetadata());

    // THEN both attempts carry the same headers
    List<LoggedRequest> sent = server.findAll(getRequestedFor(urlPathEqualTo("/fhir/metadata")));
    assertThat(sent).hasSize(2);
    assertThat(sent)
        .allSatisfy(
            r -> {
              assertThat(r.getHeader("Authorization")).isEqualTo("Bearer test-token");
              assertThat(r.getHeader("Accept")).isEqualTo("application/fhir+json");
              assertThat(r.getHeader("User-Agent")).matches("mes4j/\\S+ java/\\S+ app/test-app");
              assertThat(r.getHeader("X-Request-Id")).isEqualTo(response.requestId());
            });
    assertThat(response.requestId()).matches("[0-9a-f-]{36}");
  }

  @Test
  void execute_whenServerEchoesARequestId_reportsTheServers() {
    // GIVEN a server that sets its own request id
    server.stubFor(
        get("/fhir/metadata")
            .willReturn(aResponse().withStatus(200).withHeader("X-Request-Id", "srv-42")));

    // WHEN a GET is executed
    ApiResponse response = executor(builder()).execute(getMetadata());

    // THEN the response carries it
    assertThat(response.requestId()).isEqualTo("srv-42");
  }

  @Test
  void execute_encodesQueryParametersInOrder() {
    // GIVEN a server answering searches
    server.stubFor(
        get(urlPathEqualTo("/fhir/DocumentReference"))
            .withQueryParam("author.identifier", equalTo("urn:oid:1.2.250.1.71.4.2.1|810000000017"))
            .withQueryParam("date", equalTo("ge2026-11-28T10:00:00+01:00"))
            .willReturn(aResponse().withStatus(200)));
    ApiRequest search =
        ApiRequest.builder("GET", "/fhir/DocumentReference")
            // Never an INS in a URL: HttpClient logs request lines at DEBUG (the redaction guard
            // fails the suite on it); the SDK POSTs its searches.
            .queryParam("author.identifier", "urn:oid:1.2.250.1.71.4.2.1|810000000017")
            .queryParam("date", "ge2026-11-28T10:00:00+01:00")
            .build();

    // WHEN it is executed
    ApiResponse response = executor(builder()).execute(search);

    // THEN the server decoded the values as given
    assertThat(response.status()).isEqualTo(200);
    LoggedRequest sent =
        server.findAll(getRequestedFor(urlPathEqualTo("/fhir/DocumentReference"))).get(0);
    assertThat(sent.getUrl()).contains("%7C").contains("%2B01%3A00").doesNotContain("+");
  }

  @Test
  void execute_whenNextLinkIsOnAnotherServer_refusesWithoutSending() {
    // GIVEN a next link to another host
    ApiRequest next =
        ApiRequest.builder("GET", "/fhir/DocumentReference")
            .url("https://elsewhere.example/fhir/DocumentReference?page=2")
            .build();

    // WHEN it is executed
    // THEN it is refused before anything is sent
    assertThatThrownBy(() -> executor(builder()).execute(next))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("another server");
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void execute_whenNextLinkIsOnTheSameServer_followsIt() {
    // GIVEN a next link on the base URL's server
    server.stubFor(
        get(urlPathEqualTo("/fhir/DocumentReference"))
            .withQueryParam("page", equalTo("2"))
            .willReturn(aResponse().withStatus(200)));
    ApiRequest next =
        ApiRequest.builder("GET", "/fhir/DocumentReference")
            .url(server.baseUrl() + "/fhir/DocumentReference?page=2")
            .build();

    // WHEN it is executed
    // THEN it is sent with the token
    assertThat(executor(builder()).execute(next).status()).isEqualTo(200);
    server.verify(
        getRequestedFor(urlPathEqualTo("/fhir/DocumentReference"))
            .withHeader("Authorization", matching("Bearer .+")));
  }

  @Test
  void executeStreaming_handsOverTheBodyUnread() throws Exception {
    // GIVEN a server answering bytes
    server.stubFor(
        get("/fhir/Binary/b1")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/pdf")
                    .withBody(new byte[] {1, 2, 3})));
    ApiRequest retrieve =
        ApiRequest.builder("GET", "/fhir/Binary/{id}")
            .path("/fhir/Binary/b1")
            .accept("*/*")
            .build();

    // WHEN it is executed in streaming
    try (StreamingResponse response = executor(builder()).executeStreaming(retrieve);
        InputStream body = response.body()) {
      // THEN the body is readable
      assertThat(response.header("content-type")).contains("application/pdf");
      assertThat(body.readAllBytes()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void execute_afterTheRootIsClosed_refusesEvenThroughAVariant() {
    // GIVEN a root client and a variant, the root closed
    MesClient root = client(builder());
    MesClient variant = root.withApplicationId("other");
    root.close();

    // WHEN the variant calls
    // THEN it is refused
    assertThatThrownBy(() -> CoreAccess.executor(variant).execute(getMetadata()))
        .isInstanceOf(MesClientException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void execute_afterAVariantIsClosed_theRootStillWorks() {
    // GIVEN a root client whose variant was closed
    server.stubFor(get("/fhir/metadata").willReturn(aResponse().withStatus(200)));
    MesClient root = client(builder());
    root.withApplicationId("other").close();

    // WHEN the root calls
    // THEN it works
    assertThat(CoreAccess.executor(root).execute(getMetadata()).status()).isEqualTo(200);
  }
}
