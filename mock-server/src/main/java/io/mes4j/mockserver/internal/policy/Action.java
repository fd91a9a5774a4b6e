package io.mes4j.mockserver.internal.policy;

/** What an actor asks to do, with the AU-1 trace code and FHIR AuditEvent action letter. */
public enum Action {
  DEPOSIT_DOCUMENT("DOCUMENT_DEPOSIT", "C"),
  SEARCH_DOCUMENTS("DOCUMENT_SEARCH", "E"),
  READ_DOCUMENT("DOCUMENT_READ", "R"),
  READ_TRACES("TRACE_READ", "R");

  private final String auditCode;
  private final String fhirAction;

  Action(String auditCode, String fhirAction) {
    this.auditCode = auditCode;
    this.fhirAction = fhirAction;
  }

  public String auditCode() {
    return auditCode;
  }

  public String fhirAction() {
    return fhirAction;
  }
}
