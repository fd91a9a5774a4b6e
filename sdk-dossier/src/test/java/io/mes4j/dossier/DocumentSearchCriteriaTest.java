package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static io.mes4j.dossier.DocumentTestKit.report;
import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.DocumentType;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DOC-7: every criterion of a search, through the SDK against the server: type, group, date range,
 * author, label, archived and superseded included on request.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class DocumentSearchCriteriaTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  /** A dossier of five documents, one a day from 28 November. */
  private record Dossier5(
      DocumentEntry lab,
      DocumentEntry imaging,
      DocumentEntry consult,
      DocumentEntry nurseLab,
      DocumentEntry vaccination) {}

  private static Dossier5 fiveDocuments(MockServer server, MesClient treating, MesClient nurse) {
    DocumentEntry lab =
        documents(treating)
            .deposit(
                report(Fixtures.ADULT, DocumentType.LABORATORY_REPORT, "urn:oid:1.2.3.90.1")
                    .build());
    server.control().advanceClock(Duration.ofDays(1));
    DocumentEntry imaging =
        documents(treating)
            .deposit(
                report(Fixtures.ADULT, DocumentType.IMAGING_REPORT, "urn:oid:1.2.3.90.2").build());
    server.control().advanceClock(Duration.ofDays(1));
    DocumentEntry consult =
        documents(treating)
            .deposit(
                report(Fixtures.ADULT, DocumentType.CONSULTATION_REPORT, "urn:oid:1.2.3.90.3")
                    .build());
    server.control().advanceClock(Duration.ofDays(1));
    DocumentEntry nurseLab =
        documents(nurse)
            .deposit(
                report(Fixtures.ADULT, DocumentType.LABORATORY_REPORT, "urn:oid:1.2.3.90.4")
                    .build());
    server.control().advanceClock(Duration.ofDays(1));
    DocumentEntry vaccination =
        documents(nurse)
            .deposit(
                report(Fixtures.ADULT, DocumentType.VACCINATION_NOTE, "urn:oid:1.2.3.90.5")
                    .build());
    return new Dossier5(lab, imaging, consult, nurseLab, vaccination);
  }

  // DOC-7
  @Test
  void search_byTypeGroupDateRangeAndAuthor_findsExactlyTheMatchingDocuments(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.NURSE) MesClient nurse,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    Dossier5 d = fiveDocuments(server, treating, nurse);

    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .types(DocumentType.LABORATORY_REPORT)
                    .build()))
        .containsExactly(d.nurseLab().id(), d.lab().id());
    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .types(DocumentType.IMAGING_REPORT, DocumentType.VACCINATION_NOTE)
                    .build()))
        .containsExactly(d.vaccination().id(), d.imaging().id());
    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT).group(DocumentGroup.CLINICAL).build()))
        .containsExactly(d.consult().id());
    // 29 and 30 November, bounds included
    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .from(Instant.parse("2026-11-29T09:00:00Z"))
                    .to(Instant.parse("2026-11-30T09:00:00Z"))
                    .build()))
        .containsExactly(d.consult().id(), d.imaging().id());
    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .from(Instant.parse("2026-12-01T09:00:00.001Z"))
                    .build()))
        .containsExactly(d.vaccination().id());
    assertThat(
            ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).author(Fixtures.NURSE).build()))
        .containsExactly(d.vaccination().id(), d.nurseLab().id());
    // criteria combine
    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .author(Fixtures.NURSE)
                    .group(DocumentGroup.LABORATORY)
                    .build()))
        .containsExactly(d.nurseLab().id());
  }

  // DOC-7, DOC-6: by label
  @Test
  void search_byLabel_findsTheDocumentsCarryingIt(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.NURSE) MesClient nurse,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    Dossier5 d = fiveDocuments(server, treating, nurse);
    documents(holder).mask(d.imaging().id());

    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .label(ConfidentialityLabel.MASQUE_PS)
                    .build()))
        .containsExactly(d.imaging().id());
    assertThat(
            ids(
                holder,
                DocumentSearch.forPatient(Fixtures.ADULT)
                    .label(ConfidentialityLabel.NORMAL)
                    .build()))
        .containsExactly(d.vaccination().id(), d.nurseLab().id(), d.consult().id(), d.lab().id());
  }

  // DOC-4, DOC-3: archived and superseded documents only on request
  @Test
  void search_includesArchivedAndSupersededOnlyOnRequest(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.NURSE) MesClient nurse,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    Dossier5 d = fiveDocuments(server, treating, nurse);
    documents(holder).archive(d.lab().id());
    DocumentEntry v2 =
        documents(treating)
            .replace(
                d.consult().id(),
                report(Fixtures.ADULT, DocumentType.CONSULTATION_REPORT, "urn:oid:1.2.3.90.6")
                    .build());

    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build()))
        .containsExactly(v2.id(), d.vaccination().id(), d.nurseLab().id(), d.imaging().id());
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).includeArchived(true).build()))
        .containsExactly(
            v2.id(), d.vaccination().id(), d.nurseLab().id(), d.imaging().id(), d.lab().id());
    assertThat(
            ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).includeSuperseded(true).build()))
        .containsExactly(
            v2.id(), d.vaccination().id(), d.nurseLab().id(), d.consult().id(), d.imaging().id());
    assertThat(ids(holder, DocumentTestKit.all(Fixtures.ADULT))).hasSize(6);
  }
}
