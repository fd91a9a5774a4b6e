package io.mes4j.mockserver.internal.catalogue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.fhir.FhirConsents;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.store.ConsentRecord;
import io.mes4j.mockserver.internal.store.Pairings;
import java.util.Set;

/**
 * Writes a pairing as a FHIR {@code Consent} (CAT-2, CAT-3): category {@code pairing}, the service
 * as {@code provision.actor[0]} (role PRCP, its {@code urn:oid:} identifier), one nested permit
 * provision per consented finality, and the {@value #REAPPROVAL_EXTENSION} extension while the
 * holder must approve it again (ES-6). Other consents are written by {@link FhirConsents}.
 */
public final class PairingConsents {
  /** The extension that flags a pairing waiting for the holder's re-approval (ES-6). */
  public static final String REAPPROVAL_EXTENSION =
      "https://mes4j.io/fhir/StructureDefinition/reapproval-required";

  private PairingConsents() {}

  /** Any consent of a dossier, a pairing with its terms. */
  public static ObjectNode render(ServerState state, ConsentRecord consent, Ins patient) {
    if (consent.category() != ConsentCategory.PAIRING) {
      return FhirConsents.consent(consent, patient);
    }
    Pairings.Terms terms =
        state
            .pairings()
            .terms(consent.id())
            .orElseGet(
                () ->
                    new Pairings.Terms(
                        consent.id(),
                        String.valueOf(consent.professionalId()),
                        patient.value(),
                        Set.of(),
                        false));
    ObjectNode resource = FhirConsents.head(consent, patient, true);
    if (terms.reapprovalRequired() && consent.active()) {
      resource
          .putArray("extension")
          .addObject()
          .put("url", REAPPROVAL_EXTENSION)
          .put("valueBoolean", true);
    }
    ObjectNode provision = resource.putObject("provision");
    provision.put("type", "permit");
    ObjectNode actor = provision.putArray("actor").addObject();
    actor
        .putObject("role")
        .putArray("coding")
        .add(FhirWriter.coding(Systems.V3_PARTICIPATION_TYPE, "PRCP", null));
    actor.set("reference", FhirWriter.identifierReference(Systems.RFC3986, terms.serviceId()));
    if (!terms.finalities().isEmpty()) {
      ArrayNode nested = provision.putArray("provision");
      for (Finality finality : Finality.values()) {
        if (!terms.finalities().contains(finality)) {
          continue;
        }
        ObjectNode item = nested.addObject();
        item.put("type", "permit");
        item.putArray("code")
            .addObject()
            .putArray("coding")
            .add(FhirWriter.coding(Finality.SYSTEM, finality.code(), finality.display()));
      }
    }
    return resource;
  }
}
