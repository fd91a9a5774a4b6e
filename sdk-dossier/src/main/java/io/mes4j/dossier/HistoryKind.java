package io.mes4j.dossier;

/**
 * Medical or surgical history (PRO-1). On the wire, a {@code Condition} of category {@code
 * problem-list-item} with a second category in LOINC: {@code 11348-0} (history of past illness) or
 * {@code 47519-4} (history of procedures).
 */
public enum HistoryKind {
  /** An illness, current or past. */
  MEDICAL("11348-0"),
  /** A surgical operation. */
  SURGICAL("47519-4");

  private final String loinc;

  HistoryKind(String loinc) {
    this.loinc = loinc;
  }

  /** The LOINC code of the category. */
  public String loinc() {
    return loinc;
  }
}
