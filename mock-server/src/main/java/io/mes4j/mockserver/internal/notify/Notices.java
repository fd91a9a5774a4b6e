package io.mes4j.mockserver.internal.notify;

import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;

/** The notices the rules send (AU-3). Subjects never carry a document's content. */
public final class Notices {
  private Notices() {}

  /** AU-3, DOC-7: an emergency read, to the holder and the médecin traitant; never silenced. */
  public static void emergencyAccess(
      Outbox outbox, PatientRecord patient, Actor actor, Mode mode, Instant at) {
    String subject =
        "Accès en urgence à votre dossier (" + mode.kind().code() + ") par " + actor.displayName();
    outbox.send(
        Outbox.patientAddress(patient.ins()),
        Notification.Kind.EMERGENCY_ACCESS,
        patient.ins(),
        subject,
        at);
    String doctor = patient.medecinTraitant();
    if (doctor != null && !doctor.equals(actor.id())) {
      outbox.send(
          Outbox.professionalAddress(doctor),
          Notification.Kind.EMERGENCY_ACCESS,
          patient.ins(),
          "Accès en urgence au dossier d'un de vos patients (" + mode.kind().code() + ")",
          at);
    }
  }

  /** AU-3: a professional added a document. */
  public static void documentAdded(Outbox outbox, PatientRecord patient, Instant at) {
    toHolder(
        outbox,
        patient,
        Notification.Kind.DOCUMENT_ADDED,
        "Un nouveau document a été ajouté à votre dossier",
        at);
  }

  /** AU-3, DOC-3: a professional replaced a document by a new version. */
  public static void documentReplaced(Outbox outbox, PatientRecord patient, Instant at) {
    toHolder(
        outbox,
        patient,
        Notification.Kind.DOCUMENT_REPLACED,
        "Un document de votre dossier a été remplacé par une nouvelle version",
        at);
  }

  /** DOC-6: a document still invisible to the holder after two weeks. */
  public static void documentPending(Outbox outbox, PatientRecord patient, Instant at) {
    toHolder(
        outbox,
        patient,
        Notification.Kind.DOCUMENT_PENDING,
        "Une mise à jour de votre dossier est en attente",
        at);
  }

  /**
   * An optional notice to the holder (AU-3), not sent when the holder's preferences silenced its
   * kind ({@code NOTIF_DOCUMENT}, {@code NOTIF_MESSAGE}, {@code NOTIF_APPOINTMENT}).
   */
  public static void toHolder(
      Outbox outbox, PatientRecord patient, Notification.Kind kind, String subject, Instant at) {
    if (patient.silencedNotifications().contains(kind)) {
      return;
    }
    outbox.send(Outbox.patientAddress(patient.ins()), kind, patient.ins(), subject, at);
  }
}
