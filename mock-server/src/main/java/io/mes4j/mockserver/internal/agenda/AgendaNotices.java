package io.mes4j.mockserver.internal.agenda;

import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.notify.Outbox;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;

/**
 * The agenda's notices to the holder (AU-3): an appointment added by someone else, and the reminder
 * before an appointment. Both are optional: the holder's preference ({@code NOTIF_APPOINTMENT},
 * {@link PatientRecord#silencedNotifications()}) silences them. Subjects name no one.
 */
final class AgendaNotices {
  private AgendaNotices() {}

  static void appointmentAdded(Outbox outbox, PatientRecord patient, Instant at) {
    Notices.toHolder(
        outbox,
        patient,
        Notification.Kind.APPOINTMENT_ADDED,
        "Un rendez-vous a été ajouté à votre agenda",
        at);
  }

  static void appointmentReminder(Outbox outbox, PatientRecord patient, Instant at) {
    Notices.toHolder(
        outbox,
        patient,
        Notification.Kind.APPOINTMENT_REMINDER,
        "Rappel : vous avez un rendez-vous prochainement",
        at);
  }
}
