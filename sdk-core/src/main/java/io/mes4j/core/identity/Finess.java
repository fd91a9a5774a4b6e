package io.mes4j.core.identity;

import io.mes4j.core.error.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's FINESS number (rule ID-3), and its national structure identifier {@code
 * idNat_Struct} = {@code 1} + FINESS.
 *
 * <p>A FINESS number is 9 characters: the department (2 characters, {@code 2A} or {@code 2B} in
 * Corsica), 6 digits, and a check digit. The check digit is a Luhn (mod 10) key over the 9
 * characters. Source: the ANS describes the number as 9 characters whose first two are the
 * department (industriels.esante.gouv.fr, "FINESS Directory"); the Luhn key was verified on
 * published real numbers (AP-HP 750712184, Pitié-Salpêtrière 750100125, AP-HM 130786049, Hospices
 * civils de Lyon 690781810, 600100101, 750041543), all Luhn-valid, as are the fixtures 750000010
 * and 130000029, while a random 9-digit number passes only one time in ten.
 *
 * <p>Corsican numbers ({@code 2A…}, {@code 2B…}): no public source says how the letter enters the
 * Luhn computation, so their check digit is not verified (the format is). This is a documented
 * choice, so as not to refuse real Corsican organisations.
 *
 * <p>A FINESS number is not patient data: {@link #toString()} shows it.
 */
public final class Finess {
  /** The FHIR identifier system of {@code idNat_Struct}. */
  public static final String STRUCT_SYSTEM = "urn:oid:1.2.250.1.71.4.2.2";

  private static final int LENGTH = 9;

  private final String value;

  private Finess(String value) {
    this.value = value;
  }

  /**
   * Returns the organisation whose FINESS number is {@code finess}.
   *
   * @param finess the 9-character FINESS number
   * @return the validated number
   * @throws InvalidValueException if it is not 9 characters, has a non-digit character outside a
   *     Corsican department, or its check digit is wrong
   */
  public static Finess of(String finess) {
    @Nullable String problem = problem(finess);
    if (problem != null) {
      throw new InvalidValueException(problem);
    }
    return new Finess(finess);
  }

  private static @Nullable String problem(@Nullable String finess) {
    if (finess == null) {
      return "FINESS number is missing";
    }
    if (finess.length() != LENGTH) {
      return "FINESS number must be " + LENGTH + " characters, got " + finess.length();
    }
    boolean corsica =
        finess.charAt(0) == '2' && (finess.charAt(1) == 'A' || finess.charAt(1) == 'B');
    for (int i = corsica ? 2 : 0; i < LENGTH; i++) {
      char c = finess.charAt(i);
      if (c < '0' || c > '9') {
        return "FINESS number has a non-digit character at position "
            + (i + 1)
            + (i < 2 ? " (the department may only be digits, 2A or 2B)" : "");
      }
    }
    if (!corsica && !Luhn.isValid(finess)) {
      return "FINESS number " + finess + " has a wrong check digit (Luhn)";
    }
    return null;
  }

  /**
   * Returns the FINESS number.
   *
   * @return the 9 characters
   */
  public String value() {
    return value;
  }

  /**
   * Returns the national structure identifier, as it travels in FHIR identifiers (system {@value
   * #STRUCT_SYSTEM}) and token subjects.
   *
   * @return {@code 1} followed by the FINESS number
   */
  public String idNatStruct() {
    return "1" + value;
  }

  /**
   * Two FINESS are equal when their numbers are.
   *
   * @param other the object to compare with
   * @return whether {@code other} is the same number
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Finess f && f.value.equals(value);
  }

  /**
   * Returns a hash of the number.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /**
   * Returns the number, which is not patient data.
   *
   * @return {@code Finess[750000010]} and the like
   */
  @Override
  public String toString() {
    return "Finess[" + value + "]";
  }
}
