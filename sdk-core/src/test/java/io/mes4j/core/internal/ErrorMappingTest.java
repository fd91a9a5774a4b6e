package io.mes4j.core.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.AuthenticationException;
import io.mes4j.core.error.BlockedException;
import io.mes4j.core.error.ConflictException;
import io.mes4j.core.error.ConversationClosedException;
import io.mes4j.core.error.DepositOpposedException;
import io.mes4j.core.error.DpopProofException;
import io.mes4j.core.error.DuplicateConflictException;
import io.mes4j.core.error.EmergencyAccessDeniedException;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.error.FinalityNotConsentedException;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.HolderCannotStartException;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.LabelNotAllowedException;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.error.MethodNotAllowedException;
import io.mes4j.core.error.NotAcceptableException;
import io.mes4j.core.error.NotAuthorException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.NotImplementedException;
import io.mes4j.core.error.OAuthException;
import io.mes4j.core.error.PayloadTooLargeException;
import io.mes4j.core.error.ProfessionNotAllowedException;
import io.mes4j.core.error.RateLimitedException;
import io.mes4j.core.error.ReapprovalRequiredException;
import io.mes4j.core.error.ReasonRequiredException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.RoleRequiredException;
import io.mes4j.core.error.ServiceOfflineException;
import io.mes4j.core.error.ServiceSuspendedException;
import io.mes4j.core.error.ServiceUnavailableException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.error.TokenRevokedException;
import io.mes4j.core.error.TransitionNotAllowedException;
import io.mes4j.core.error.UnsupportedMediaTypeException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static MesClient client;
  private static ApiExecutor executor;

  @BeforeAll
  static void buildClient() {
    client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(TokenProvider.staticToken("test-token"))
            .retryPolicy(RetryPolicy.none())
            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
            .build();
    executor = CoreAccess.executor(client);
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  static Stream<Arguments> causes() {
    return Stream.of(
        Arguments.of(400, "invalid-request", InvalidRequestException.class, false),
        Arguments.of(400, "invalid-ins", InvalidRequestException.class, false),
        Arguments.of(400, "unknown-code", InvalidRequestException.class, false),
        Arguments.of(400, "reason-required", ReasonRequiredException.class, false),
        Arguments.of(401, "invalid-token", AuthenticationException.class, false),
        Arguments.of(403, "not-authorised", NotAuthorisedException.class, false),
        Arguments.of(403, "blocked", BlockedException.class, false),
        Arguments.of(403, "emergency-denied", EmergencyAccessDeniedException.class, false),
        Arguments.of(403, "profession-not-allowed", ProfessionNotAllowedException.class, false),
        Arguments.of(403, "role-required", RoleRequiredException.class, false),
        Arguments.of(403, "not-author", NotAuthorException.class, false),
        Arguments.of(403, "forbidden", ForbiddenException.class, false),
        Arguments.of(403, "deposit-opposed", DepositOpposedException.class, false),
        Arguments.of(403, "holder-only", HolderOnlyException.class, false),
        Arguments.of(403, "label-not-allowed", LabelNotAllowedException.class, false),
        Arguments.of(400, "immutable-field", InvalidRequestException.class, false),
        Arguments.of(409, "espace-pending", SpaceNotActiveException.class, false),
        Arguments.of(409, "espace-opposed", SpaceNotActiveException.class, false),
        Arguments.of(409, "espace-closed", SpaceNotActiveException.class, false),
        Arguments.of(409, "espace-deleted", SpaceNotActiveException.class, false),
        Arguments.of(404, "not-found", ResourceNotFoundException.class, false),
        Arguments.of(409, "duplicate-conflict", DuplicateConflictException.class, false),
        Arguments.of(409, "conflict", ConflictException.class, false),
        Arguments.of(403, "holder-cannot-start", HolderCannotStartException.class, false),
        Arguments.of(409, "conversation-closed", ConversationClosedException.class, false),
        Arguments.of(409, "transition-not-allowed", TransitionNotAllowedException.class, false),
        Arguments.of(405, "method-not-allowed", MethodNotAllowedException.class, false),
        Arguments.of(406, "not-acceptable", NotAcceptableException.class, false),
        Arguments.of(413, "too-large", PayloadTooLargeException.class, false),
        Arguments.of(415, "unsupported-media-type", UnsupportedMediaTypeException.class, false),
        Arguments.of(429, "rate-limited", RateLimitedException.class, true),
        Arguments.of(501, "not-implemented", NotImplementedException.class, false),
        Arguments.of(503, "unavailable", ServiceUnavailableException.class, true),
        Arguments.of(401, "token-revoked", TokenRevokedException.class, false),
        Arguments.of(401, "invalid-dpop-proof", DpopProofException.class, false),
        Arguments.of(403, "finality-not-consented", FinalityNotConsentedException.class, false),
        Arguments.of(403, "service-suspended", ServiceSuspendedException.class, false),
        Arguments.of(403, "service-unavailable", ServiceOfflineException.class, false),
        Arguments.of(403, "reapproval-required", ReapprovalRequiredException.class, false),
        Arguments.of(409, "a-cause-of-tomorrow", MesServiceException.class, false));
  }

  @org.junit.jupiter.api.Test
  void causes_coverEveryStableCause() {
    // section 11: every stable cause has a row above, so a new cause cannot go unmapped
    java.util.Set<String> tabled =
        causes().map(a -> (String) a.get()[1]).collect(java.util.stream.Collectors.toSet());
    for (ErrorCause cause : ErrorCause.values()) {
      if (cause != ErrorCause.UNKNOWN) {
        org.assertj.core.api.Assertions.assertThat(tabled).as(cause.name()).contains(cause.code());
      }
    }
  }

  private static String outcome(String code) {
    return """
        {"resourceType": "OperationOutcome",
         "issue": [{"severity": "error", "code": "forbidden",
                    "details": {"coding": [{"system": "http://example.org/other", "code": "x"},
                                           {"system": "https://mes4j.io/fhir/CodeSystem/error-cause",
                                            "code": "%s"}],
                                "text": "refused for a test"}}]}
        """
        .formatted(code);
  }

  private static MesServiceException callAnswering(int status, String body) {
    server.stubFor(
        get("/fhir/metadata")
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withHeader("X-Request-Id", "srv-123")
                    .withBody(body)));
    return catchThrowableOfType(
        MesServiceException.class,
        () -> executor.execute(ApiRequest.builder("GET", "/fhir/metadata").build()));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("causes")
  void execute_whenRefusedWithACause_throwsItsTypedException(
      int status, String code, Class<? extends MesServiceException> type, boolean retryable) {
    // GIVEN a server refusing with an OperationOutcome of that cause
    // WHEN a call is made
    MesServiceException e = callAnswering(status, outcome(code));

    // THEN the exception is typed and carries the answer's facts
    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).isEqualTo(status);
    assertThat(e.requestId()).contains("srv-123");
    assertThat(e.causeCode()).isEqualTo(code);
    assertThat(e.errorCause()).isEqualTo(ErrorCause.fromCode(code));
    assertThat(e.isRetryable()).isEqualTo(retryable);
    // a 401 invalid-token is replayed once with a fresh token, so it took two requests; a revoked
    // token or a refused DPoP proof is not (a fresh token of the same grant would not help)
    assertThat(e.attempts()).isEqualTo(code.equals("invalid-token") ? 2 : 1);
    assertThat(e.getMessage())
        .contains("GET /fhir/metadata", String.valueOf(status), code, "srv-123");
  }

  @Test
  void execute_whenSpaceClosed_saysWhichState() {
    // GIVEN a server refusing because the space is closed
    // WHEN a call is made
    MesServiceException e = callAnswering(409, outcome("espace-closed"));

    // THEN the exception names the state
    assertThat(e)
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class, s -> assertThat(s.state()).isEqualTo(SpaceState.CLOSED));
  }

  @Test
  void execute_whenRateLimited_keepsRetryAfter() {
    // GIVEN a server rate-limiting with Retry-After (no retry in this client)
    server.stubFor(
        get("/fhir/metadata")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "7")
                    .withBody(outcome("rate-limited"))));

    // WHEN a call is made
    RateLimitedException e =
        catchThrowableOfType(
            RateLimitedException.class,
            () -> executor.execute(ApiRequest.builder("GET", "/fhir/metadata").build()));

    // THEN the wait asked is available
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void execute_whenBodyIsNotAnOperationOutcome_infersTheCauseFromTheStatus() {
    // GIVEN a proxy answering 404 with HTML
    // WHEN a call is made
    MesServiceException e = callAnswering(404, "<html>Not here</html>");

    // THEN the status gives the cause
    assertThat(e).isExactlyInstanceOf(ResourceNotFoundException.class);
    assertThat(e.errorCause()).isEqualTo(ErrorCause.NOT_FOUND);
    assertThat(e.causeCode()).isEqualTo("not-found");
  }

  @Test
  void execute_whenAnUnexpectedStatusHasNoCause_throwsAPlainServiceException() {
    // GIVEN a gateway failing with 502 and no body
    // WHEN a call is made
    MesServiceException e = callAnswering(502, "");

    // THEN it is a plain, retryable service exception of unknown cause
    assertThat(e).isExactlyInstanceOf(MesServiceException.class);
    assertThat(e.errorCause()).isEqualTo(ErrorCause.UNKNOWN);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void execute_whenTheBodyIsAnOAuthError_throwsOAuthExceptionWithItsCode() {
    // GIVEN an OAuth endpoint refusing with an RFC 6749 §5.2 body
    // WHEN a call is made
    MesServiceException e =
        callAnswering(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code spent\"}");

    // THEN it is an OAuthException carrying the OAuth error and its description
    assertThat(e)
        .isInstanceOfSatisfying(
            OAuthException.class,
            o -> {
              assertThat(o.error()).isEqualTo("invalid_grant");
              assertThat(o.description()).contains("code spent");
            });
    assertThat(e.causeCode()).isEqualTo("invalid_grant");
    assertThat(e.statusCode()).isEqualTo(400);
  }

  @Test
  void execute_whenAFinalityIsNotConsented_namesTheFinalityNeeded() {
    // CAT-3
    // GIVEN a service refused because its pairing lacks a finality
    String body =
        outcome("finality-not-consented")
            .replace("refused for a test", "the pairing does not grant the finality AGENDA_WRITE");

    // WHEN a call is made
    MesServiceException e = callAnswering(403, body);

    // THEN the exception names the finality needed
    assertThat(e)
        .isInstanceOfSatisfying(
            FinalityNotConsentedException.class,
            f -> assertThat(f.finality()).contains("AGENDA_WRITE"));
  }

  @Test
  void execute_whenA401CarriesOnlyADpopChallenge_throwsDpopProofException() {
    // GIVEN a 401 without body but a DPoP invalid_dpop_proof challenge (RFC 9449 §7.1)
    server.stubFor(
        get("/fhir/metadata")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("WWW-Authenticate", "DPoP error=\"invalid_dpop_proof\"")));

    // WHEN a call is made
    MesServiceException e =
        catchThrowableOfType(
            MesServiceException.class,
            () -> executor.execute(ApiRequest.builder("GET", "/fhir/metadata").build()));

    // THEN it is typed as a refused DPoP proof
    assertThat(e).isInstanceOf(DpopProofException.class);
  }
}
