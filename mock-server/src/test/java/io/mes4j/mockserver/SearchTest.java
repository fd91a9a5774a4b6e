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
import java.util.regex.Pattern;
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
          assertOpaque(url);
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

  /** Follows next links with GET from a first bundle; answers every bundle, first included. */
  private static List<JsonNode> followAll(JsonNode first, String token) {
    List<JsonNode> bundles = new ArrayList<>();
    JsonNode bundle = first;
    while (true) {
      bundles.add(bundle);
      String next = link(bundle, "next");
      if (next == null || bundles.size() > 20) {
        return bundles;
      }
      Answer answer = http.get(next, token);
      assertThat(answer.status()).as("following %s", next).isEqualTo(200);
      bundle = answer.json();
    }
  }

  /** Asserts that a link is an opaque cursor on DocumentReference: no INS, no search parameter. */
  private static void assertOpaque(String url) {
    assertThat(url)
        .matches(
            Pattern.quote(server.baseUrl()) + "/fhir/DocumentReference\\?_page=[A-Za-z0-9_-]{16,}")
        .doesNotContain(Fixtures.ADULT.value())
        .doesNotContain("patient.identifier")
        .doesNotContain("_count")
        .doesNotContain("type=");
  }

  @Test
  void searchByPost_answersAsTheSameSearchByGet() {
    // GIVEN three documents, one a psychiatric summary
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.1", LABORATORY);
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.2", PSYCHIATRY);
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.3", LABORATORY);
    String filters = "&type=http://loinc.org%7C11502-2&status=current&_count=1";
    // WHEN the same search is made by GET and by POST _search
    Answer byGet = search(token(Fixtures.DOCTOR), Fixtures.ADULT, filters);
    Answer byPost = searchByPost(token(Fixtures.DOCTOR), Fixtures.ADULT, filters);
    // THEN both find the same page of the same matches
    assertThat(byPost.status()).isEqualTo(200);
    assertThat(byPost.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(byPost.json().get("type").asText()).isEqualTo("searchset");
    assertThat(byPost.json().get("total").asInt())
        .isEqualTo(byGet.json().get("total").asInt())
        .isEqualTo(2);
    assertThat(ids(byPost.json())).isEqualTo(ids(byGet.json())).hasSize(1);
    assertThat(link(byPost.json(), "next")).isNotNull();
    assertThat(link(byGet.json(), "next")).isNotNull();
  }

  @Test
  void searchByPost_combinesQueryStringAndBodyParameters() {
    // GIVEN two documents
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.4", LABORATORY);
    String newest =
        deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.5", LABORATORY);
    // WHEN the page size is in the query string and the patient in the body
    Answer answer =
        http.postForm(
            "/fhir/DocumentReference/_search?_count=1",
            token(Fixtures.ADULT),
            patientParam(Fixtures.ADULT));
    // THEN both count
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("total").asInt()).isEqualTo(2);
    assertThat(ids(answer.json())).containsExactly(newest);
  }

  @Test
  void searchByPost_withAJsonBody_isUnsupportedMediaType() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference/_search",
            token(Fixtures.ADULT),
            "{\"patient.identifier\": \"" + Fixtures.ADULT.value() + "\"}");
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.cause()).isEqualTo("unsupported-media-type");
  }

  @Test
  void searchByPost_withAnUnknownParameter_isInvalidRequest() {
    // the old offset paging is gone: links are cursors now
    Answer answer = searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "&_offset=2");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }

  @Test
  void searchByPost_paging_followsOpaqueLinksAcrossThreePages() {
    // GIVEN five documents
    List<String> deposited = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      deposited.add(
          0, deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.9." + i, LABORATORY));
    }
    // WHEN a doctor searches by POST two per page and follows the next links by GET
    Answer first =
        searchByPost(
            token(Fixtures.DOCTOR), Fixtures.ADULT, "&type=http://loinc.org%7C11502-2&_count=2");
    List<JsonNode> pages = followAll(first.json(), token(Fixtures.DOCTOR));
    // THEN three pages, newest first, each with the total and links that carry no INS nor
    // search parameter
    assertThat(pages).hasSize(3);
    List<String> seen = new ArrayList<>();
    for (JsonNode page : pages) {
      assertThat(page.get("total").asInt()).isEqualTo(5);
      seen.addAll(ids(page));
      assertOpaque(link(page, "self"));
      if (link(page, "next") != null) {
        assertOpaque(link(page, "next"));
      }
    }
    assertThat(seen).containsExactlyElementsOf(deposited);
    assertThat(link(pages.get(2), "next")).isNull();
    // and following a self link again gives the same page
    assertThat(ids(http.get(link(pages.get(1), "self"), token(Fixtures.DOCTOR)).json()))
        .isEqualTo(ids(pages.get(1)));
  }

  // DOC-6: hidden documents are absent from entries, totals and links on every page
  @Test
  void searchByPost_paging_neverCountsNorLinksHiddenDocuments() {
    // GIVEN five documents, the second and fourth masked to professionals
    List<String> visible = new ArrayList<>();
    List<String> masked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String masterId = "urn:oid:1.2.250.1.999.10." + i;
      if (i % 2 == 1) {
        masked.add(
            deposit(Fixtures.DOCTOR_TREATING, Fixtures.ADULT, masterId, LABORATORY, "MASQUE_PS"));
      } else {
        visible.add(0, deposit(Fixtures.DOCTOR_TREATING, Fixtures.ADULT, masterId, LABORATORY));
      }
    }
    // WHEN an authorised doctor, not the author, pages two at a time
    List<JsonNode> pages =
        followAll(
            searchByPost(token(Fixtures.DOCTOR), Fixtures.ADULT, "&_count=2").json(),
            token(Fixtures.DOCTOR));
    // THEN the three visible documents on two pages, every total three, no hidden id anywhere
    assertThat(pages).hasSize(2);
    List<String> seen = new ArrayList<>();
    for (JsonNode page : pages) {
      assertThat(page.get("total").asInt()).isEqualTo(3);
      seen.addAll(ids(page));
      for (String hidden : masked) {
        assertThat(page.get("link").toString()).doesNotContain(hidden);
      }
    }
    assertThat(seen).containsExactlyElementsOf(visible).doesNotContainAnyElementsOf(masked);
    // and the médecin traitant pages through all five (CON-3)
    List<JsonNode> treating =
        followAll(
            searchByPost(token(Fixtures.DOCTOR_TREATING), Fixtures.ADULT, "&_count=2").json(),
            token(Fixtures.DOCTOR_TREATING));
    assertThat(treating).hasSize(3);
    assertThat(treating.get(0).get("total").asInt()).isEqualTo(5);
  }

  @Test
  void pageCursor_followedByAnotherCaller_isNotFound() {
    // GIVEN a doctor's search with a next link
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.11.1", LABORATORY);
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.11.2", LABORATORY);
    String next =
        link(searchByPost(token(Fixtures.DOCTOR), Fixtures.ADULT, "&_count=1").json(), "next");
    // WHEN another professional, authorised too, and the holder follow it
    Answer byNurse = http.get(next, token(Fixtures.NURSE));
    Answer byHolder = http.get(next, token(Fixtures.ADULT));
    // THEN it is not found for them, and still found for the doctor
    assertThat(byNurse.status()).isEqualTo(404);
    assertThat(byNurse.cause()).isEqualTo("not-found");
    assertThat(byHolder.status()).isEqualTo(404);
    assertThat(byHolder.cause()).isEqualTo("not-found");
    Answer byDoctor = http.get(next, token(Fixtures.DOCTOR));
    assertThat(byDoctor.status()).isEqualTo(200);
    assertThat(ids(byDoctor.json())).hasSize(1);
  }

  @Test
  void pageCursor_unknownOrFromBeforeAReset_isNotFound() {
    // GIVEN a next link
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.12.1", LABORATORY);
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.12.2", LABORATORY);
    String next =
        link(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=1").json(), "next");
    // WHEN a made-up cursor is followed, and the real one after a reset
    Answer madeUp =
        http.get("/fhir/DocumentReference?_page=AAAAAAAAAAAAAAAAAAAAAA", token(Fixtures.ADULT));
    server.control().reset();
    Answer afterReset = http.get(next, token(Fixtures.ADULT));
    // THEN both are not found
    assertThat(madeUp.status()).isEqualTo(404);
    assertThat(madeUp.cause()).isEqualTo("not-found");
    assertThat(afterReset.status()).isEqualTo(404);
    assertThat(afterReset.cause()).isEqualTo("not-found");
  }

  @Test
  void pageCursor_withOtherParameters_isInvalidRequest() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.13.1", LABORATORY);
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.13.2", LABORATORY);
    String next =
        link(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=1").json(), "next");
    Answer answer = http.get(next + "&_count=5", token(Fixtures.ADULT));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }
}
