package io.mes4j.agenda;

import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An appointment as the server holds it (AG-1): FHIR {@code Appointment} after the ANS
 * shared-agenda guide.
 */
public final class Appointment {
  private final String id;
  private final int version;
  private final Ins patient;
  private final Instant start;
  private final Instant end;
  private final AppointmentStatus status;
  private final @Nullable ProfessionalId professional;
  private final @Nullable Finess establishment;
  private final @Nullable String description;
  private final BookerKind bookedBy;
  private final Instant created;

  /** For the module's wire mapping; applications read appointments, they do not make them. */
  public Appointment(
      String id,
      int version,
      Ins patient,
      Instant start,
      Instant end,
      AppointmentStatus status,
      @Nullable ProfessionalId professional,
      @Nullable Finess establishment,
      @Nullable String description,
      BookerKind bookedBy,
      Instant created) {
    this.id = Objects.requireNonNull(id, "id");
    this.version = version;
    this.patient = Objects.requireNonNull(patient, "patient");
    this.start = Objects.requireNonNull(start, "start");
    this.end = Objects.requireNonNull(end, "end");
    this.status = Objects.requireNonNull(status, "status");
    this.professional = professional;
    this.establishment = establishment;
    this.description = description;
    this.bookedBy = Objects.requireNonNull(bookedBy, "bookedBy");
    this.created = Objects.requireNonNull(created, "created");
  }

  /** The server's id (opaque). */
  public String id() {
    return id;
  }

  /** The version, increased by each change of status. */
  public int version() {
    return version;
  }

  /** The patient. */
  public Ins patient() {
    return patient;
  }

  /** When it starts. */
  public Instant start() {
    return start;
  }

  /** When it ends (after its start). */
  public Instant end() {
    return end;
  }

  /** Where it stands: booked, cancelled, fulfilled or no-show. */
  public AppointmentStatus status() {
    return status;
  }

  /** The professional the patient sees, if given. */
  public Optional<ProfessionalId> professional() {
    return Optional.ofNullable(professional);
  }

  /** The establishment where it takes place, if given. */
  public Optional<Finess> establishment() {
    return Optional.ofNullable(establishment);
  }

  /** A free-text description, if given. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  /** Who booked it. */
  public BookerKind bookedBy() {
    return bookedBy;
  }

  /** When it was booked, on the server's clock. */
  public Instant created() {
    return created;
  }

  @Override
  public String toString() {
    return "Appointment[" + id + ", " + status + ", " + start + " to " + end + "]";
  }
}
