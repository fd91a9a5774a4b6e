package io.mes4j.core.code;

import io.mes4j.core.error.InvalidValueException;

/**
 * The broad group a {@link DocumentType} belongs to, in the project's own code system {@value
 * #SYSTEM} (the {@code category} of a {@code DocumentReference}). The code is the constant's name.
 */
public enum DocumentGroup {
  /** Clinical reports: consultations, hospital stays, operations, emergencies, certificates. */
  CLINICAL,
  /** Laboratory results and pathology. */
  LABORATORY,
  /** Imaging reports and requests. */
  IMAGING,
  /** Pregnancy and delivery. */
  OBSTETRICS,
  /** Summaries of a care episode or of the whole record. */
  SUMMARY,
  /** Prescriptions and dispensing. */
  PRESCRIPTION,
  /** Vaccination notes, histories and certificates. */
  VACCINATION,
  /** Personalised care plans. */
  CARE_PLAN,
  /** Genetics reports. */
  GENETICS,
  /** Psychiatric summaries. */
  PSYCHIATRY,
  /** Advance directives (directives anticipées). */
  ADVANCE_DIRECTIVE;

  /** The code system of document groups. */
  public static final String SYSTEM = "https://mes4j.io/fhir/CodeSystem/document-group";

  /**
   * Returns the code of this group in {@value #SYSTEM}.
   *
   * @return the constant's name, such as {@code LABORATORY}
   */
  public String code() {
    return name();
  }

  /**
   * Returns the group whose code is {@code code}.
   *
   * @param code a code of {@value #SYSTEM}, such as {@code LABORATORY}
   * @return the group
   * @throws InvalidValueException if no group has this code
   */
  public static DocumentGroup fromCode(String code) {
    for (DocumentGroup group : values()) {
      if (group.name().equals(code)) {
        return group;
      }
    }
    throw new InvalidValueException("unknown document group code " + code);
  }
}
