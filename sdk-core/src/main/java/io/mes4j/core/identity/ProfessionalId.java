package io.mes4j.core.identity;

import io.mes4j.core.error.InvalidValueException;
import org.jspecify.annotations.Nullable;

/**
 * A health professional's national identifier, {@code idNat_PS} (rule ID-2).
 *
 * <p>Only the RPPS form is accepted: {@code 8} followed by the 11-digit RPPS number, whose last
 * digit is a Luhn check digit computed over the 11 RPPS digits (the {@code 8} prefix is not part of
 * it). Other prefixes exist in the national scheme ({@code 0} + ADELI, {@code 3} + FINESS-based
 * numbers for staff without RPPS…), but Mon espace santé identifies professionals by RPPS and this
 * SDK refuses the others with a clear message.
 *
 * <p>FHIR identifier system {@value #SYSTEM}. A professional id is not patient data: {@link
 * #toString()} shows it.
 *
 * <pre>{@code
 * ProfessionalId doctor = ProfessionalId.of("810000000017");
 * ProfessionalId same = ProfessionalId.ofRpps("10000000017");
 * }</pre>
 */
public final class ProfessionalId {
  /** The FHIR identifier system of {@code idNat_PS}. */
  public static final String SYSTEM = "urn:oid:1.2.250.1.71.4.2.1";

  private static final char RPPS_PREFIX = '8';
  private static final int RPPS_LENGTH = 11;

  private final String rpps;

  private ProfessionalId(String rpps) {
    this.rpps = rpps;
  }

  /**
   * Returns the professional whose {@code idNat_PS} is {@code idNatPs}.
   *
   * @param idNatPs {@code 8} followed by an 11-digit RPPS number
   * @return the validated identifier
   * @throws InvalidValueException if the prefix is not {@code 8}, the RPPS part is not 11 digits,
   *     or its Luhn check digit is wrong
   */
  public static ProfessionalId of(String idNatPs) {
    if (idNatPs == null || idNatPs.isEmpty()) {
      throw new InvalidValueException("idNat_PS is missing");
    }
    if (idNatPs.charAt(0) != RPPS_PREFIX) {
      throw new InvalidValueException(
          "idNat_PS must start with 8 (RPPS); other prefixes (0 = ADELI, 3 = FINESS-based…) are"
              + " not supported, got prefix '"
              + idNatPs.charAt(0)
              + "'");
    }
    if (idNatPs.length() != 1 + RPPS_LENGTH) {
      throw new InvalidValueException(
          "idNat_PS must be 12 characters (8 + 11-digit RPPS), got " + idNatPs.length());
    }
    return ofRpps(idNatPs.substring(1));
  }

  /**
   * Returns the professional whose RPPS number is {@code rpps}.
   *
   * @param rpps the 11-digit RPPS number, the last digit being its Luhn check digit
   * @return the validated identifier
   * @throws InvalidValueException if {@code rpps} is not 11 digits or its check digit is wrong
   */
  public static ProfessionalId ofRpps(String rpps) {
    @Nullable String problem = rppsProblem(rpps);
    if (problem != null) {
      throw new InvalidValueException(problem);
    }
    return new ProfessionalId(rpps);
  }

  private static @Nullable String rppsProblem(@Nullable String rpps) {
    if (rpps == null) {
      return "RPPS number is missing";
    }
    if (rpps.length() != RPPS_LENGTH) {
      return "RPPS number must be " + RPPS_LENGTH + " digits, got " + rpps.length();
    }
    for (int i = 0; i < rpps.length(); i++) {
      char c = rpps.charAt(i);
      if (c < '0' || c > '9') {
        return "RPPS number has a non-digit character at position " + (i + 1);
      }
    }
    if (!Luhn.isValid(rpps)) {
      return "RPPS number " + rpps + " has a wrong check digit (Luhn)";
    }
    return null;
  }

  /**
   * Returns the national identifier, as it travels in FHIR identifiers and token subjects.
   *
   * @return {@code 8} followed by the RPPS number
   */
  public String value() {
    return RPPS_PREFIX + rpps;
  }

  /**
   * Returns the RPPS number.
   *
   * @return the 11-digit RPPS number
   */
  public String rpps() {
    return rpps;
  }

  /**
   * Two professional ids are equal when their RPPS numbers are.
   *
   * @param other the object to compare with
   * @return whether {@code other} identifies the same professional
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ProfessionalId id && id.rpps.equals(rpps);
  }

  /**
   * Returns a hash of the RPPS number.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return rpps.hashCode();
  }

  /**
   * Returns the {@code idNat_PS}, which is not patient data.
   *
   * @return {@code ProfessionalId[810000000017]} and the like
   */
  @Override
  public String toString() {
    return "ProfessionalId[" + value() + "]";
  }
}
