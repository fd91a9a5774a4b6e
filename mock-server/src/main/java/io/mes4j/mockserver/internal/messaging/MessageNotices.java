package io.mes4j.mockserver.internal.messaging;

import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.notify.Outbox;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;
import java.util.List;

/** The new-message notice (AU-3, MSG-4). Its subject never holds the message or its subject. */
final class MessageNotices {
  static final String SUBJECT = "Vous avez reçu un nouveau message dans votre messagerie de santé";

  private MessageNotices() {}

  /**
   * Tells the holder (for a minor, each legal representative: MSG-5) that a message arrived, unless
   * the holder's preferences silence it ({@code NOTIF_MESSAGE}).
   *
   * @param representatives the INS values of the representatives to tell, for a minor's dossier
   */
  static void newMessage(
      Outbox outbox,
      PatientRecord patient,
      boolean minor,
      List<String> representatives,
      Instant at) {
    if (patient.silencedNotifications().contains(Notification.Kind.NEW_MESSAGE)) {
      return;
    }
    if (!minor) {
      outbox.send(
          Outbox.patientAddress(patient.ins()),
          Notification.Kind.NEW_MESSAGE,
          patient.ins(),
          SUBJECT,
          at);
      return;
    }
    for (String representative : representatives) {
      outbox.send(
          representative + Outbox.PATIENT_DOMAIN,
          Notification.Kind.NEW_MESSAGE,
          patient.ins(),
          SUBJECT,
          at);
    }
  }
}
