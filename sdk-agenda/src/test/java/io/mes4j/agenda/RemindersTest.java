package io.mes4j.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Personal reminders through the SDK (AG-2): the holder's alone, traced (AU-1). */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class RemindersTest {
  private static final Instant DEC_10 = Instant.parse("2026-12-10T08:00:00Z");
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  @Test
  void holder_addsListsAndRemovesReminders(
      @Identity(Fixtures.Ids.ADULT) MesClient holder, MockServer server) {
    // AG-2
    // GIVEN two reminders, the later one first
    Reminders reminders = Agenda.of(holder).reminders();
    Reminder later =
        reminders.add(
            ReminderRequest.builder(Fixtures.ADULT)
                .title("Renouveler l'ordonnance")
                .at(DEC_10.plusSeconds(86_400))
                .note("Pharmacie du centre")
                .build());
    Reminder sooner =
        reminders.add(
            ReminderRequest.builder(Fixtures.ADULT).title("Prise de sang").at(DEC_10).build());

    // WHEN the holder lists them, removes one (twice) and lists again
    var before = reminders.list(Fixtures.ADULT);
    reminders.remove(later.id());
    reminders.remove(later.id());
    var after = reminders.list(Fixtures.ADULT);

    // THEN they come earliest first, with their fields; the removed one is gone; all is traced
    assertThat(before).extracting(Reminder::id).containsExactly(sooner.id(), later.id());
    assertThat(before.get(1).title()).isEqualTo("Renouveler l'ordonnance");
    assertThat(before.get(1).note()).contains("Pharmacie du centre");
    assertThat(before.get(0).note()).isEmpty();
    assertThat(after).extracting(Reminder::id).containsExactly(sooner.id());
    assertThat(
            RawHttp.traceCodes(
                server,
                server.control().token(Fixtures.ADULT),
                Fixtures.ADULT.system().uri(),
                Fixtures.Ids.ADULT))
        .contains("REMINDER_CREATE:0", "REMINDER_REMOVE:0", "REMINDER_SEARCH:0");
  }

  @Test
  void legalRepresentative_keepsTheMinorsReminders(
      @Identity(Fixtures.Ids.PARENT) MesClient parent) {
    // AG-2
    // WHEN the parent adds a reminder to the minor's agenda
    Reminder added =
        Agenda.of(parent)
            .reminders()
            .add(ReminderRequest.builder(Fixtures.MINOR).title("Vaccin ROR").at(DEC_10).build());

    // THEN it is in the minor's agenda
    assertThat(Agenda.of(parent).reminders().list(Fixtures.MINOR))
        .extracting(Reminder::id)
        .containsExactly(added.id());
  }

  @Test
  void professional_mayNotKeepTheHoldersReminders(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // AG-2
    // GIVEN a reminder of the holder's
    Reminder mine =
        Agenda.of(holder)
            .reminders()
            .add(ReminderRequest.builder(Fixtures.ADULT).title("Prise de sang").at(DEC_10).build());
    Reminders theirs = Agenda.of(doctor).reminders();

    // WHEN the médecin traitant adds, lists or removes one
    // THEN holder-only each time, and the reminder stays
    assertThatThrownBy(
            () -> theirs.add(ReminderRequest.builder(Fixtures.ADULT).title("x").at(DEC_10).build()))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(() -> theirs.list(Fixtures.ADULT)).isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(() -> theirs.remove(mine.id())).isInstanceOf(HolderOnlyException.class);
    assertThat(Agenda.of(holder).reminders().list(Fixtures.ADULT)).hasSize(1);
  }

  @Test
  void blankTitle_isRefusedClientSide() {
    // AG-2
    assertThatThrownBy(() -> ReminderRequest.builder(Fixtures.ADULT).title("  ").at(DEC_10).build())
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> ReminderRequest.builder(Fixtures.ADULT).title("x").build())
        .isInstanceOf(InvalidValueException.class);
  }
}
