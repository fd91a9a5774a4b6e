package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.all;
import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static io.mes4j.dossier.DocumentTestKit.labReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.NotAuthorException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DOC-3: a new version replaces an old one; only the author's organisation may replace. */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class DocumentReplacementTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  // DOC-3
  @Test
  void replace_byTheAuthor_supersedesTheOldVersionWhichLeavesDefaultSearches(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN a document by the médecin traitant
    DocumentEntry v1 = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.30.1"));

    // WHEN its author replaces it
    DocumentEntry v2 =
        documents(author).replace(v1.id(), labReport(Fixtures.ADULT, "urn:oid:1.2.3.30.2"));

    // THEN the new version names the old one, which is superseded and out of default searches
    assertThat(v2.replaces()).contains(v1.id());
    assertThat(v2.status()).isEqualTo(DocumentStatus.CURRENT);
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build()))
        .containsExactly(v2.id());
    List<DocumentEntry> both =
        documents(holder)
            .search(DocumentSearch.forPatient(Fixtures.ADULT).includeSuperseded(true).build())
            .items();
    assertThat(both).extracting(DocumentEntry::id).containsExactly(v2.id(), v1.id());
    assertThat(both.get(1).status()).isEqualTo(DocumentStatus.SUPERSEDED);
    // AU-3: the holder hears of the new version
    assertThat(server.control().outbox())
        .extracting(Notification::kind)
        .containsExactly(Notification.Kind.DOCUMENT_ADDED, Notification.Kind.DOCUMENT_REPLACED);
    // AU-1: the replacement is traced on the old version, the new one as a deposit
    List<Trace> traces =
        Dossier.of(holder)
            .history()
            .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
            .streamAll()
            .toList();
    assertThat(traces)
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("DOCUMENT_REPLACE");
              assertThat(t.documentId()).isEqualTo(v1.id());
              assertThat(t.succeeded()).isTrue();
            });
  }

  // DOC-3
  @Test
  void replace_byAColleagueOfTheAuthorsOrganisation_throughDepositWithReplaces_isAccepted(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.NURSE) MesClient colleague,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN a document by a professional of the hospital
    DocumentEntry v1 = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.31.1"));

    // WHEN a nurse of the same hospital deposits a version that replaces it
    DocumentEntry v2 =
        documents(colleague)
            .deposit(
                DocumentTestKit.report(
                        Fixtures.ADULT,
                        io.mes4j.core.code.DocumentType.LABORATORY_REPORT,
                        "urn:oid:1.2.3.31.2")
                    .replaces(v1.id())
                    .build());

    // THEN it is the current version, authored by the nurse
    assertThat(v2.replaces()).contains(v1.id());
    assertThat(v2.author().id()).isEqualTo(Fixtures.NURSE.value());
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build()))
        .containsExactly(v2.id());
  }

  // DOC-3
  @Test
  void replace_byAProfessionalOfAnotherOrganisation_throwsNotAuthorAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.REGULATION_DOCTOR) MesClient samu,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN a document of the hospital
    DocumentEntry v1 = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.32.1"));

    // WHEN a doctor of the SAMU tries to replace it
    assertThatThrownBy(
            () -> documents(samu).replace(v1.id(), labReport(Fixtures.ADULT, "urn:oid:1.2.3.32.2")))
        .isInstanceOfSatisfying(
            NotAuthorException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.causeCode()).isEqualTo("not-author");
            });

    // THEN nothing changed: the old version is still the only one, current
    assertThat(documents(holder).search(all(Fixtures.ADULT)).items())
        .singleElement()
        .isEqualTo(documents(holder).get(v1.id()))
        .satisfies(e -> assertThat(e.status()).isEqualTo(DocumentStatus.CURRENT));
  }

  // DOC-3 (choice): a superseded version cannot be replaced again (400 invalid-request)
  @Test
  void replace_ofASupersededVersion_throwsInvalidRequestAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry v1 = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.33.1"));
    documents(author).replace(v1.id(), labReport(Fixtures.ADULT, "urn:oid:1.2.3.33.2"));
    List<DocumentEntry> before = documents(holder).search(all(Fixtures.ADULT)).items();

    assertThatThrownBy(
            () ->
                documents(author).replace(v1.id(), labReport(Fixtures.ADULT, "urn:oid:1.2.3.33.3")))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.errorCause()).isEqualTo(ErrorCause.INVALID_REQUEST));

    assertThat(documents(holder).search(all(Fixtures.ADULT)).items()).isEqualTo(before);
  }

  // DOC-3, DOC-2: the same replacement sent twice is one replacement
  @Test
  void replace_repeatedWithTheSameUniqueIdAndBytes_givesBackTheSameNewVersion(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry v1 = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.34.1"));
    DocumentDeposit next = labReport(Fixtures.ADULT, "urn:oid:1.2.3.34.2");

    DocumentEntry first = documents(author).replace(v1.id(), next);
    DocumentEntry again = documents(author).replace(v1.id(), next);

    assertThat(again).isEqualTo(first);
    assertThat(DocumentTestKit.total(holder, all(Fixtures.ADULT))).isEqualTo(2);
  }

  // DOC-3: the holder replaces their own uploads, not a professional's documents
  @Test
  void replace_byTheHolder_onlyOfTheirOwnUploads(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry professionals =
        documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.35.1"));
    DocumentEntry own = documents(holder).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.35.2"));

    DocumentEntry ownV2 =
        documents(holder).replace(own.id(), labReport(Fixtures.ADULT, "urn:oid:1.2.3.35.3"));
    assertThat(ownV2.replaces()).contains(own.id());
    assertThat(ownV2.author().kind()).isEqualTo(AuthorKind.PATIENT);

    assertThatThrownBy(
            () ->
                documents(holder)
                    .replace(professionals.id(), labReport(Fixtures.ADULT, "urn:oid:1.2.3.35.4")))
        .isInstanceOf(NotAuthorException.class);
    assertThat(documents(holder).get(professionals.id()).status())
        .isEqualTo(DocumentStatus.CURRENT);
  }

  // DOC-3 (choice): the new version keeps the holder's masking; AU-3: no notice of a new version
  // the holder may not see yet (INVISIBLE_PATIENT)
  @Test
  void replace_keepsTheHoldersMaskAndSendsNoNoticeOfAnInvisibleVersion(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry v1 = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.36.1"));
    documents(holder).mask(v1.id());

    DocumentEntry v2 =
        documents(author)
            .replace(
                v1.id(),
                labReport(
                    Fixtures.ADULT, "urn:oid:1.2.3.36.2", ConfidentialityLabel.INVISIBLE_PATIENT));

    assertThat(v2.labels())
        .containsExactlyInAnyOrder(
            ConfidentialityLabel.MASQUE_PS, ConfidentialityLabel.INVISIBLE_PATIENT);
    assertThat(server.control().outbox())
        .extracting(Notification::kind)
        .containsExactly(Notification.Kind.DOCUMENT_ADDED);
  }

  // DOC-3, DOC-6: a document the caller may not see cannot be replaced, nor learnt of
  @Test
  void replace_ofAnUnknownDocument_throwsNotFound(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    assertThatThrownBy(
            () ->
                documents(author)
                    .replace("doc-unknown", labReport(Fixtures.ADULT, "urn:oid:1.2.3.37.1")))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
