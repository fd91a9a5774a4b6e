package io.mes4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.MesClient;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an application is tested against the reference server: the extension starts one server for
 * the class at a fixed clock, resets it before each test, and hands each parameter a client acting
 * as a fixture identity; the test moves the clock and reads the notifications the holder got.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class LabResultPublisherTest {

  private static List<String> seenBy(MesClient client) {
    return Dossier.of(client)
        .documents()
        .search(DocumentSearch.forPatient(Fixtures.ADULT).build())
        .items()
        .stream()
        .map(DocumentEntry::id)
        .toList();
  }

  // DOC-2, AU-3
  @Test
  void publish_twice_makesOneDocument_andTellsThePatientOnce(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient lab,
      @Identity(Fixtures.Ids.ADULT) MesClient patient) {
    // GIVEN the laboratory's application
    LabResultPublisher publisher = new LabResultPublisher(lab);

    // WHEN it publishes the same sample twice (a retry after a timeout, say)
    DocumentEntry first = publisher.publish(Fixtures.ADULT, "S-1", Tour.samplePdf(), false);
    DocumentEntry second = publisher.publish(Fixtures.ADULT, "S-1", Tour.samplePdf(), false);

    // THEN one document, seen by the patient, who was told once
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(seenBy(patient)).containsExactly(first.id());
    assertThat(server.control().outbox(n -> n.kind() == Notification.Kind.DOCUMENT_ADDED))
        .hasSize(1);
  }

  // DOC-6: INVISIBLE_PATIENT until announced, the 2-week notice, the lift by the author
  @Test
  void resultToAnnounce_isHiddenFromThePatient_whoIsToldAfterTwoWeeks_andSeesItOnceAnnounced(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient lab,
      @Identity(Fixtures.Ids.ADULT) MesClient patient) {
    // GIVEN a result the doctor must announce first
    LabResultPublisher publisher = new LabResultPublisher(lab);
    DocumentEntry result = publisher.publish(Fixtures.ADULT, "S-2", Tour.samplePdf(), true);

    // THEN the patient does not see it
    assertThat(seenBy(patient)).doesNotContain(result.id());

    // WHEN two weeks pass on the server's clock
    server.control().advanceClock(Duration.ofDays(14));

    // THEN the patient is told an update is pending, without its content
    assertThat(server.control().outbox(n -> n.kind() == Notification.Kind.DOCUMENT_PENDING))
        .singleElement()
        .satisfies(n -> assertThat(n.subject()).doesNotContain("analyses"));

    // WHEN the doctor has announced it
    publisher.announced(result);

    // THEN the patient sees it
    assertThat(seenBy(patient)).contains(result.id());
  }
}
