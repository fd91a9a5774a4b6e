package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.FhirValidation;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One correlation id per request, on its journal entry, decisions, traces and notices. */
class CorrelationTest extends ServerTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private static HttpResponse<String> send(
      String method,
      String path,
      String token,
      String contentType,
      byte[] body,
      Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    headers.forEach(builder::header);
    try {
      return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpResponse<String> metadata(Map<String, String> headers) {
    return send("GET", "/fhir/metadata", null, null, null, headers);
  }

  private static byte[] json(Object value) {
    try {
      return TestClient.JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The holder's traces (by POST: no INS in a query string), newest first. */
  private static List<JsonNode> traces() {
    Answer answer =
        http.postForm(
            "/fhir/AuditEvent/_search",
            token(Fixtures.ADULT),
            patientParam(Fixtures.ADULT) + "&_count=100");
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<JsonNode> traces = new ArrayList<>();
    answer.json().path("entry").forEach(e -> traces.add(e.get("resource")));
    return traces;
  }

  private static String correlationOf(JsonNode auditEvent) {
    for (JsonNode detail : auditEvent.path("entity").path(0).path("detail")) {
      if ("correlation-id".equals(detail.path("type").asText())) {
        return detail.path("valueString").asText();
      }
    }
    return null;
  }

  @Test
  void aWellFormedCorrelationId_isHonouredAndEchoedInBothHeaders() {
    // WHEN
    HttpResponse<String> answer = metadata(Map.of("X-Correlation-Id", "test-run:42.a_b@c"));
    // THEN
    assertThat(answer.headers().firstValue("X-Correlation-Id")).hasValue("test-run:42.a_b@c");
    assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("test-run:42.a_b@c");
    server.control().verify(1, JournalQuery.all().correlationId("test-run:42.a_b@c"));
  }

  @Test
  void withoutACorrelationId_theRequestIdIsTheCorrelationId() {
    HttpResponse<String> answer = metadata(Map.of("X-Request-Id", "req-7"));
    assertThat(answer.headers().firstValue("X-Correlation-Id")).hasValue("req-7");
    assertThat(answer.headers().firstValue("X-Request-Id")).hasValue("req-7");
  }

  @Test
  void theCorrelationId_winsOverTheRequestId() {
    HttpResponse<String> answer =
        metadata(Map.of("X-Request-Id", "req-8", "X-Correlation-Id", "corr-8"));
    assertThat(answer.headers().firstValue("X-Correlation-Id")).hasValue("corr-8");
  }

  @Test
  void aMalformedCorrelationId_isReplacedByANewOne() {
    // GIVEN ids with a space, a quote, or 129 characters
    for (String bad : List.of("has space", "quote\"d", "x".repeat(129))) {
      // WHEN
      HttpResponse<String> answer = metadata(Map.of("X-Correlation-Id", bad));
      // THEN the server makes its own (a UUID), in both headers
      String made = answer.headers().firstValue("X-Correlation-Id").orElseThrow();
      assertThat(made).as(bad).isNotEqualTo(bad).matches("[0-9a-f-]{36}");
      assertThat(answer.headers().firstValue("X-Request-Id")).hasValue(made);
    }
  }

  @Test
  void withNoId_eachRequestGetsItsOwn() {
    String first = metadata(Map.of()).headers().firstValue("X-Correlation-Id").orElseThrow();
    String second = metadata(Map.of()).headers().firstValue("X-Correlation-Id").orElseThrow();
    assertThat(first).isNotEqualTo(second);
  }

  // AU-1, AU-3
  @Test
  void oneDeposit_isFollowedAcrossJournalDecisionAuditEventAndNotice() {
    // GIVEN a deposit sent with a correlation id
    byte[] body =
        json(
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.81.1", LABORATORY, Documents.pdf("c")));
    HttpResponse<String> answer =
        send(
            "POST",
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            "application/fhir+json",
            body,
            Map.of("X-Correlation-Id", "deposit-1"));
    assertThat(answer.statusCode()).isEqualTo(201);
    // THEN its journal entry carries it, with the policy's permit
    JournalEntry entry =
        server
            .control()
            .awaitJournal(
                JournalQuery.all().correlationId("deposit-1"), java.time.Duration.ofSeconds(5));
    assertThat(entry.status()).isEqualTo(201);
    assertThat(entry.decisions())
        .contains(new JournalEntry.PolicyDecision("DEPOSIT_DOCUMENT", true, null));
    // AND its trace (AU-1), as a valid FHIR AuditEvent
    List<JsonNode> deposits =
        traces().stream()
            .filter(t -> "DOCUMENT_DEPOSIT".equals(t.path("subtype").path(0).path("code").asText()))
            .toList();
    assertThat(deposits).hasSize(1);
    assertThat(correlationOf(deposits.get(0))).isEqualTo("deposit-1");
    assertThat(FhirValidation.errors(deposits.get(0).toString())).isEmpty();
    // AND the notice it caused (AU-3), in Java and over HTTP
    assertThat(server.control().outboxFor("deposit-1"))
        .extracting(Notification::kind)
        .containsExactly(Notification.Kind.DOCUMENT_ADDED);
    JsonNode outbox = http.control("GET", "/_mock/outbox", null).json().get("notifications");
    assertThat(outbox.get(0).get("correlationId").asText()).isEqualTo("deposit-1");
  }

  // AU-1
  @Test
  void aRefusal_carriesTheSameIdOnItsDenyAndItsTrace() {
    // GIVEN a search refused to a doctor the holder did not authorise
    HttpResponse<String> answer =
        send(
            "POST",
            "/fhir/DocumentReference/_search",
            token(Fixtures.DOCTOR_UNAUTHORISED),
            "application/x-www-form-urlencoded",
            patientParam(Fixtures.ADULT).getBytes(StandardCharsets.UTF_8),
            Map.of("X-Correlation-Id", "refused-1"));
    assertThat(answer.statusCode()).isEqualTo(403);
    // THEN the journal entry has the deny and its cause
    JournalEntry entry =
        server.control().journal(JournalQuery.all().correlationId("refused-1")).get(0);
    assertThat(entry.denied("SEARCH_DOCUMENTS")).isTrue();
    assertThat(entry.decisions())
        .contains(new JournalEntry.PolicyDecision("SEARCH_DOCUMENTS", false, "not-authorised"));
    // AND the refusal's trace has the same id
    JsonNode refusal =
        traces().stream()
            .filter(t -> "4".equals(t.path("outcome").asText()))
            .findFirst()
            .orElseThrow();
    assertThat(correlationOf(refusal)).isEqualTo("refused-1");
    assertThat(refusal.path("outcomeDesc").asText()).isEqualTo("not-authorised");
  }

  @Test
  void theClocksOwnNotices_carryNoCorrelationId() {
    // GIVEN a space opened through the Java control API (no request)
    server.control().createSpace(Fixtures.DELETED);
    // THEN its announcement has no correlation id
    assertThat(server.control().outbox(n -> n.kind() == Notification.Kind.SPACE_ANNOUNCED))
        .isNotEmpty()
        .allSatisfy(n -> assertThat(n.correlationId()).isNull());
  }
}
