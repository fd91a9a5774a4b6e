package io.mes4j.mockserver.internal.notify;

import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;

/** The notices of the space's lifecycle (AU-3, ES-2 to ES-6); none of them may be silenced. */
public final class SpaceNotices {
  private SpaceNotices() {}

  /** To the holder (and, for a minor, to each representative) about their space. */
  public static void toHolder(
      Outbox outbox, PatientRecord patient, Notification.Kind kind, String subject, Instant at) {
    outbox.send(Outbox.patientAddress(patient.ins()), kind, patient.ins(), subject, at);
    for (String representative : patient.representatives()) {
      outbox.send(representative + "@patient.mssante.fr", kind, patient.ins(), subject, at);
    }
  }

  /** ES-6: to the person invited as a minor's second representative. */
  public static void invitation(Outbox outbox, PatientRecord minor, Ins invitee, Instant at) {
    outbox.send(
        Outbox.patientAddress(invitee),
        Notification.Kind.REPRESENTATIVE_INVITED,
        minor.ins(),
        "Vous êtes invité(e) à devenir représentant légal d'un enfant sur Mon espace santé",
        at);
  }
}
