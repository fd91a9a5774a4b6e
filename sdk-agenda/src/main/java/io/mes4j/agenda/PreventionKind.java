package io.mes4j.agenda;

/** What a prevention calendar item is (AG-3). */
public enum PreventionKind {
  /** A vaccination of the French vaccination schedule. */
  VACCINATION("vaccination"),
  /** One of the 20 compulsory examinations of a child (Code de la santé publique, R2132-1). */
  CHILD_EXAM("child-exam"),
  /** An organised cancer screening. */
  SCREENING("screening");

  private final String code;

  PreventionKind(String code) {
    this.code = code;
  }

  /** The code in the {@code https://mes4j.io/fhir/CodeSystem/agenda-task} system. */
  public String code() {
    return code;
  }
}
