package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.labReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.MesClient;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** AU-2: the activity history filtered by actor type; AU-1: every change has its own code. */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class ActivityHistoryFilterTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static List<Trace> history(MesClient reader, HistoryQuery query) {
    return Dossier.of(reader).history().list(query).streamAll().toList();
  }

  // AU-2
  @Test
  void history_filteredByActorType_holdsOnlyThatTypesTraces(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN actions by a professional and by the holder
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.95.1"));
    documents(holder).mask(doc.id());
    documents(holder).search(DocumentSearch.forPatient(Fixtures.ADULT).build());

    // WHEN the holder reads the history of professionals only, then of the patient only
    List<Trace> professionals =
        history(
            holder,
            HistoryQuery.forPatient(Fixtures.ADULT)
                .actorType(ActorType.HEALTHCARE_PROFESSIONAL)
                .build());
    List<Trace> patient =
        history(
            holder, HistoryQuery.forPatient(Fixtures.ADULT).actorType(ActorType.PATIENT).build());
    List<Trace> everyone = history(holder, HistoryQuery.forPatient(Fixtures.ADULT).build());

    // THEN each holds its own, and together they are the whole history
    assertThat(professionals)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.actorType()).isEqualTo(ActorType.HEALTHCARE_PROFESSIONAL));
    assertThat(patient)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.actorId()).isEqualTo(Fixtures.ADULT.value()));
    assertThat(professionals.size() + patient.size()).isEqualTo(everyone.size());
    assertThat(patient).extracting(Trace::action).contains("DOCUMENT_MASK", "DOCUMENT_SEARCH");
    assertThat(
            history(
                holder,
                HistoryQuery.forPatient(Fixtures.ADULT).actorType(ActorType.SYSTEM).build()))
        .isEmpty();
  }

  // AU-1, AU-2: every label change is traced with its own code, and a professional reading their
  // own history by actor type sees only their own
  @Test
  void everyLabelChange_isTracedWithItsOwnCode(
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.96.1"));
    documents(holder).mask(doc.id());
    documents(holder).unmask(doc.id());
    documents(author).setInvisibleToPatient(doc.id());
    documents(author).liftInvisibleToPatient(doc.id());

    List<String> actions =
        history(holder, HistoryQuery.forPatient(Fixtures.ADULT).build()).stream()
            .filter(t -> doc.id().equals(t.documentId()))
            .map(Trace::action)
            .toList();
    assertThat(actions)
        .contains(
            "DOCUMENT_MASK",
            "DOCUMENT_UNMASK",
            "DOCUMENT_INVISIBLE_PATIENT_SET",
            "DOCUMENT_INVISIBLE_PATIENT_LIFT");

    List<Trace> authorOwn =
        history(
            author,
            HistoryQuery.forPatient(Fixtures.ADULT)
                .actorType(ActorType.HEALTHCARE_PROFESSIONAL)
                .build());
    assertThat(authorOwn)
        .isNotEmpty()
        .allSatisfy(t -> assertThat(t.actorId()).isEqualTo(Fixtures.DOCTOR.value()));
  }
}
