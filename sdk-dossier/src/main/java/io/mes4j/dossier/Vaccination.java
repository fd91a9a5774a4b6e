package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A vaccination of the medical profile (PRO-1), a FHIR {@code Immunization}. The holder and
 * professionals may add one (PRO-2).
 *
 * <pre>{@code
 * Vaccination flu = Vaccination.builder()
 *     .vaccine("Grippe saisonnière")
 *     .date(LocalDate.of(2026, 10, 15))
 *     .lotNumber("AB1234")
 *     .build();
 * }</pre>
 */
public final class Vaccination {
  private final String vaccine;
  private final @Nullable ClinicalCode code;
  private final LocalDate date;
  private final @Nullable String lotNumber;

  private Vaccination(Builder b, String vaccine, LocalDate date) {
    this.vaccine = vaccine;
    this.code = b.code;
    this.date = date;
    this.lotNumber = b.lotNumber;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The vaccine, in words. */
  public String vaccine() {
    return vaccine;
  }

  /** The vaccine's code, if given. */
  public Optional<ClinicalCode> code() {
    return Optional.ofNullable(code);
  }

  /** When it was given. */
  public LocalDate date() {
    return date;
  }

  /** The lot number, if given. */
  public Optional<String> lotNumber() {
    return Optional.ofNullable(lotNumber);
  }

  /** Only the date. */
  @Override
  public String toString() {
    return "Vaccination[" + date + "]";
  }

  /** Builds a {@link Vaccination}; the vaccine and the date are required. */
  public static final class Builder {
    private @Nullable String vaccine;
    private @Nullable ClinicalCode code;
    private @Nullable LocalDate date;
    private @Nullable String lotNumber;

    private Builder() {}

    /** The vaccine, in words (1 to 500 characters). */
    public Builder vaccine(String vaccine) {
      this.vaccine = vaccine;
      return this;
    }

    /** The vaccine's code, optional. */
    public Builder code(@Nullable ClinicalCode code) {
      this.code = code;
      return this;
    }

    /** When it was given. */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /** The lot number, optional. */
    public Builder lotNumber(@Nullable String lotNumber) {
      this.lotNumber = lotNumber;
      return this;
    }

    /**
     * @throws InvalidValueException if the vaccine or the date is missing
     */
    public Vaccination build() {
      String v = ProfileTexts.check(vaccine, "the vaccine");
      if (date == null) {
        throw new InvalidValueException("a vaccination needs its date");
      }
      ProfileTexts.optional(lotNumber, "the lot number");
      return new Vaccination(this, v, date);
    }
  }
}
