package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The request journal: what it keeps, what it never keeps, its filters, its bounds. */
class JournalTest extends ServerTest {

  private static JsonNode journal(String query) {
    Answer answer = http.control("GET", "/_mock/journal" + query, null);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void journal_recordsMethodPathStatusSubjectTimesAndDecisions() {
    // GIVEN a deposit by a doctor
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.80.1", LABORATORY);
    // WHEN the journal is asked for the POSTs to DocumentReference
    JsonNode body = journal("?method=POST&path=" + encode("/fhir/DocumentReference"));
    // THEN there is exactly that request, with who, when and what the policy decided
    assertThat(body.get("total").asInt()).isEqualTo(1);
    JsonNode entry = body.get("entries").get(0);
    assertThat(entry.get("method").asText()).isEqualTo("POST");
    assertThat(entry.get("path").asText()).isEqualTo("/fhir/DocumentReference");
    assertThat(entry.get("route").asText()).isEqualTo("/fhir/DocumentReference");
    assertThat(entry.get("status").asInt()).isEqualTo(201);
    assertThat(entry.get("subjectKind").asText()).isEqualTo("PROFESSIONAL");
    assertThat(entry.get("subjectId").asText()).isEqualTo(Fixtures.Ids.DOCTOR);
    assertThat(entry.get("serverTime").asText()).isEqualTo(START.toString());
    assertThat(Instant.parse(entry.get("wallTime").asText()))
        .isBefore(Instant.now().plusSeconds(1));
    assertThat(entry.get("durationMs").asLong()).isNotNegative();
    assertThat(entry.get("correlationId").asText()).isNotBlank();
    assertThat(entry.get("tenant").isNull()).isTrue();
    assertThat(entry.get("fault").isNull()).isTrue();
    assertThat(entry.get("decisions").get(0).get("action").asText()).isEqualTo("DEPOSIT_DOCUMENT");
    assertThat(entry.get("decisions").get(0).get("outcome").asText()).isEqualTo("permit");
  }

  @Test
  void journal_recordsARefusalWithItsCause() {
    // GIVEN a search by a doctor the holder did not authorise
    Answer refused = searchByPost(token(Fixtures.DOCTOR_UNAUTHORISED), Fixtures.ADULT, "");
    assertThat(refused.status()).isEqualTo(403);
    // WHEN
    List<JournalEntry> entries =
        server.control().journal(JournalQuery.all().subject(Fixtures.Ids.DOCTOR_UNAUTHORISED));
    // THEN its decision is a deny with the refusal's cause
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).status()).isEqualTo(403);
    assertThat(entries.get(0).decisions())
        .extracting(JournalEntry.PolicyDecision::outcome, JournalEntry.PolicyDecision::cause)
        .contains(org.assertj.core.groups.Tuple.tuple("deny", "not-authorised"));
  }

  @Test
  void journal_neverHoldsABodyAnInsOrAToken() {
    // GIVEN a search whose query names an INS (one of no fixture: the JDK's own FINE logs of the
    // request line would leak a fixture's), a request with a credential in its query, one with an
    // INS in its path, and a deposit whose body names the holder
    String madeUpIns = "299127512345678";
    String credential = "opaque-credential-0123";
    http.get(
        "/fhir/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10%7C" + madeUpIns,
        token(Fixtures.DOCTOR));
    http.get("/fhir/DocumentReference?access_token=" + credential + "&_count=5", null);
    http.get("/fhir/Patient/" + madeUpIns, token(Fixtures.DOCTOR));
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.80.2", LABORATORY);
    // WHEN the whole journal is read, over HTTP and in Java
    String text = http.control("GET", "/_mock/journal", null).text();
    String javaText = server.control().journal().toString();
    // THEN no INS, credential or document content is there
    for (String leaked : List.of(madeUpIns, Fixtures.Ids.ADULT, credential, "Bilan sanguin")) {
      assertThat(text).doesNotContain(leaked);
      assertThat(javaText).doesNotContain(leaked);
    }
    assertThat(text).contains("patient.identifier=urn:oid:1.2.250.1.213.1.4.10%7C<redacted>");
    assertThat(text).contains("access_token=<redacted>&_count=5");
    assertThat(text).contains("/fhir/Patient/<redacted>");
  }

  @Test
  void journal_patientSubject_isNeverShownInItsDescription() {
    // GIVEN a request by the holder
    searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "");
    // WHEN its entry is described (as an assertion message would)
    List<JournalEntry> entries =
        server.control().journal(JournalQuery.all().subject(Fixtures.Ids.ADULT));
    // THEN the control plane has the subject id, the description does not
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).subjectId()).isEqualTo(Fixtures.Ids.ADULT);
    assertThat(entries.get(0).toString()).doesNotContain(Fixtures.Ids.ADULT).contains("PATIENT");
    assertThat(JournalQuery.all().subject(Fixtures.Ids.ADULT).toString())
        .doesNotContain(Fixtures.Ids.ADULT);
  }

  @Test
  void journal_filtersByGlobRegexSubjectStatusAndServerTime() {
    // GIVEN a deposit at START, then two reads an hour later by two people
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.80.3", LABORATORY);
    server.control().advanceClock(Duration.ofHours(1));
    http.get("/fhir/DocumentReference/" + id, token(Fixtures.ADULT));
    http.get("/fhir/DocumentReference/" + id, token(Fixtures.DOCTOR_UNAUTHORISED));
    // THEN each filter finds what it should
    assertThat(journal("?path=" + encode("/fhir/DocumentReference/*")).get("total").asInt())
        .isEqualTo(2);
    assertThat(journal("?path=" + encode("/fhir/**")).get("total").asInt()).isEqualTo(3);
    assertThat(journal("?path=" + encode("/fhir/Document?eference")).get("total").asInt())
        .isEqualTo(1);
    assertThat(
            journal("?path=" + encode("regex:/fhir/DocumentReference/doc-.*")).get("total").asInt())
        .isEqualTo(2);
    assertThat(journal("?subject=" + Fixtures.Ids.DOCTOR).get("total").asInt()).isEqualTo(1);
    assertThat(journal("?status=201").get("total").asInt()).isEqualTo(1);
    assertThat(journal("?method=get").get("total").asInt()).isEqualTo(2);
    String later = START.plus(Duration.ofMinutes(30)).toString();
    assertThat(journal("?since=" + later).get("total").asInt()).isEqualTo(2);
    assertThat(journal("?until=" + later).get("total").asInt()).isEqualTo(1);
    JsonNode limited = journal("?limit=1");
    assertThat(limited.get("total").asInt()).isEqualTo(3);
    assertThat(limited.get("entries")).hasSize(1);
    assertThat(limited.get("entries").get(0).get("subjectId").asText())
        .as("the newest is kept")
        .isEqualTo(Fixtures.Ids.DOCTOR_UNAUTHORISED);
  }

  @Test
  void journal_doesNotRecordTheControlPlane() {
    // GIVEN only control-plane calls
    http.control("GET", "/_mock/clock", null);
    http.control("GET", "/_mock/outbox", null);
    // WHEN / THEN
    assertThat(journal("").get("total").asInt()).isZero();
  }

  @Test
  void journal_delete_emptiesIt() {
    // GIVEN a journaled request
    http.get("/fhir/metadata", null);
    assertThat(journal("").get("total").asInt()).isEqualTo(1);
    // WHEN
    assertThat(http.control("DELETE", "/_mock/journal", null).status()).isEqualTo(204);
    // THEN
    assertThat(journal("").get("total").asInt()).isZero();
  }

  @Test
  void journal_withABadFilter_is400AndForgetsNothing() {
    // GIVEN a journaled request
    http.get("/fhir/metadata", null);
    // WHEN / THEN each bad filter is a clear 400
    for (String bad :
        List.of(
            "?path=" + encode("regex:(("),
            "?limit=0",
            "?limit=10001",
            "?limit=many",
            "?status=ok",
            "?since=yesterday",
            "?colour=blue",
            "?method=GET&method=POST")) {
      Answer answer = http.control("GET", "/_mock/journal" + bad, null);
      assertThat(answer.status()).as(bad).isEqualTo(400);
      assertThat(answer.cause()).as(bad).isEqualTo("invalid-request");
    }
    assertThat(journal("").get("total").asInt()).isEqualTo(1);
  }

  @Test
  void verify_passesOnTheExactCount_andFailsWithAReadableMessage() {
    // GIVEN one deposit
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.80.4", LABORATORY);
    JournalQuery deposits = JournalQuery.all().method("POST").path("/fhir/DocumentReference");
    // WHEN / THEN
    server.control().verify(1, deposits);
    server.control().verify(deposits.subject(Fixtures.Ids.DOCTOR));
    server.control().verify(0, deposits.subject(Fixtures.Ids.NURSE));
    assertThatThrownBy(() -> server.control().verify(2, deposits))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "Expected 2 request(s) matching [method=POST, path=/fhir/DocumentReference] but found 1")
        .hasMessageContaining(
            "POST /fhir/DocumentReference -> 201 by PROFESSIONAL " + Fixtures.Ids.DOCTOR);
    assertThatThrownBy(() -> server.control().verify(deposits.status(500)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("but found none");
  }

  @Test
  void awaitJournal_returnsTheEntryOfARequestSentByAnotherThread() throws Exception {
    // GIVEN a request sent from another thread (before or during the wait: either must work)
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> sent =
          executor.submit(
              () -> {
                http.get("/fhir/metadata", null);
              });
      // WHEN
      JournalEntry entry =
          server
              .control()
              .awaitJournal(JournalQuery.all().path("/fhir/metadata"), Duration.ofSeconds(30));
      // THEN
      assertThat(entry.status()).isEqualTo(200);
      sent.get();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void awaitJournal_withNoMatch_failsNamingTheCriteria() {
    assertThatThrownBy(
            () ->
                server
                    .control()
                    .awaitJournal(JournalQuery.all().path("/fhir/Nothing"), Duration.ofMillis(20)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("No request matching [path=/fhir/Nothing]");
  }

  @Test
  void journal_staysBoundedUnder50000Requests() throws Exception {
    // GIVEN a server with the default journal bounds (and, for speed only, the JDK's own HTTP
    // client and server not logging 50 000 times at FINE: these requests carry no secret)
    List<java.util.logging.Logger> quiet =
        List.of(
            java.util.logging.Logger.getLogger("com.sun.net.httpserver"),
            java.util.logging.Logger.getLogger("jdk.internal.httpclient.debug"));
    List<java.util.logging.Level> levels = new ArrayList<>();
    quiet.forEach(l -> levels.add(l.getLevel()));
    quiet.forEach(l -> l.setLevel(java.util.logging.Level.INFO));
    try (MockServer fresh = MockServer.builder().clock(START).start()) {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create(fresh.baseUrl() + "/fhir/DocumentReference?_count=1");
      AtomicInteger sent = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        // WHEN 50 000 requests arrive (unauthenticated: 401, cheap)
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
          workers.add(
              pool.submit(
                  () -> {
                    HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
                    while (sent.incrementAndGet() <= 50_000) {
                      client.send(request, HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                  }));
        }
        for (Future<?> worker : workers) {
          worker.get();
        }
      } finally {
        pool.shutdownNow();
      }
      // THEN the journal holds at most the cap and counts what it dropped
      JsonNode body =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(
                  client
                      .send(
                          HttpRequest.newBuilder(
                                  URI.create(fresh.baseUrl() + "/_mock/journal?limit=1"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body());
      assertThat(body.get("total").asInt()).isEqualTo(MockServer.DEFAULT_JOURNAL_ENTRIES);
      // (at least: the JDK's client may send an idempotent GET once more after a connection
      // closed under it, and the server journals what it receives)
      assertThat(body.get("dropped").asLong())
          .isBetween(50_000L - MockServer.DEFAULT_JOURNAL_ENTRIES, 50_100L);
    } finally {
      for (int i = 0; i < quiet.size(); i++) {
        quiet.get(i).setLevel(levels.get(i));
      }
    }
  }

  @Test
  void journal_staysUnderItsByteCap() {
    // GIVEN a server whose journal may hold about 64 KB
    try (MockServer small =
        MockServer.builder().clock(START).journalLimit(100_000, 64 * 1024).start()) {
      var client = new io.mes4j.mockserver.support.TestClient(small.baseUrl());
      String longQuery = "x".repeat(1_000);
      // WHEN 500 requests with a 1 000-character query arrive
      for (int i = 0; i < 500; i++) {
        client.get("/fhir/metadata?q" + i + "=" + longQuery, null);
      }
      // THEN far fewer than 500 are kept, and what is kept is the newest
      List<JournalEntry> kept = small.control().journal(JournalQuery.all().limit(10_000));
      assertThat(kept.size()).isBetween(1, 40);
      assertThat(kept.get(kept.size() - 1).query()).startsWith("q499=");
    }
  }

  @Test
  void journal_offWithZeroEntries_keepsNothing() {
    try (MockServer silent = MockServer.builder().clock(START).journalLimit(0, 1).start()) {
      new io.mes4j.mockserver.support.TestClient(silent.baseUrl()).get("/fhir/metadata", null);
      assertThat(silent.control().journal()).isEmpty();
    }
  }
}
