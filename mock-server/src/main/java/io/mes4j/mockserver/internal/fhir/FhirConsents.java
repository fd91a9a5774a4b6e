package io.mes4j.mockserver.internal.fhir;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.store.ConsentRecord;

/** Writes {@code Consent} resources (CON-1 to CON-5, DOC-1) as the wire contract shows them. */
public final class FhirConsents {
  private FhirConsents() {}

  public static ObjectNode consent(ConsentRecord consent, Ins patient) {
    ObjectNode resource = head(consent, patient, consent.permit());
    ObjectNode provision = resource.putObject("provision");
    provision.put("type", consent.permit() ? "permit" : "deny");
    String professional = consent.professionalId();
    if (professional != null) {
      ObjectNode actor = provision.putArray("actor").addObject();
      // The professional receives the dossier (PRCP), or authors deposits for an opposition.
      String role = consent.category() == ConsentCategory.DEPOSIT_OPPOSITION ? "AUT" : "PRCP";
      actor
          .putObject("role")
          .putArray("coding")
          .add(FhirWriter.coding(Systems.V3_PARTICIPATION_TYPE, role, null));
      actor.set("reference", FhirWriter.identifierReference(ProfessionalId.SYSTEM, professional));
    }
    return resource;
  }

  /**
   * What every {@code Consent} has, whatever its category: id, meta, status, scope, category,
   * patient, date, performer and policy rule ({@code OPTIN} for a permit); the caller adds the
   * provision.
   */
  public static ObjectNode head(ConsentRecord consent, Ins patient, boolean permit) {
    ObjectNode resource = Json.object();
    resource.put("resourceType", "Consent");
    resource.put("id", consent.id());
    ObjectNode meta = resource.putObject("meta");
    meta.put("versionId", Integer.toString(consent.version()));
    meta.put("lastUpdated", consent.lastUpdated().toString());
    resource.put("status", consent.active() ? "active" : "inactive");
    resource
        .putObject("scope")
        .putArray("coding")
        .add(FhirWriter.coding(Systems.CONSENT_SCOPE, "patient-privacy", null));
    resource
        .putArray("category")
        .addObject()
        .putArray("coding")
        .add(FhirWriter.coding(ConsentCategory.SYSTEM, consent.category().code(), null));
    resource.set(
        "patient", FhirWriter.identifierReference(patient.system().uri(), patient.value()));
    resource.put("dateTime", consent.recorded().toString());
    resource
        .putArray("performer")
        .add(FhirWriter.identifierReference(consent.performerSystem(), consent.performerId()));
    resource
        .putObject("policyRule")
        .putArray("coding")
        .add(FhirWriter.coding(Systems.V3_ACT_CODE, permit ? "OPTIN" : "OPTOUT", null));
    return resource;
  }
}
