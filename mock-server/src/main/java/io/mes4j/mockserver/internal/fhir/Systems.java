package io.mes4j.mockserver.internal.fhir;

/** Code and identifier systems of the wire contract. */
public final class Systems {
  public static final String RFC3986 = "urn:ietf:rfc:3986";
  public static final String LOINC = "http://loinc.org";
  public static final String DOCUMENT_GROUP = "https://mes4j.io/fhir/CodeSystem/document-group";
  public static final String ACTOR_TYPE = "https://mes4j.io/fhir/CodeSystem/actor-type";
  public static final String ACCESS_MODE = "https://mes4j.io/fhir/CodeSystem/access-mode";
  public static final String AUDIT_ACTION = "https://mes4j.io/fhir/CodeSystem/audit-action";
  public static final String IS_ARCHIVED =
      "http://esante.gouv.fr/cisis/fhir/StructureDefinition/PDSm_isArchived";
  public static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";
  public static final String AUDIT_ENTITY_TYPE =
      "http://terminology.hl7.org/CodeSystem/audit-entity-type";
  public static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
  public static final String CONSENT_CATEGORY = "https://mes4j.io/fhir/CodeSystem/consent-category";
  public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
  public static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  public static final String V3_PARTICIPATION_TYPE =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  private Systems() {}
}
