package io.mes4j.mockserver.internal.policy;

/**
 * The sections of the medical profile (PRO-1), each with the FHIR resource that holds it. The
 * advance directives are a document (type 75320-2), not a section.
 */
public enum ProfileSection {
  /** Medical and surgical history: {@code Condition}. */
  HISTORY,
  /** Allergies and intolerances: {@code AllergyIntolerance}. */
  ALLERGY,
  /** Current treatments: {@code MedicationStatement}. */
  TREATMENT,
  /** Vaccinations: {@code Immunization}. */
  VACCINATION,
  /** Measurements (weight, height, blood pressure, glucose): {@code Observation}. */
  MEASUREMENT,
  /** Family history: {@code FamilyMemberHistory}. */
  FAMILY_HISTORY,
  /** The organ donation wish: an {@code Observation} of the project's own code. */
  ORGAN_DONATION
}
