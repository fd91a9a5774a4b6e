package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
}
