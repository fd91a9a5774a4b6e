package io.mes4j.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mes4j.core.AccessMode;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.error.AuthenticationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenReplayTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Gives t1, t2, … and records what it is asked and told. */
  static final class CountingTokens implements TokenProvider {
    final AtomicInteger issued = new AtomicInteger();
    final List<AccessMode> asked = new CopyOnWriteArrayList<>();
    final List<AccessToken> invalidated = new CopyOnWriteArrayList<>();
    volatile AccessToken current;

    @Override
    public synchronized AccessToken token(TokenRequest request) {
      asked.add(request.accessMode());
      if (current == null) {
        current = AccessToken.of("t" + issued.incrementAndGet());
      }
      return current;
    }

    @Override
    public synchronized void invalidate(AccessToken token) {
      invalidated.add(token);
      if (token.equals(current)) {
        current = null;
      }
    }
  }

  private final CountingTokens tokens = new CountingTokens();
  private MesClient client;

  private ApiExecutor executor() {
    client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(tokens)
            .retryPolicy(RetryPolicy.none())
            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
            .build();
    return CoreAccess.executor(client);
  }

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  @Test
  void execute_when401Once_invalidatesTheTokenAndReplaysOnceWithAFreshOne() {
    // GIVEN a server refusing t1 and accepting t2
    server.stubFor(
        get("/fhir/metadata")
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer t1"))
            .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));
    server.stubFor(
        get("/fhir/metadata")
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer t2"))
            .willReturn(aResponse().withStatus(200)));

    // WHEN a call is made
    ApiResponse response = executor().execute(ApiRequest.builder("GET", "/fhir/metadata").build());

    // THEN t1 was dropped and the call replayed once with t2
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.attempts()).isEqualTo(2);
    assertThat(tokens.invalidated).containsExactly(AccessToken.of("t1"));
    server.verify(2, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_when401Twice_throwsAuthenticationExceptionAfterOneReplay() {
    // GIVEN a server refusing every token
    server.stubFor(get("/fhir/metadata").willReturn(aResponse().withStatus(401)));

    // WHEN a call is made
    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> executor().execute(ApiRequest.builder("GET", "/fhir/metadata").build()));

    // THEN it replayed exactly once
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.attempts()).isEqualTo(2);
    server.verify(2, getRequestedFor(urlPathEqualTo("/fhir/metadata")));
  }

  @Test
  void execute_asksTheTokenInTheCallsAccessMode() {
    // GIVEN a server accepting any token
    server.stubFor(get("/fhir/metadata").willReturn(aResponse().withStatus(200)));
    ApiExecutor normal = executor();
    AccessMode emergency = AccessMode.breakGlass("unconscious patient");

    // WHEN calls are made by the client, a variant, and with a per-request mode
    normal.execute(ApiRequest.builder("GET", "/fhir/metadata").build());
    CoreAccess.executor(client.withAccessMode(AccessMode.centre15()))
        .execute(ApiRequest.builder("GET", "/fhir/metadata").build());
    normal.execute(ApiRequest.builder("GET", "/fhir/metadata").accessMode(emergency).build());

    // THEN the provider was asked for each mode
    assertThat(tokens.asked).containsExactly(AccessMode.normal(), AccessMode.centre15(), emergency);
  }
}
