package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.time.Instant;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * A measurement of the medical profile (PRO-1), a FHIR {@code Observation} with its LOINC code and
 * a UCUM unit; the holder and professionals may add one (PRO-2). The value and the unit are checked
 * here, before anything is sent: the unit must be one of the kind's ({@link
 * MeasurementKind#units()}) and the value above 0 and at most the kind's plausible maximum.
 *
 * <pre>{@code
 * Measurement weight = Measurement.weight(72.5, instant);          // kg
 * Measurement pressure = Measurement.bloodPressure(125, 80, instant); // mm[Hg]
 * Measurement glucose = Measurement.builder(MeasurementKind.GLUCOSE)
 *     .value(5.4, "mmol/L")
 *     .at(instant)
 *     .build();
 * }</pre>
 */
public final class Measurement {
  private final MeasurementKind kind;
  private final String unit;
  private final double value;
  private final double diastolic;
  private final Instant at;

  private Measurement(
      MeasurementKind kind, String unit, double value, double diastolic, Instant at) {
    this.kind = kind;
    this.unit = unit;
    this.value = value;
    this.diastolic = diastolic;
    this.at = at;
  }

  /** A builder for a measurement of {@code kind}. */
  public static Builder builder(MeasurementKind kind) {
    return new Builder(kind);
  }

  /** A body weight in kg. */
  public static Measurement weight(double kg, Instant at) {
    return builder(MeasurementKind.WEIGHT).value(kg, "kg").at(at).build();
  }

  /** A body height in cm. */
  public static Measurement height(double cm, Instant at) {
    return builder(MeasurementKind.HEIGHT).value(cm, "cm").at(at).build();
  }

  /** A blood pressure in mm[Hg]. */
  public static Measurement bloodPressure(double systolic, double diastolic, Instant at) {
    return builder(MeasurementKind.BLOOD_PRESSURE).pressure(systolic, diastolic).at(at).build();
  }

  /** What was measured. */
  public MeasurementKind kind() {
    return kind;
  }

  /** The UCUM unit, e.g. {@code kg}, {@code mm[Hg]}, {@code mmol/L}. */
  public String unit() {
    return unit;
  }

  /** The value; empty for a blood pressure (see {@link #systolic()}). */
  public OptionalDouble value() {
    return kind == MeasurementKind.BLOOD_PRESSURE
        ? OptionalDouble.empty()
        : OptionalDouble.of(value);
  }

  /** The systolic pressure of a blood pressure; empty for the other kinds. */
  public OptionalDouble systolic() {
    return kind == MeasurementKind.BLOOD_PRESSURE
        ? OptionalDouble.of(value)
        : OptionalDouble.empty();
  }

  /** The diastolic pressure of a blood pressure; empty for the other kinds. */
  public OptionalDouble diastolic() {
    return kind == MeasurementKind.BLOOD_PRESSURE
        ? OptionalDouble.of(diastolic)
        : OptionalDouble.empty();
  }

  /** When it was measured. */
  public Instant at() {
    return at;
  }

  /** The LOINC code it is sent with. */
  public String loinc() {
    return kind.loinc(unit);
  }

  /** Only the kind and the time: the value is health data. */
  @Override
  public String toString() {
    return "Measurement[" + kind + ", " + at + "]";
  }

  /** Builds a {@link Measurement}. */
  public static final class Builder {
    private final MeasurementKind kind;
    private double value = Double.NaN;
    private @Nullable String unit;
    private double diastolic = Double.NaN;
    private @Nullable Instant at;

    private Builder(MeasurementKind kind) {
      if (kind == null) {
        throw new InvalidValueException("a measurement needs its kind");
      }
      this.kind = kind;
      if (kind == MeasurementKind.BLOOD_PRESSURE) {
        this.unit = "mm[Hg]";
      }
    }

    /** The value and its UCUM unit (not for a blood pressure: see {@link #pressure}). */
    public Builder value(double value, String unit) {
      this.value = value;
      this.unit = unit;
      return this;
    }

    /** The systolic and diastolic pressures of a blood pressure, in mm[Hg]. */
    public Builder pressure(double systolic, double diastolic) {
      this.value = systolic;
      this.diastolic = diastolic;
      return this;
    }

    /** When it was measured. */
    public Builder at(Instant at) {
      this.at = at;
      return this;
    }

    /**
     * @throws InvalidValueException if the unit is not one of the kind's, a value is missing, not
     *     above 0 or above the plausible maximum, the diastolic pressure is not below the systolic,
     *     or the time is missing
     */
    public Measurement build() {
      if (unit == null || !kind.units().contains(unit)) {
        throw new InvalidValueException(
            "unit " + unit + " is not accepted for " + kind + "; use one of " + kind.units());
      }
      double max = kind.max(unit);
      boolean pressure = kind == MeasurementKind.BLOOD_PRESSURE;
      check(value, max, pressure ? "the systolic pressure" : "the value");
      if (pressure) {
        check(diastolic, max, "the diastolic pressure");
        if (diastolic >= value) {
          throw new InvalidValueException(
              "the diastolic pressure must be lower than the systolic pressure");
        }
      } else if (!Double.isNaN(diastolic)) {
        throw new InvalidValueException("only a blood pressure has a diastolic value");
      }
      if (at == null) {
        throw new InvalidValueException("a measurement needs the time it was taken");
      }
      return new Measurement(kind, unit, value, diastolic, at);
    }

    private void check(double v, double max, String what) {
      if (Double.isNaN(v)) {
        throw new InvalidValueException(kind + ": " + what + " is required");
      }
      if (!(v > 0) || v > max || Double.isInfinite(v)) {
        throw new InvalidValueException(
            kind + ": " + what + " must be above 0 and at most " + (long) max + " " + unit);
      }
    }
  }
}
