package io.mes4j.mockserver;

import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A notice the server sent (AU-3), as the outbox holds it.
 *
 * @param to the recipient's address: {@code <INS>@patient.mssante.fr} for a holder, {@code
 *     <idNat_PS>@pro.mssante.fr} for a professional
 * @param kind what the notice is about
 * @param patient the dossier it concerns, if any
 * @param subject the subject line (never the content of a document)
 * @param at when it was sent, on the server's clock
 * @param correlationId the correlation id of the request that caused it, or null (the clock's)
 */
public record Notification(
    String to,
    Kind kind,
    @Nullable Ins patient,
    String subject,
    Instant at,
    @Nullable String correlationId) {

  /** A notice caused by no request (the clock's), without a correlation id. */
  public Notification(String to, Kind kind, @Nullable Ins patient, String subject, Instant at) {
    this(to, kind, patient, subject, at, null);
  }

  /** What a notice is about. */
  public enum Kind {
    /** A professional read the dossier in an emergency mode (AU-3, DOC-7); never silenced. */
    EMERGENCY_ACCESS,
    /** A professional added a document (AU-3). */
    DOCUMENT_ADDED,
    /** A document is still invisible to the holder after two weeks (DOC-6). */
    DOCUMENT_PENDING,
    /** A professional replaced a document by a new version (AU-3, DOC-3). */
    DOCUMENT_REPLACED,
    /** A professional or an establishment sent the holder a message (AU-3, MSG-4). */
    NEW_MESSAGE,
    /** An appointment was added to the holder's agenda by someone else (AU-3, AG-1). */
    APPOINTMENT_ADDED,
    /** An appointment is coming (AU-3, AG-1), the configured delay before it. */
    APPOINTMENT_REMINDER,
    /** A space was created: the announcement that opens the 42-day opposition window (ES-2). */
    SPACE_ANNOUNCED,
    /** The holder opposed the space (ES-3). */
    SPACE_OPPOSED,
    /** The space was closed; its data are archived 10 years (AU-3, ES-5). */
    SPACE_CLOSED,
    /** A closed space was reopened; the archived data are back (ES-1). */
    SPACE_REOPENED,
    /** The space's data were purged for good (ES-5). */
    SPACE_DELETED,
    /** A person was invited as a minor's second legal representative (ES-6). */
    REPRESENTATIVE_INVITED,
    /** The holder turned 18: representatives no longer have access (ES-6). */
    MAJORITY_REACHED,
    /** A catalogue service was paired with the holder's space (CAT-2). */
    PAIRING_CREATED,
    /** A pairing, or one of its finalities, was withdrawn (CAT-3). */
    PAIRING_WITHDRAWN
  }

  /** Checks that the recipient, the kind and the subject are given. */
  public Notification {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
  }

  /** The dossier it concerns, if any. */
  public Optional<Ins> patientIns() {
    return Optional.ofNullable(patient);
  }

  /** Whether the notice went to the holder of a dossier (or their representative). */
  public boolean toPatient() {
    return to.endsWith("@patient.mssante.fr");
  }

  @Override
  public String toString() {
    return "Notification[to="
        + (toPatient() ? "<patient>" : to)
        + ", kind="
        + kind
        + ", patient="
        + (patient == null ? "none" : "<redacted>")
        + ", subject="
        + subject
        + ", at="
        + at
        + (correlationId == null ? "" : ", correlationId=" + correlationId)
        + "]";
  }
}
