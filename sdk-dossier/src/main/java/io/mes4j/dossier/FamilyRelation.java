package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;

/** The relative a family history entry is about, with its HL7 v3 RoleCode. */
public enum FamilyRelation {
  /** The mother. */
  MOTHER("MTH"),
  /** The father. */
  FATHER("FTH"),
  /** A parent. */
  PARENT("PRN"),
  /** A sibling. */
  SIBLING("SIB"),
  /** A brother. */
  BROTHER("BRO"),
  /** A sister. */
  SISTER("SIS"),
  /** A child. */
  CHILD("CHILD"),
  /** A son. */
  SON("SON"),
  /** A daughter. */
  DAUGHTER("DAU"),
  /** A grandparent. */
  GRANDPARENT("GRPRN"),
  /** A grandmother. */
  GRANDMOTHER("GRMTH"),
  /** A grandfather. */
  GRANDFATHER("GRFTH"),
  /** An aunt. */
  AUNT("AUNT"),
  /** An uncle. */
  UNCLE("UNCLE"),
  /** A cousin. */
  COUSIN("COUSN");

  /** The code system of the codes. */
  public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

  private final String code;

  FamilyRelation(String code) {
    this.code = code;
  }

  /** The v3 RoleCode. */
  public String code() {
    return code;
  }

  /**
   * The relation of a v3 RoleCode.
   *
   * @throws InvalidValueException if the code is not one of these
   */
  public static FamilyRelation fromCode(String code) {
    for (FamilyRelation r : values()) {
      if (r.code.equals(code)) {
        return r;
      }
    }
    throw new InvalidValueException("unknown family relation code " + code);
  }
}
