package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static io.mes4j.mockserver.support.Documents.PSYCHIATRY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.AccessMode;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest extends ServerTest {
  private static List<String> ids(JsonNode bundle) {
    List<String> ids = new ArrayList<>();
    bundle.path("entry").forEach(e -> ids.add(e.get("resource").get("id").asText()));
    return ids;
  }

  // DOC-7
  @Test
  void search_asTheHolder_findsTheDocument() {
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.1", LABORATORY);
    Answer answer = search(token(Fixtures.ADULT), Fixtures.ADULT, "");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("type").asText()).isEqualTo("searchset");
    assertThat(answer.json().get("total").asInt()).isEqualTo(1);
    assertThat(ids(answer.json())).containsExactly(id);
  }

  // DOC-7, CON-1
  @Test
  void search_asAnAuthorisedDoctor_findsTheDocument() {
    String id =
        deposit(Fixtures.DOCTOR_TREATING, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.2", LABORATORY);
    assertThat(ids(search(token(Fixtures.DOCTOR), Fixtures.ADULT, "").json())).containsExactly(id);
  }

  // DOC-7, CON-1
  @Test
  void search_asAnUnauthorisedDoctor_isNotAuthorised() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.3", LABORATORY);
    Answer answer = search(token(Fixtures.DOCTOR_UNAUTHORISED), Fixtures.ADULT, "");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("not-authorised");
  }

  // DOC-7, CON-2
  @Test
  void search_asABlockedDoctor_isBlocked() {
    Answer answer = search(token(Fixtures.BLOCKED_DOCTOR), Fixtures.ADULT, "");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("blocked");
  }

  // DOC-7, CON-2: blocked in bris de glace too (choice)
  @Test
  void search_asABlockedDoctorInBrisDeGlace_isBlocked() {
    Answer answer =
        search(
            token(Fixtures.BLOCKED_DOCTOR, AccessMode.breakGlass("arrêt cardiaque")),
            Fixtures.ADULT,
            "");
    assertThat(answer.cause()).isEqualTo("blocked");
  }

  // DOC-7
  @Test
  void search_inBrisDeGlaceWithoutReason_isReasonRequired() {
    Answer answer =
        search(
            server.control().tokenBreakGlassWithoutReason(Fixtures.DOCTOR_UNAUTHORISED),
            Fixtures.ADULT,
            "");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("reason-required");
  }

  // DOC-7, AU-3
  @Test
  void search_inBrisDeGlaceByAnUnauthorisedDoctor_isPermittedAndNotifiesHolderAndMedecinTraitant() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.4", LABORATORY);
    int before = server.control().outbox().size();
    Answer answer =
        search(
            token(Fixtures.DOCTOR_UNAUTHORISED, AccessMode.breakGlass("inconscient")),
            Fixtures.ADULT,
            "");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("total").asInt()).isEqualTo(1);
    var notices = server.control().outbox().subList(before, server.control().outbox().size());
    assertThat(notices)
        .extracting(Notification::kind)
        .containsOnly(Notification.Kind.EMERGENCY_ACCESS);
    assertThat(notices).extracting(Notification::toPatient).containsExactly(true, false);
    assertThat(notices.get(1).to()).startsWith(Fixtures.DOCTOR_TREATING.value());
  }

  // DOC-7
  @Test
  void search_inCentre15WithoutTheRegulationRole_isRoleRequired() {
    Answer answer = search(token(Fixtures.DOCTOR, AccessMode.centre15()), Fixtures.ADULT, "");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("role-required");
  }

  // DOC-7
  @Test
  void search_inCentre15ByTheRegulationDoctor_isPermitted() {
    Answer answer =
        search(token(Fixtures.REGULATION_DOCTOR, AccessMode.centre15()), Fixtures.ADULT, "");
    assertThat(answer.status()).isEqualTo(200);
  }

  // DOC-6: hidden documents are absent from entries, total and links
  @Test
  void search_whenDocumentMasked_omitsItFromEntriesTotalAndLinks() {
    // GIVEN three documents, the newest masked to professionals
    deposit(Fixtures.DOCTOR_TREATING, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.5", LABORATORY);
    deposit(Fixtures.DOCTOR_TREATING, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.6", LABORATORY);
    String masked =
        deposit(
            Fixtures.DOCTOR_TREATING,
            Fixtures.ADULT,
            "urn:oid:1.2.250.1.999.3.7",
            LABORATORY,
            "MASQUE_PS");
    // WHEN an authorised doctor, not the author, searches two per page
    Answer answer = search(token(Fixtures.DOCTOR), Fixtures.ADULT, "&_count=2");
    // THEN
    assertThat(answer.json().get("total").asInt()).isEqualTo(2);
    assertThat(ids(answer.json())).hasSize(2).doesNotContain(masked);
    assertThat(answer.json().get("link").toString()).doesNotContain("\"next\"");
    // and the médecin traitant sees it (CON-3)
    assertThat(
            search(token(Fixtures.DOCTOR_TREATING), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(3);
  }

  // DOC-7: habilitation matrix
  @Test
  void search_byAPharmacist_omitsPsychiatricSummaries() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.8", PSYCHIATRY);
    String lab = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.3.9", LABORATORY);
    Answer answer = search(token(Fixtures.PHARMACIST), Fixtures.ADULT, "");
    assertThat(answer.json().get("total").asInt()).isEqualTo(1);
    assertThat(ids(answer.json())).containsExactly(lab);
  }

  // DOC-6
  @Test
  void search_asTheHolder_omitsInvisiblePatientDocuments() {
    deposit(
        Fixtures.DOCTOR,
        Fixtures.ADULT,
        "urn:oid:1.2.250.1.999.3.10",
        LABORATORY,
        "INVISIBLE_PATIENT");
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
    assertThat(search(token(Fixtures.DOCTOR), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(1);
  }

  // DOC-7: a representative sees the minor's dossier except what is hidden from representatives
  @Test
  void search_asTheRepresentative_omitsDocumentsInvisibleToRepresentatives() {
    deposit(Fixtures.DOCTOR, Fixtures.MINOR, "urn:oid:1.2.250.1.999.3.11", LABORATORY);
    deposit(
        Fixtures.DOCTOR,
        Fixtures.MINOR,
        "urn:oid:1.2.250.1.999.3.12",
        LABORATORY,
        "INVISIBLE_REPRESENTANTS_LEGAUX");
    assertThat(search(token(Fixtures.PARENT), Fixtures.MINOR, "").json().get("total").asInt())
        .isEqualTo(1);
    assertThat(search(token(Fixtures.MINOR), Fixtures.MINOR, "").json().get("total").asInt())
        .isEqualTo(2);
  }

  @Test
  void search_paging_followsNextLinksNewestFirstUntilTheEnd() {
    // GIVEN five documents
    List<String> deposited = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      deposited.add(
          0, deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.4." + i, LABORATORY));
    }
    // WHEN following next links two at a time
    List<String> seen = new ArrayList<>();
    String url = "/fhir/DocumentReference?" + patientParam(Fixtures.ADULT) + "&_count=2";
    int pages = 0;
    while (url != null) {
      JsonNode bundle = http.get(url, token(Fixtures.ADULT)).json();
      assertThat(bundle.get("total").asInt()).isEqualTo(5);
      seen.addAll(ids(bundle));
      pages++;
      url = null;
      for (JsonNode link : bundle.get("link")) {
        if (link.get("relation").asText().equals("next")) {
          url = link.get("url").asText();
        }
      }
    }
    // THEN
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyElementsOf(deposited);
  }

  @Test
  void search_withTypeAndDateFilters_keepsOnlyMatches() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.5.1", PSYCHIATRY);
    server.control().advanceClock(java.time.Duration.ofDays(2));
    String lab = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.5.2", LABORATORY);
    assertThat(
            ids(
                search(token(Fixtures.ADULT), Fixtures.ADULT, "&type=http://loinc.org%7C11502-2")
                    .json()))
        .containsExactly(lab);
    assertThat(ids(search(token(Fixtures.ADULT), Fixtures.ADULT, "&date=ge2026-11-29").json()))
        .containsExactly(lab);
    assertThat(
            search(token(Fixtures.ADULT), Fixtures.ADULT, "&date=lt2026-11-29")
                .json()
                .get("total")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void search_ofASpaceNotActive_namesTheState() {
    Answer answer = search(token(Fixtures.DOCTOR), Fixtures.CLOSED, "");
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.cause()).isEqualTo("espace-closed");
  }

  @Test
  void search_withAnInvalidIns_isInvalidIns() {
    Answer answer =
        http.get(
            "/fhir/DocumentReference?patient.identifier=urn:oid:1.2.250.1.213.1.4.10%7C180017511234517",
            token(Fixtures.DOCTOR));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-ins");
  }
}
