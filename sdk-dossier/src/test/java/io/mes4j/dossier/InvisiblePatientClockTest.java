package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static io.mes4j.dossier.DocumentTestKit.labReport;
import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DOC-6's timers on the server clock, at both sides of each boundary. The server's definitions: the
 * notice is due 14 days (336 hours) after INVISIBLE_PATIENT was set; the lift one calendar month
 * later in UTC, the same day-of-month and time, or the month's last day when it has no such day
 * (set on 31 January, lifted on 28 February).
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class InvisiblePatientClockTest {
  private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
  private static final Duration ONE_MS = Duration.ofMillis(1);

  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static List<Notification.Kind> notices(MockServer server) {
    return server.control().outbox().stream().map(Notification::kind).toList();
  }

  private static List<String> holderSees(MesClient holder) {
    return ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build());
  }

  // DOC-6: the 2-week notice, day 13 against day 14
  @Test
  void pendingNotice_isNotSentOnDay13NorAMillisecondBeforeDay14_butIsOnDay14(
      MockServer server, @Identity(Fixtures.Ids.DOCTOR) MesClient author) {
    // GIVEN a document invisible to the holder, deposited now
    documents(author)
        .deposit(
            labReport(
                Fixtures.ADULT, "urn:oid:1.2.3.70.1", ConfidentialityLabel.INVISIBLE_PATIENT));

    // WHEN 13 days pass, then up to a millisecond before 14 days: no notice
    server.control().advanceClock(Duration.ofDays(13));
    assertThat(notices(server)).isEmpty();
    server.control().setClock(START.plus(Duration.ofDays(14)).minus(ONE_MS));
    assertThat(notices(server)).isEmpty();

    // THEN at 14 days exactly, one notice, without the document's content
    server.control().advanceClock(ONE_MS);
    assertThat(notices(server)).containsExactly(Notification.Kind.DOCUMENT_PENDING);
    assertThat(server.control().outbox().get(0).subject()).doesNotContain("Compte rendu");
  }

  // DOC-6: no notice if the author lifted the label before the 14 days
  @Test
  void pendingNotice_isNotSentIfTheAuthorLiftedTheLabelBefore(
      MockServer server, @Identity(Fixtures.Ids.DOCTOR) MesClient author) {
    DocumentEntry doc =
        documents(author)
            .deposit(
                labReport(
                    Fixtures.ADULT, "urn:oid:1.2.3.71.1", ConfidentialityLabel.INVISIBLE_PATIENT));
    server.control().advanceClock(Duration.ofDays(10));
    documents(author).liftInvisibleToPatient(doc.id());

    server.control().advanceClock(Duration.ofDays(40));

    assertThat(notices(server)).containsExactly(Notification.Kind.DOCUMENT_ADDED);
  }

  // DOC-6: the 1-month lift, a millisecond before and at the instant (28 Nov → 28 Dec)
  @Test
  void lift_happensOneCalendarMonthAfterItWasSet_notAMillisecondBefore(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc =
        documents(author)
            .deposit(
                labReport(
                    Fixtures.ADULT, "urn:oid:1.2.3.72.1", ConfidentialityLabel.INVISIBLE_PATIENT));

    // day 29 (27 Dec) and a millisecond before 28 Dec 09:00: still hidden
    server.control().setClock(START.plus(Duration.ofDays(29)));
    assertThat(holderSees(holder)).isEmpty();
    server.control().setClock(Instant.parse("2026-12-28T08:59:59.999Z"));
    assertThat(holderSees(holder)).isEmpty();

    // day 30 (28 Dec 09:00): lifted, the holder sees it and is told
    server.control().setClock(Instant.parse("2026-12-28T09:00:00Z"));
    assertThat(holderSees(holder)).containsExactly(doc.id());
    assertThat(documents(holder).get(doc.id()).labels()).isEmpty();
    assertThat(notices(server))
        .containsExactly(Notification.Kind.DOCUMENT_PENDING, Notification.Kind.DOCUMENT_ADDED);
    // AU-1: the lift is traced, by the platform itself
    assertThat(
            Dossier.of(holder)
                .history()
                .list(HistoryQuery.forPatient(Fixtures.ADULT).actorType(ActorType.SYSTEM).build())
                .items())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.action()).isEqualTo("DOCUMENT_INVISIBLE_PATIENT_LIFT");
              assertThat(t.documentId()).isEqualTo(doc.id());
            });
  }

  // DOC-6: set on 31 January, the month's end: lifted on 28 February at the same time
  @Test
  void lift_ofALabelSetOnTheLastDayOfJanuary_happensOnTheLastDayOfFebruary(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    server.control().setClock(Instant.parse("2027-01-31T10:00:00Z"));
    DocumentEntry doc =
        documents(author)
            .deposit(
                labReport(
                    Fixtures.ADULT, "urn:oid:1.2.3.73.1", ConfidentialityLabel.INVISIBLE_PATIENT));

    server.control().setClock(Instant.parse("2027-02-28T09:59:59.999Z"));
    assertThat(holderSees(holder)).isEmpty();
    server.control().setClock(Instant.parse("2027-02-28T10:00:00Z"));
    assertThat(holderSees(holder)).containsExactly(doc.id());
  }

  // DOC-6 (choice): set after deposit, the timers run from when the label was set
  @Test
  void timers_ofALabelSetAfterDeposit_runFromWhenItWasSet(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    DocumentEntry doc = documents(author).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.74.1"));
    server.control().advanceClock(Duration.ofDays(10));
    documents(author).setInvisibleToPatient(doc.id());
    int before = server.control().outbox().size();

    // 14 days after the deposit, 4 after the label: nothing
    server.control().advanceClock(Duration.ofDays(4));
    assertThat(server.control().outbox()).hasSize(before);
    // 14 days after the label: the notice
    server.control().advanceClock(Duration.ofDays(10));
    assertThat(server.control().outbox())
        .hasSize(before + 1)
        .last()
        .extracting(Notification::kind)
        .isEqualTo(Notification.Kind.DOCUMENT_PENDING);
    // a month after the label (set on 8 Dec): lifted on 8 Jan
    server.control().setClock(Instant.parse("2027-01-08T08:59:59.999Z"));
    assertThat(holderSees(holder)).isEmpty();
    server.control().setClock(Instant.parse("2027-01-08T09:00:00Z"));
    assertThat(holderSees(holder)).containsExactly(doc.id());
  }
}
