package io.mes4j.dossier;

import java.util.List;

/**
 * The kinds of measurement the medical profile keeps (PRO-1), each with its LOINC code, the UCUM
 * units it takes and its plausible maximum (values must be above 0 and at most this).
 */
public enum MeasurementKind {
  /** Body weight, LOINC 29463-7, in {@code kg}. */
  WEIGHT(List.of("kg"), 700),
  /** Body height, LOINC 8302-2, in {@code cm}. */
  HEIGHT(List.of("cm"), 300),
  /**
   * Blood pressure, LOINC 85354-9, with a systolic (8480-6) and a diastolic (8462-4) component in
   * {@code mm[Hg]}.
   */
  BLOOD_PRESSURE(List.of("mm[Hg]"), 400),
  /**
   * Blood glucose: LOINC 2339-0 in {@code mg/dL}, or 15074-8 in {@code mmol/L} (LOINC gives mass
   * and molar concentrations different codes).
   */
  GLUCOSE(List.of("mg/dL", "mmol/L"), 2000);

  private final List<String> units;
  private final int max;

  MeasurementKind(List<String> units, int max) {
    this.units = units;
    this.max = max;
  }

  /** The UCUM units accepted, the first being the usual one. */
  public List<String> units() {
    return units;
  }

  /** The LOINC code of a measurement of this kind in {@code unit}. */
  public String loinc(String unit) {
    return switch (this) {
      case WEIGHT -> "29463-7";
      case HEIGHT -> "8302-2";
      case BLOOD_PRESSURE -> "85354-9";
      case GLUCOSE -> "mmol/L".equals(unit) ? "15074-8" : "2339-0";
    };
  }

  /** The largest plausible value in {@code unit}. */
  public double max(String unit) {
    return this == GLUCOSE && "mmol/L".equals(unit) ? 120 : max;
  }
}
