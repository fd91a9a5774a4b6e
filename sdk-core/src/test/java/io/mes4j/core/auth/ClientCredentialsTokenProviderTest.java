package io.mes4j.core.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.AccessMode;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.error.AuthenticationException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientCredentialsTokenProviderTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static KeyPair rsa;

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  static void generateKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    rsa = generator.generateKeyPair();
  }

  @BeforeEach
  void stubDiscovery() {
    server.stubFor(
        get("/.well-known/openid-configuration")
            .willReturn(
                okJson(
                    """
                    {"issuer": "%s", "token_endpoint": "%s/oauth2/token",
                     "token_endpoint_auth_methods_supported": ["private_key_jwt"]}
                    """
                        .formatted(server.baseUrl(), server.baseUrl()))));
  }

  private static String tokenAnswer(String token, int expiresIn) {
    return """
        {"access_token": "%s", "token_type": "Bearer", "expires_in": %d}
        """
        .formatted(token, expiresIn);
  }

  private ClientCredentialsTokenProvider.Builder provider() {
    return ClientCredentialsTokenProvider.builder()
        .issuer(server.baseUrl())
        .clientId("client-42")
        .privateKey(rsa.getPrivate(), "key-1");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  @Test
  void token_asked8TimesAtOnce_fetchesOnceAndSharesIt() throws Exception {
    // GIVEN a token endpoint slow enough for the 8 threads to overlap
    server.stubFor(
        post("/oauth2/token")
            .willReturn(okJson(tokenAnswer("tok-shared", 300)).withFixedDelay(300)));
    ClientCredentialsTokenProvider tokens = provider().build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    try {
      // WHEN 8 threads ask for a token at the same moment
      List<Future<AccessToken>> results =
          java.util.stream.IntStream.range(0, 8)
              .mapToObj(
                  i ->
                      pool.submit(
                          () -> {
                            start.await();
                            return tokens.token(new TokenRequest(AccessMode.normal()));
                          }))
              .toList();
      start.countDown();
      Set<String> values = ConcurrentHashMap.newKeySet();
      for (Future<AccessToken> f : results) {
        values.add(f.get(10, TimeUnit.SECONDS).value());
      }

      // THEN one fetch served them all
      assertThat(values).containsExactly("tok-shared");
      server.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
      server.verify(1, getRequestedFor(urlEqualTo("/.well-known/openid-configuration")));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void token_nearItsExpiry_isRefreshedBeforeIt() {
    // GIVEN tokens of 300 s, a refresh margin of 30 s, and a clock the test moves
    server.stubFor(
        post("/oauth2/token")
            .inScenario("tokens")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(tokenAnswer("tok-1", 300)))
            .willSetStateTo("second"));
    server.stubFor(
        post("/oauth2/token")
            .inScenario("tokens")
            .whenScenarioStateIs("second")
            .willReturn(okJson(tokenAnswer("tok-2", 300))));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    ClientCredentialsTokenProvider tokens = provider().clock(clock).build();
    TokenRequest normal = new TokenRequest(AccessMode.normal());
    AccessToken first = tokens.token(normal);

    // WHEN asked again 250 s later (50 s left), then 275 s later (25 s left)
    clock.advance(Duration.ofSeconds(250));
    AccessToken stillFirst = tokens.token(normal);
    clock.advance(Duration.ofSeconds(25));
    AccessToken second = tokens.token(normal);

    // THEN the cached token served until it entered the margin, then a new one was fetched
    assertThat(first.value()).isEqualTo("tok-1");
    assertThat(first.expiresAt()).contains(Instant.parse("2026-11-28T10:05:00Z"));
    assertThat(stillFirst).isEqualTo(first);
    assertThat(second.value()).isEqualTo("tok-2");
    server.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
  }

  @Test
  void token_livingLessThanTwiceTheMargin_isReusedForHalfItsLife() {
    // GIVEN tokens of 20 s, shorter than twice the 30 s refresh margin
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok-short", 20))));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    ClientCredentialsTokenProvider tokens = provider().clock(clock).build();
    TokenRequest normal = new TokenRequest(AccessMode.normal());
    tokens.token(normal);

    // WHEN asked again after 9 s, then after 11 s
    clock.advance(Duration.ofSeconds(9));
    tokens.token(normal);
    server.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
    clock.advance(Duration.ofSeconds(2));
    tokens.token(normal);

    // THEN it was reused for the first half of its life, then replaced
    server.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
  }

  @Test
  void token_sendsASignedAssertionWithTheRightClaimsAndTheAccessMode() throws Exception {
    // GIVEN a token endpoint
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok", 300))));
    Instant before = Instant.now();

    // WHEN a bris de glace token is asked
    provider().build().token(new TokenRequest(AccessMode.breakGlass("patient unconscious")));

    // THEN the form and the assertion follow RFC 7523 and the wire contract
    String body =
        server.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).get(0).getBodyAsString();
    Map<String, String> form = form(body);
    assertThat(form)
        .containsEntry("grant_type", "client_credentials")
        .containsEntry(
            "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
        .containsEntry("access_mode", "bris_de_glace")
        .containsEntry("access_reason", "patient unconscious");
    SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
    assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) rsa.getPublic()))).isTrue();
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(assertion.getHeader().getKeyID()).isEqualTo("key-1");
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo("client-42");
    assertThat(claims.getSubject()).isEqualTo("client-42");
    assertThat(claims.getAudience()).containsExactly(server.baseUrl() + "/oauth2/token");
    assertThat(claims.getJWTID()).isNotBlank();
    assertThat(claims.getExpirationTime().toInstant())
        .isAfter(before)
        .isBefore(before.plus(Duration.ofMinutes(5)));
  }

  @Test
  void token_eachAssertionHasItsOwnJti() throws Exception {
    // GIVEN a token endpoint and a provider whose tokens are invalidated
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok", 300))));
    ClientCredentialsTokenProvider tokens = provider().build();
    TokenRequest normal = new TokenRequest(AccessMode.normal());

    // WHEN two tokens are fetched
    tokens.invalidate(tokens.token(normal));
    tokens.token(normal);

    // THEN the two assertions have different jti
    List<String> jtis =
        server.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).stream()
            .map(r -> form(r.getBodyAsString()).get("client_assertion"))
            .map(
                jwt -> {
                  try {
                    return SignedJWT.parse(jwt).getJWTClaimsSet().getJWTID();
                  } catch (java.text.ParseException e) {
                    throw new AssertionError(e);
                  }
                })
            .toList();
    assertThat(jtis).hasSize(2).doesNotHaveDuplicates();
  }

  @Test
  void invalidate_dropsTheCachedTokenSoTheNextIsFetched() {
    // GIVEN a cached token
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok", 300))));
    ClientCredentialsTokenProvider tokens = provider().build();
    TokenRequest normal = new TokenRequest(AccessMode.normal());
    AccessToken cached = tokens.token(normal);

    // WHEN it is invalidated and a token asked again
    tokens.invalidate(cached);
    tokens.token(normal);

    // THEN a second fetch happened, discovery still once
    server.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
    server.verify(1, getRequestedFor(urlEqualTo("/.well-known/openid-configuration")));
  }

  @Test
  void token_cachesOneTokenPerAccessMode() {
    // GIVEN a token endpoint
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok", 300))));
    ClientCredentialsTokenProvider tokens = provider().build();

    // WHEN tokens are asked twice in two modes
    for (int i = 0; i < 2; i++) {
      tokens.token(new TokenRequest(AccessMode.normal()));
      tokens.token(new TokenRequest(AccessMode.centre15()));
    }

    // THEN one fetch per mode
    server.verify(2, postRequestedFor(urlEqualTo("/oauth2/token")));
    server.verify(
        1,
        postRequestedFor(urlEqualTo("/oauth2/token"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing(
                    "access_mode=centre_15")));
  }

  @Test
  void token_whenTheClientIsRefused_throwsAuthenticationExceptionWithTheOAuthError() {
    // GIVEN a token endpoint refusing the client
    server.stubFor(
        post("/oauth2/token")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":\"invalid_client\",\"error_description\":\"unknown key\"}")));

    // WHEN a token is asked
    AuthenticationException e =
        catchThrowableOfType(
            AuthenticationException.class,
            () -> provider().build().token(new TokenRequest(AccessMode.normal())));

    // THEN the OAuth error is the cause code
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.causeCode()).isEqualTo("invalid_client");
    assertThat(e.getMessage()).contains("unknown key");
  }

  @Test
  void token_withAnEcKey_signsES256() throws Exception {
    // GIVEN an EC P-256 key
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = generator.generateKeyPair();
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok", 300))));

    // WHEN a token is asked
    ClientCredentialsTokenProvider.builder()
        .issuer(server.baseUrl() + "/")
        .clientId("client-ec")
        .privateKey(ec.getPrivate(), "ec-1")
        .build()
        .token(new TokenRequest(AccessMode.normal()));

    // THEN the assertion is ES256 and verifies with the public key
    String body =
        server.findAll(postRequestedFor(urlEqualTo("/oauth2/token"))).get(0).getBodyAsString();
    SignedJWT assertion = SignedJWT.parse(form(body).get("client_assertion"));
    assertThat(assertion.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(assertion.verify(new ECDSAVerifier((ECPublicKey) ec.getPublic()))).isTrue();
  }

  @Test
  void build_whenTheKeyDoesNotFitTheAlgorithm_isRefused() {
    // GIVEN an RSA key
    // WHEN ES256 is asked
    // THEN the builder refuses
    assertThatThrownBy(() -> provider().algorithm("ES256").build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("ES256");
    assertThatThrownBy(() -> provider().algorithm("HS256").build())
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> provider().issuer("ftp://x").build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("issuer");
  }

  @Test
  void aClient_usesTheProvidersTokenOnItsCalls() {
    // GIVEN a server requiring the token the endpoint gives
    server.stubFor(post("/oauth2/token").willReturn(okJson(tokenAnswer("tok-for-calls", 300))));
    server.stubFor(
        get(urlPathEqualTo("/fhir/metadata"))
            .withHeader("Authorization", equalTo("Bearer tok-for-calls"))
            .willReturn(aResponse().withStatus(200)));

    // WHEN a client built with the provider calls twice
    try (MesClient client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(provider().build())
            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
            .build()) {
      for (int i = 0; i < 2; i++) {
        assertThat(
                CoreAccess.executor(client)
                    .execute(ApiRequest.builder("GET", "/fhir/metadata").build())
                    .status())
            .isEqualTo(200);
      }
    }

    // THEN one token served both calls
    server.verify(1, postRequestedFor(urlEqualTo("/oauth2/token")));
  }
}
