package io.mes4j.mockserver.internal.profile;

/** The FHIR resource types of the medical profile, with the prefix of their ids. */
enum ProfileType {
  CONDITION("Condition", "cond-", "subject"),
  ALLERGY_INTOLERANCE("AllergyIntolerance", "alg-", "patient"),
  MEDICATION_STATEMENT("MedicationStatement", "med-", "subject"),
  IMMUNIZATION("Immunization", "imm-", "patient"),
  OBSERVATION("Observation", "obs-", "subject"),
  FAMILY_MEMBER_HISTORY("FamilyMemberHistory", "fmh-", "patient");

  private final String resourceType;
  private final String idPrefix;
  private final String patientField;

  ProfileType(String resourceType, String idPrefix, String patientField) {
    this.resourceType = resourceType;
    this.idPrefix = idPrefix;
    this.patientField = patientField;
  }

  String resourceType() {
    return resourceType;
  }

  String idPrefix() {
    return idPrefix;
  }

  /** The element holding the patient reference ({@code subject} or {@code patient}). */
  String patientField() {
    return patientField;
  }
}
