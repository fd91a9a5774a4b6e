package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AuditEventTest extends ServerTest {
  private static Answer traces(String token, String extra) {
    return http.get("/fhir/AuditEvent?" + patientParam(Fixtures.ADULT) + extra, token);
  }

  private static List<String> actions(JsonNode bundle) {
    List<String> actions = new ArrayList<>();
    bundle
        .path("entry")
        .forEach(
            e ->
                actions.add(
                    e.get("resource").get("subtype").get(0).get("code").asText()
                        + ":"
                        + e.get("resource").get("outcome").asText()
                        + ":"
                        + e.get("resource")
                            .get("agent")
                            .get(0)
                            .get("who")
                            .get("identifier")
                            .get("value")
                            .asText()));
    return actions;
  }

  // AU-1, AU-2
  @Test
  void holder_seesEveryTraceNewestFirstIncludingRefusals() {
    // GIVEN a deposit, a search by an authorised doctor and a refused search
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.7.1", LABORATORY);
    server.control().advanceClock(Duration.ofMinutes(1));
    search(token(Fixtures.DOCTOR), Fixtures.ADULT, "");
    server.control().advanceClock(Duration.ofMinutes(1));
    search(token(Fixtures.DOCTOR_UNAUTHORISED), Fixtures.ADULT, "");
    // WHEN
    Answer answer = traces(token(Fixtures.ADULT), "");
    // THEN
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("total").asInt()).isEqualTo(3);
    assertThat(actions(answer.json()))
        .containsExactly(
            "DOCUMENT_SEARCH:4:" + Fixtures.DOCTOR_UNAUTHORISED.value(),
            "DOCUMENT_SEARCH:0:" + Fixtures.DOCTOR.value(),
            "DOCUMENT_DEPOSIT:0:" + Fixtures.DOCTOR.value());
    assertThat(answer.json().get("entry").get(0).get("resource").get("outcomeDesc").asText())
        .isEqualTo("not-authorised");
  }

  // AU-2
  @Test
  void professional_seesOnlyTheirOwnTraces() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.7.2", LABORATORY);
    search(token(Fixtures.NURSE), Fixtures.ADULT, "");
    Answer answer = traces(token(Fixtures.NURSE), "");
    assertThat(actions(answer.json()))
        .containsExactly("DOCUMENT_SEARCH:0:" + Fixtures.NURSE.value());
  }

  // AU-2, CON-3
  @Test
  void medecinTraitant_seesEveryTrace() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.7.3", LABORATORY);
    search(token(Fixtures.NURSE), Fixtures.ADULT, "");
    assertThat(traces(token(Fixtures.DOCTOR_TREATING), "").json().get("total").asInt())
        .isEqualTo(2);
  }

  @Test
  void anotherPatient_isForbidden() {
    Answer answer = traces(token(Fixtures.PARENT), "");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("forbidden");
  }

  @Test
  void dateBoundsAndPaging_selectAndSplitTheTraces() {
    // GIVEN three searches on three days
    for (int day = 0; day < 3; day++) {
      search(token(Fixtures.DOCTOR), Fixtures.ADULT, "");
      server.control().advanceClock(Duration.ofDays(1));
    }
    // THEN the bounds keep the days asked
    assertThat(
            traces(token(Fixtures.ADULT), "&date=ge2026-11-29&date=le2026-11-29")
                .json()
                .get("total")
                .asInt())
        .isEqualTo(1);
    // and pages of two give a next link
    JsonNode page = traces(token(Fixtures.ADULT), "&_count=2").json();
    assertThat(page.get("entry")).hasSize(2);
    assertThat(page.get("link").get(1).get("relation").asText()).isEqualTo("next");
    JsonNode next =
        http.get(page.get("link").get(1).get("url").asText(), token(Fixtures.ADULT)).json();
    assertThat(next.get("entry")).hasSize(1);
  }

  private static Answer tracesByPost(String token, String extra) {
    return http.postForm("/fhir/AuditEvent/_search", token, patientParam(Fixtures.ADULT) + extra);
  }

  // AU-2
  @Test
  void historyByPost_answersAsTheSameReadByGet() {
    // GIVEN a deposit and two searches
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.14.1", LABORATORY);
    search(token(Fixtures.DOCTOR), Fixtures.ADULT, "");
    search(token(Fixtures.NURSE), Fixtures.ADULT, "");
    // WHEN the holder reads the history by GET and by POST _search
    JsonNode byGet = traces(token(Fixtures.ADULT), "&date=ge2026-11-28").json();
    Answer byPost = tracesByPost(token(Fixtures.ADULT), "&date=ge2026-11-28");
    // THEN the same traces
    assertThat(byPost.status()).isEqualTo(200);
    assertThat(byPost.json().get("total").asInt())
        .isEqualTo(byGet.get("total").asInt())
        .isEqualTo(3);
    assertThat(actions(byPost.json())).isEqualTo(actions(byGet));
  }

  @Test
  void historyByPost_paging_followsOpaqueLinksOnlyForTheSameCaller() {
    // GIVEN five searches
    for (int i = 0; i < 5; i++) {
      search(token(Fixtures.DOCTOR), Fixtures.ADULT, "");
    }
    // WHEN the holder reads two per page by POST and follows the next links by GET
    JsonNode bundle = tracesByPost(token(Fixtures.ADULT), "&_count=2").json();
    List<String> nexts = new ArrayList<>();
    int entries = 0;
    int pages = 0;
    while (bundle != null) {
      pages++;
      entries += bundle.path("entry").size();
      assertThat(bundle.get("total").asInt()).isEqualTo(5);
      assertThat(link(bundle, "self"))
          .matches(Pattern.quote(server.baseUrl()) + "/fhir/AuditEvent\\?_page=[A-Za-z0-9_-]{16,}");
      String next = link(bundle, "next");
      bundle = null;
      if (next != null) {
        nexts.add(next);
        bundle = http.get(next, token(Fixtures.ADULT)).json();
      }
    }
    // THEN three pages with every trace, and links with no INS nor search parameter
    assertThat(pages).isEqualTo(3);
    assertThat(entries).isEqualTo(5);
    assertThat(nexts)
        .hasSize(2)
        .allSatisfy(
            next ->
                assertThat(next)
                    .matches(
                        Pattern.quote(server.baseUrl())
                            + "/fhir/AuditEvent\\?_page=[A-Za-z0-9_-]{16,}")
                    .doesNotContain(Fixtures.ADULT.value()));
    // and another caller, even one who may read the history, cannot follow them
    Answer byTreating = http.get(nexts.get(0), token(Fixtures.DOCTOR_TREATING));
    assertThat(byTreating.status()).isEqualTo(404);
    assertThat(byTreating.cause()).isEqualTo("not-found");
    // nor is a history cursor a DocumentReference one
    String asDocuments = nexts.get(0).replace("/fhir/AuditEvent?", "/fhir/DocumentReference?");
    assertThat(http.get(asDocuments, token(Fixtures.ADULT)).cause()).isEqualTo("not-found");
  }
}
