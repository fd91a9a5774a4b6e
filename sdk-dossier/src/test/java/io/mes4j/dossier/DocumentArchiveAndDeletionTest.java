package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.all;
import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static io.mes4j.dossier.DocumentTestKit.labReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.error.NotAuthorException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DOC-4 (archiving) and DOC-5 (logical deletion, by the author only). */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class DocumentArchiveAndDeletionTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static DocumentSearch byDefault() {
    return DocumentSearch.forPatient(Fixtures.ADULT).build();
  }

  private static DocumentSearch withArchived() {
    return DocumentSearch.forPatient(Fixtures.ADULT).includeArchived(true).build();
  }

  // DOC-4
  @Test
  void archive_byTheHolder_leavesDefaultSearchesAndComesBackOnRequestThenUnarchives(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry kept = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.40.1"));
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.40.2"));

    // WHEN the holder archives it
    DocumentEntry archived = documents(holder).archive(doc.id());

    // THEN it is out of default searches, back with includeArchived
    assertThat(archived.archived()).isTrue();
    assertThat(ids(holder, byDefault())).containsExactly(kept.id());
    assertThat(DocumentTestKit.total(holder, byDefault())).isEqualTo(1);
    assertThat(ids(author, withArchived())).containsExactly(doc.id(), kept.id());

    // WHEN unarchived THEN it is back in default searches
    assertThat(documents(holder).unarchive(doc.id()).archived()).isFalse();
    assertThat(ids(holder, byDefault())).containsExactly(doc.id(), kept.id());
  }

  // DOC-4
  @Test
  void archive_byTheAuthor_isAccepted(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.41.1"));

    assertThat(documents(author).archive(doc.id()).archived()).isTrue();
    assertThat(ids(holder, byDefault())).isEmpty();
    assertThat(documents(author).unarchive(doc.id()).archived()).isFalse();
  }

  // DOC-4
  @Test
  void archive_byAnotherProfessional_throwsNotAuthorAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient other,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.42.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    assertThatThrownBy(() -> documents(other).archive(doc.id()))
        .isInstanceOfSatisfying(
            NotAuthorException.class, e -> assertThat(e.causeCode()).isEqualTo("not-author"));

    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
    assertThat(ids(holder, byDefault())).containsExactly(doc.id());
  }

  // DOC-5
  @Test
  void delete_byTheAuthor_takesTheDocumentOutOfEverySearchAndRead(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.43.1"));

    DocumentEntry deleted = documents(author).delete(doc.id());

    assertThat(deleted.status()).isEqualTo(DocumentStatus.ENTERED_IN_ERROR);
    for (MesClient reader : List.of(author, holder)) {
      assertThat(ids(reader, all(Fixtures.ADULT))).isEmpty();
      assertThatThrownBy(() -> documents(reader).get(doc.id()))
          .isInstanceOf(ResourceNotFoundException.class);
      assertThatThrownBy(() -> documents(reader).retrieve(doc).close())
          .isInstanceOf(ResourceNotFoundException.class);
    }
    // and it cannot be changed any more
    assertThatThrownBy(() -> documents(author).archive(doc.id()))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  // DOC-5
  @Test
  void delete_byTheHolderOfAProfessionalsDocument_throwsNotAuthorAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.44.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    assertThatThrownBy(() -> documents(holder).delete(doc.id()))
        .isInstanceOf(NotAuthorException.class);

    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-5
  @Test
  void delete_byAnotherProfessional_throwsNotAuthorAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient other,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.45.1"));
    DocumentEntry before = documents(holder).get(doc.id());

    assertThatThrownBy(() -> documents(other).delete(doc.id()))
        .isInstanceOf(NotAuthorException.class);

    assertThat(documents(holder).get(doc.id())).isEqualTo(before);
  }

  // DOC-5: DELETE /fhir/DocumentReference/{id} is the same logical deletion, under the same rules
  @Test
  void httpDelete_isRefusedToTheHolderAndDeletesForTheAuthor(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.48.1"));
    io.mes4j.core.internal.ApiRequest delete =
        io.mes4j.core.internal.ApiRequest.builder("DELETE", "/fhir/DocumentReference/{id}")
            .path("/fhir/DocumentReference/" + doc.id())
            .build();

    assertThatThrownBy(() -> io.mes4j.core.internal.CoreAccess.executor(holder).execute(delete))
        .isInstanceOf(NotAuthorException.class);
    assertThat(ids(holder, byDefault())).containsExactly(doc.id());

    io.mes4j.core.internal.ApiResponse answer =
        io.mes4j.core.internal.CoreAccess.executor(author).execute(delete);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.bodyText()).contains("\"status\":\"entered-in-error\"");
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();
  }

  // DOC-5: the holder deletes what they uploaded
  @Test
  void delete_byTheHolderOfTheirOwnUpload_isAccepted(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry own = documents(holder).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.46.1"));

    assertThat(documents(holder).delete(own.id()).status())
        .isEqualTo(DocumentStatus.ENTERED_IN_ERROR);
    assertThat(ids(holder, all(Fixtures.ADULT))).isEmpty();
  }

  // AU-1: archiving, unarchiving and deleting are traced, each with its own action code
  @Test
  void archiveUnarchiveAndDelete_areEachTracedWithTheirOwnCode(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient other,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.47.1"));
    documents(holder).archive(doc.id());
    documents(holder).unarchive(doc.id());
    try {
      documents(other).delete(doc.id());
    } catch (NotAuthorException expected) {
      // traced as a refusal
    }
    documents(author).delete(doc.id());

    List<Trace> traces =
        Dossier.of(holder)
            .history()
            .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
            .streamAll()
            .filter(t -> doc.id().equals(t.documentId()))
            .toList();
    assertThat(traces)
        .extracting(Trace::action, Trace::actorId, Trace::refusalCause)
        .contains(
            org.assertj.core.groups.Tuple.tuple("DOCUMENT_ARCHIVE", Fixtures.ADULT.value(), null),
            org.assertj.core.groups.Tuple.tuple("DOCUMENT_UNARCHIVE", Fixtures.ADULT.value(), null),
            org.assertj.core.groups.Tuple.tuple(
                "DOCUMENT_DELETE", Fixtures.DOCTOR.value(), "not-author"),
            org.assertj.core.groups.Tuple.tuple(
                "DOCUMENT_DELETE", Fixtures.DOCTOR_TREATING.value(), null));
  }
}
