package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A treatment of the medical profile (PRO-1), a FHIR {@code MedicationStatement}: {@code active}
 * while it has no end, {@code completed} once it has one.
 *
 * <pre>{@code
 * Treatment t = Treatment.builder()
 *     .medication("Lévothyrox 50 µg")
 *     .dosage("1 comprimé le matin")
 *     .start(LocalDate.of(2024, 1, 10))
 *     .build();
 * }</pre>
 */
public final class Treatment {
  private final String medication;
  private final @Nullable ClinicalCode code;
  private final @Nullable String dosage;
  private final @Nullable LocalDate start;
  private final @Nullable LocalDate end;

  private Treatment(Builder b, String medication) {
    this.medication = medication;
    this.code = b.code;
    this.dosage = b.dosage;
    this.start = b.start;
    this.end = b.end;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The medicine, in words. */
  public String medication() {
    return medication;
  }

  /** The medicine's code (CIS, ATC…), if given. */
  public Optional<ClinicalCode> code() {
    return Optional.ofNullable(code);
  }

  /** How it is taken, in words, if given. */
  public Optional<String> dosage() {
    return Optional.ofNullable(dosage);
  }

  /** When it started, if given. */
  public Optional<LocalDate> start() {
    return Optional.ofNullable(start);
  }

  /** When it ended, if it did. */
  public Optional<LocalDate> end() {
    return Optional.ofNullable(end);
  }

  /** Whether it is current (no end). */
  public boolean current() {
    return end == null;
  }

  /** Nothing of the medicine: it is health data. */
  @Override
  public String toString() {
    return "Treatment[" + (current() ? "current" : "ended") + "]";
  }

  /** Builds a {@link Treatment}; the medication is required. */
  public static final class Builder {
    private @Nullable String medication;
    private @Nullable ClinicalCode code;
    private @Nullable String dosage;
    private @Nullable LocalDate start;
    private @Nullable LocalDate end;

    private Builder() {}

    /** The medicine, in words (1 to 500 characters). */
    public Builder medication(String medication) {
      this.medication = medication;
      return this;
    }

    /** The medicine's code, optional. */
    public Builder code(@Nullable ClinicalCode code) {
      this.code = code;
      return this;
    }

    /** How it is taken, optional. */
    public Builder dosage(@Nullable String dosage) {
      this.dosage = dosage;
      return this;
    }

    /** When it started, optional. */
    public Builder start(@Nullable LocalDate start) {
      this.start = start;
      return this;
    }

    /** When it ended, optional; not before the start. */
    public Builder end(@Nullable LocalDate end) {
      this.end = end;
      return this;
    }

    /**
     * @throws InvalidValueException if the medication is missing or the end precedes the start
     */
    public Treatment build() {
      String m = ProfileTexts.check(medication, "the medication");
      ProfileTexts.optional(dosage, "the dosage");
      if (start != null && end != null && end.isBefore(start)) {
        throw new InvalidValueException("a treatment cannot end before it starts");
      }
      return new Treatment(this, m);
    }
  }
}
