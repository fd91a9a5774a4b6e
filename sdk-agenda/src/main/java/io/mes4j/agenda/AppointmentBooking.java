package io.mes4j.agenda;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An appointment to book (AG-1): the patient, when, and with a professional, an establishment or
 * both. Checked in {@link Builder#build()}; nothing is sent if it is wrong.
 *
 * <pre>{@code
 * AppointmentBooking booking = AppointmentBooking.builder(ins)
 *     .start(Instant.parse("2026-12-03T09:00:00Z"))
 *     .end(Instant.parse("2026-12-03T09:30:00Z"))
 *     .professional(ProfessionalId.of("810000000017"))
 *     .description("Consultation de suivi")
 *     .build();
 * }</pre>
 */
public final class AppointmentBooking {
  /** The longest description. */
  public static final int MAX_DESCRIPTION = 500;

  private final Ins patient;
  private final Instant start;
  private final Instant end;
  private final @Nullable ProfessionalId professional;
  private final @Nullable Finess establishment;
  private final @Nullable String description;

  private AppointmentBooking(Builder b, Instant start, Instant end) {
    this.patient = b.patient;
    this.start = start;
    this.end = end;
    this.professional = b.professional;
    this.establishment = b.establishment;
    this.description = b.description;
  }

  /** A booking for {@code patient}. */
  public static Builder builder(Ins patient) {
    return new Builder(patient);
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

  @Override
  public String toString() {
    return "AppointmentBooking[" + start + " to " + end + "]";
  }

  /** Builds an {@link AppointmentBooking}. */
  public static final class Builder {
    private final Ins patient;
    private @Nullable Instant start;
    private @Nullable Instant end;
    private @Nullable ProfessionalId professional;
    private @Nullable Finess establishment;
    private @Nullable String description;

    private Builder(Ins patient) {
      this.patient = Objects.requireNonNull(patient, "patient");
    }

    /** When it starts (required). */
    public Builder start(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /** When it ends (required, after the start). */
    public Builder end(Instant end) {
      this.end = Objects.requireNonNull(end, "end");
      return this;
    }

    /** The professional seen. */
    public Builder professional(ProfessionalId professional) {
      this.professional = Objects.requireNonNull(professional, "professional");
      return this;
    }

    /** The establishment where it takes place. */
    public Builder establishment(Finess establishment) {
      this.establishment = Objects.requireNonNull(establishment, "establishment");
      return this;
    }

    /** What it is about (at most {@value #MAX_DESCRIPTION} characters). */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /**
     * The booking.
     *
     * @throws InvalidValueException if the start or end is missing, the end is not after the start,
     *     neither a professional nor an establishment is given, or the description is blank or too
     *     long
     */
    public AppointmentBooking build() {
      if (start == null || end == null) {
        throw new InvalidValueException("an appointment needs a start and an end");
      }
      if (!end.isAfter(start)) {
        throw new InvalidValueException("an appointment's end must be after its start");
      }
      if (professional == null && establishment == null) {
        throw new InvalidValueException(
            "an appointment is with a professional, an establishment or both");
      }
      if (description != null
          && (description.isBlank() || description.length() > MAX_DESCRIPTION)) {
        throw new InvalidValueException(
            "a description is 1 to " + MAX_DESCRIPTION + " characters, not blank");
      }
      return new AppointmentBooking(this, start, end);
    }
  }
}
