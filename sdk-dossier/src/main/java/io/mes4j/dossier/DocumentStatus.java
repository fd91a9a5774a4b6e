package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;

/** The status of a document's version (FHIR {@code DocumentReference.status}). */
public enum DocumentStatus {
  /** The version in force: found by default searches. */
  CURRENT("current"),
  /** Replaced by a newer version (DOC-3): out of default searches. */
  SUPERSEDED("superseded"),
  /** Deleted by its author (DOC-5). */
  ENTERED_IN_ERROR("entered-in-error");

  private final String code;

  DocumentStatus(String code) {
    this.code = code;
  }

  /** The FHIR code. */
  public String code() {
    return code;
  }

  /** The status of a FHIR code; refuses an unknown one. */
  public static DocumentStatus fromCode(String code) {
    for (DocumentStatus s : values()) {
      if (s.code.equals(code)) {
        return s;
      }
    }
    throw new InvalidValueException("unknown document status: " + code);
  }
}
