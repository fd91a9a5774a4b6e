package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.BlockedException;
import io.mes4j.core.error.DuplicateConflictException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The foundation's slice end to end: a professional deposits (ITI-65), readers find (ITI-67) and
 * download (ITI-68), refusals are typed, and every call leaves a trace the patient reads.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class DocumentSliceTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static final byte[] PDF = "%PDF-1.4 bilan".getBytes(StandardCharsets.US_ASCII);

  private static DocumentDeposit labReport(Ins patient, String uniqueId, byte[] content) {
    return DocumentDeposit.builder()
        .patient(patient)
        .type(DocumentType.LABORATORY_REPORT)
        .title("Bilan sanguin")
        .content(content, "application/pdf")
        .uniqueId(uniqueId)
        .build();
  }

  @Test
  void deposit_byProfessional_isFoundAndReadByAnAuthorisedDoctorAndThePatient(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient patient) {
    // DOC-1: a professional deposits into an ACTIVE space
    DocumentEntry stored =
        Dossier.of(author).documents().deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.1", PDF));
    assertThat(stored.type()).isEqualTo(DocumentType.LABORATORY_REPORT);
    assertThat(stored.author().id()).isEqualTo(Fixtures.DOCTOR_TREATING.value());
    assertThat(stored.size()).isEqualTo(PDF.length);

    // DOC-7: an authorised doctor and the holder find it and read its bytes
    for (MesClient reader : List.of(doctor, patient)) {
      Documents documents = Dossier.of(reader).documents();
      Page<DocumentEntry> page =
          documents.search(DocumentSearch.forPatient(Fixtures.ADULT).build());
      assertThat(page.items()).extracting(DocumentEntry::id).containsExactly(stored.id());
      assertThat(page.total()).hasValue(1);
      try (DocumentContent content = documents.retrieve(page.items().get(0))) {
        assertThat(content.readAllBytes()).isEqualTo(PDF);
        assertThat(content.mimeType()).startsWith("application/pdf");
      }
    }
  }

  @Test
  void search_byUnauthorisedProfessional_throwsNotAuthorised(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger) {
    // CON-1, DOC-7: normal mode needs an authorisation
    assertThatThrownBy(
            () ->
                Dossier.of(stranger)
                    .documents()
                    .search(DocumentSearch.forPatient(Fixtures.ADULT).build()))
        .isInstanceOfSatisfying(
            NotAuthorisedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.causeCode()).isEqualTo("not-authorised");
              assertThat(e.requestId()).isPresent();
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void search_byBlockedProfessional_throwsBlocked(
      @Identity(Fixtures.Ids.BLOCKED_DOCTOR) MesClient blocked) {
    // CON-2: a blocked professional cannot read, whatever their authorisation
    assertThatThrownBy(
            () ->
                Dossier.of(blocked)
                    .documents()
                    .search(DocumentSearch.forPatient(Fixtures.ADULT).build()))
        .isInstanceOf(BlockedException.class);
  }

  @Test
  void deposit_byBlockedProfessional_isStillAccepted(
      @Identity(Fixtures.Ids.BLOCKED_DOCTOR) MesClient blocked) {
    // DOC-1, CON-2: a blocked professional can still deposit
    DocumentEntry stored =
        Dossier.of(blocked)
            .documents()
            .deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.9", PDF));
    assertThat(stored.id()).isNotBlank();
  }

  @Test
  void deposit_sameUniqueIdAndBytes_givesBackTheSameDocument(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient patient) {
    // DOC-2: idempotent by unique id
    Documents documents = Dossier.of(author).documents();
    DocumentEntry first = documents.deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.2", PDF));
    DocumentEntry again = documents.deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.2", PDF));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(
            Dossier.of(patient)
                .documents()
                .search(DocumentSearch.forPatient(Fixtures.ADULT).build())
                .total())
        .hasValue(1);
  }

  @Test
  void deposit_sameUniqueIdOtherBytes_throwsDuplicateConflict(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    // DOC-2: same unique id, other content
    Documents documents = Dossier.of(author).documents();
    documents.deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.3", PDF));

    assertThatThrownBy(
            () ->
                documents.deposit(
                    labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.3", "other".getBytes())))
        .isInstanceOfSatisfying(
            DuplicateConflictException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void deposit_intoClosedSpace_throwsSpaceNotActiveNamingTheState(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    // ES-4: only ACTIVE accepts deposits; the error names the state
    assertThatThrownBy(
            () ->
                Dossier.of(author)
                    .documents()
                    .deposit(labReport(Fixtures.CLOSED, "urn:oid:1.2.3.4.4", PDF)))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class,
            e -> {
              assertThat(e.state()).isEqualTo(SpaceState.CLOSED);
              assertThat(e.causeCode()).isEqualTo("espace-closed");
            });
  }

  @Test
  void search_pagesLazilyThroughNextLinks(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author) {
    // DOC-7: a paged search (ITI-67)
    Documents documents = Dossier.of(author).documents();
    for (int i = 0; i < 25; i++) {
      documents.deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.5." + i, ("doc " + i).getBytes()));
    }

    Page<DocumentEntry> first =
        documents.search(DocumentSearch.forPatient(Fixtures.ADULT).pageSize(10).build());

    assertThat(first.items()).hasSize(10);
    assertThat(first.total()).hasValue(25);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.streamAll().map(DocumentEntry::id).distinct().count()).isEqualTo(25);
  }

  @Test
  void everyCall_leavesATraceThatThePatientReads(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.ADULT) MesClient patient) {
    // GIVEN a deposit, a search and a refused search
    Dossier.of(author).documents().deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.5", PDF));
    Dossier.of(author).documents().search(DocumentSearch.forPatient(Fixtures.ADULT).build());
    try {
      Dossier.of(stranger).documents().search(DocumentSearch.forPatient(Fixtures.ADULT).build());
    } catch (NotAuthorisedException expected) {
      // traced below
    }

    // WHEN the patient reads their history (AU-2)
    List<Trace> traces =
        Dossier.of(patient)
            .history()
            .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
            .streamAll()
            .toList();

    // THEN each action is there, the refusal with its cause (AU-1)
    assertThat(traces)
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("DOCUMENT_DEPOSIT");
              assertThat(t.actorType()).isEqualTo(ActorType.HEALTHCARE_PROFESSIONAL);
              assertThat(t.actorId()).isEqualTo(Fixtures.DOCTOR_TREATING.value());
              assertThat(t.succeeded()).isTrue();
            })
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("DOCUMENT_SEARCH");
              assertThat(t.actorId()).isEqualTo(Fixtures.DOCTOR_UNAUTHORISED.value());
              assertThat(t.refusalCause()).isEqualTo("not-authorised");
            });
  }

  @Test
  void professional_readsOnlyTheirOwnTraces(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // AU-2: a professional reads only their own traces; the médecin traitant reads all
    Dossier.of(treating).documents().deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.4.6", PDF));
    Dossier.of(doctor).documents().search(DocumentSearch.forPatient(Fixtures.ADULT).build());

    List<Trace> doctorSees =
        Dossier.of(doctor)
            .history()
            .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
            .streamAll()
            .toList();
    List<Trace> treatingSees =
        Dossier.of(treating)
            .history()
            .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
            .streamAll()
            .toList();

    assertThat(doctorSees)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.actorId()).isEqualTo(Fixtures.DOCTOR.value()));
    assertThat(treatingSees)
        .extracting(Trace::actorId)
        .contains(Fixtures.DOCTOR.value(), Fixtures.DOCTOR_TREATING.value());
  }
}
