package io.mes4j.mockserver.internal.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Code systems and codes of the medical profile (docs/wire-contract.md, "Medical profile"). */
final class ProfileCodes {
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";
  static final String OBSERVATION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/observation-category";
  static final String CONDITION_CATEGORY =
      "http://terminology.hl7.org/CodeSystem/condition-category";
  static final String CONDITION_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";
  static final String CONDITION_VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/condition-ver-status";
  static final String ALLERGY_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  static final String ALLERGY_VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
  static final String IMMUNIZATION_ORIGIN =
      "http://terminology.hl7.org/CodeSystem/immunization-origin";
  static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

  /** The project's code of the organ donation wish Observation. */
  static final String PROFILE_ITEM = "https://mes4j.io/fhir/CodeSystem/profile-item";

  static final String ORGAN_DONATION_CODE = "organ-donation-wish";

  /** The values of the organ donation wish. */
  static final String ORGAN_DONATION = "https://mes4j.io/fhir/CodeSystem/organ-donation-wish";

  static final Set<String> ORGAN_DONATION_VALUES = Set.of("WILLING", "REFUSING", "UNSPECIFIED");

  /** Who recorded an item: a reference by identifier, on every profile resource. */
  static final String RECORDED_BY = "https://mes4j.io/fhir/StructureDefinition/recorded-by";

  /** Medical history (LOINC "History of Past illness Narrative"). */
  static final String HISTORY_MEDICAL = "11348-0";

  /** Surgical history (LOINC "History of Procedures Document"). */
  static final String HISTORY_SURGICAL = "47519-4";

  /** Family relations accepted in FamilyMemberHistory.relationship (v3 RoleCode). */
  static final Set<String> RELATIONS =
      Set.of(
          "MTH", "FTH", "PRN", "SIB", "BRO", "SIS", "CHILD", "SON", "DAU", "GRPRN", "GRMTH",
          "GRFTH", "AUNT", "UNCLE", "COUSN");

  static final String BLOOD_PRESSURE = "85354-9";
  static final String SYSTOLIC = "8480-6";
  static final String DIASTOLIC = "8462-4";

  /**
   * A measurement the profile accepts: its LOINC code, display, Observation category, the one UCUM
   * unit it takes and the plausible range (exclusive of 0, inclusive of the maximum).
   */
  record Measure(
      String loinc, String display, String category, String unit, String unitDisplay, int max) {
    boolean inRange(BigDecimal value) {
      return value.signum() > 0 && value.compareTo(BigDecimal.valueOf(max)) <= 0;
    }
  }

  static final List<Measure> MEASURES =
      List.of(
          new Measure("29463-7", "Body weight", "vital-signs", "kg", "kg", 700),
          new Measure("8302-2", "Body height", "vital-signs", "cm", "cm", 300),
          new Measure(
              BLOOD_PRESSURE,
              "Blood pressure panel with all children optional",
              "vital-signs",
              "mm[Hg]",
              "mmHg",
              400),
          new Measure(
              "2339-0", "Glucose [Mass/volume] in Blood", "laboratory", "mg/dL", "mg/dL", 2000),
          new Measure(
              "15074-8", "Glucose [Moles/volume] in Blood", "laboratory", "mmol/L", "mmol/L", 120));

  static @Nullable Measure measure(String loinc) {
    for (Measure m : MEASURES) {
      if (m.loinc().equals(loinc)) {
        return m;
      }
    }
    return null;
  }

  private ProfileCodes() {}
}
