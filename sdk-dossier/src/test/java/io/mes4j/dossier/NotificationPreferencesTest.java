package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.code.DocumentType;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The holder's notification preferences (AU-3), set through the consent API. */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class NotificationPreferencesTest {
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static void deposit(MesClient doctor, String uniqueId) {
    Dossier.of(doctor)
        .documents()
        .deposit(
            DocumentDeposit.builder()
                .patient(Fixtures.ADULT)
                .type(DocumentType.LABORATORY_REPORT)
                .title("Bilan")
                .content("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "application/pdf")
                .uniqueId(uniqueId)
                .build());
  }

  private static List<Notification> toHolder(MockServer server, Notification.Kind kind) {
    return server.control().outbox().stream()
        .filter(n -> n.kind() == kind && n.toPatient())
        .toList();
  }

  @Test
  void documentNotices_followTheHoldersPreference(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      MockServer server) {
    AccessManagement access = Dossier.of(holder).access();
    // AU-3: on by default
    assertThat(access.notifications(Fixtures.ADULT, NotificationPreference.NOTIF_DOCUMENT))
        .isTrue();

    // WHEN the holder turns document notices off, a deposit sends none
    access.setNotifications(Fixtures.ADULT, NotificationPreference.NOTIF_DOCUMENT, false);
    deposit(doctor, "urn:oid:1.2.3.9.1");
    assertThat(access.notifications(Fixtures.ADULT, NotificationPreference.NOTIF_DOCUMENT))
        .isFalse();
    assertThat(toHolder(server, Notification.Kind.DOCUMENT_ADDED)).isEmpty();

    // AND turned back on, the next deposit is announced again
    access.setNotifications(Fixtures.ADULT, NotificationPreference.NOTIF_DOCUMENT, true);
    deposit(doctor, "urn:oid:1.2.3.9.2");
    assertThat(toHolder(server, Notification.Kind.DOCUMENT_ADDED)).hasSize(1);
  }

  @Test
  void emergencyAccessNotice_cannotBeSilenced(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      MockServer server) {
    // GIVEN a holder who turned every optional notice off
    AccessManagement access = Dossier.of(holder).access();
    for (NotificationPreference preference : NotificationPreference.values()) {
      access.setNotifications(Fixtures.ADULT, preference, false);
    }

    // WHEN a professional reads the dossier in bris de glace
    Dossier.of(stranger.withAccessMode(AccessMode.breakGlass("patient inconscient")))
        .documents()
        .search(DocumentSearch.forPatient(Fixtures.ADULT).build());

    // THEN the holder is told all the same (AU-3, DOC-7)
    assertThat(toHolder(server, Notification.Kind.EMERGENCY_ACCESS)).hasSize(1);
  }
}
