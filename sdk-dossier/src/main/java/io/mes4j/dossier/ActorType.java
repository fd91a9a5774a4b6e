package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;

/** The kind of actor a trace records (AU-1). */
public enum ActorType {
  /** A health professional. */
  HEALTHCARE_PROFESSIONAL,
  /** An establishment acting as itself. */
  HEALTHCARE_FACILITY,
  /** The holder of the space. */
  PATIENT,
  /** A legal representative of a minor holder. */
  LEGAL_REPRESENTATIVE,
  /** A catalogue service acting for the holder. */
  SERVICE_TIERS,
  /** The platform itself (clock-driven jobs). */
  SYSTEM;

  /** The code on the wire. */
  public String code() {
    return name();
  }

  /** The actor type of a wire code; refuses an unknown one. */
  public static ActorType fromCode(String code) {
    for (ActorType t : values()) {
      if (t.name().equals(code)) {
        return t;
      }
    }
    throw new InvalidValueException("unknown actor type: " + code);
  }
}
