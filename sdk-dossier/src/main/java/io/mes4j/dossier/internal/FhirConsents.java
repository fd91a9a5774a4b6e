package io.mes4j.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.dossier.ActorType;
import io.mes4j.dossier.Authorisation;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code Consent} resources the SDK sends and reads the ones it receives
 * (docs/wire-contract.md, "Consents"). Jackson trees stay inside this package.
 */
public final class FhirConsents {
  /** The code system of consent categories. */
  public static final String CATEGORY_SYSTEM = "https://mes4j.io/fhir/CodeSystem/consent-category";

  /** Category codes. */
  public static final String AUTHORISATION = "authorisation";

  public static final String BLOCK = "block";
  public static final String MEDECIN_TRAITANT = "medecin-traitant";
  public static final String SAME_RIGHTS = "same-rights";
  public static final String DEPOSIT_OPPOSITION = "deposit-opposition";
  public static final String DEFAULT_MASKING = "default-masking";

  private static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";
  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String PARTICIPATION =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FhirConsents() {}

  /**
   * What the SDK reads of a {@code Consent}.
   *
   * @param professional the idNat_PS of {@code provision.actor[0]}, or null for a setting
   */
  public record ConsentView(
      String id,
      String category,
      @Nullable String professional,
      boolean permit,
      boolean active,
      Instant date,
      String performerSystem,
      String performerValue) {}

  /**
   * A {@code Consent} to create: {@code category} about {@code professional} (null: none, for a
   * setting or a professional's own declaration), {@code permit} or deny.
   */
  public static ObjectNode consent(
      Ins patient, String category, @Nullable ProfessionalId professional, boolean permit) {
    ObjectNode consent = F.objectNode();
    consent.put("resourceType", "Consent");
    consent.put("status", "active");
    consent.set("scope", concept(SCOPE_SYSTEM, "patient-privacy"));
    consent.set("category", F.arrayNode().add(concept(CATEGORY_SYSTEM, category)));
    consent.set("patient", FhirDocuments.patientRef(patient));
    consent.set("policyRule", concept(ACT_CODE, permit ? "OPTIN" : "OPTOUT"));
    ObjectNode provision = consent.putObject("provision");
    provision.put("type", permit ? "permit" : "deny");
    if (professional != null) {
      ObjectNode actor = provision.putArray("actor").addObject();
      actor.set(
          "role", concept(PARTICIPATION, DEPOSIT_OPPOSITION.equals(category) ? "AUT" : "PRCP"));
      ObjectNode identifier = actor.putObject("reference").putObject("identifier");
      identifier.put("system", ProfessionalId.SYSTEM);
      identifier.put("value", professional.value());
    }
    return consent;
  }

  /** Reads one {@code Consent}. */
  public static ConsentView read(JsonNode consent) {
    try {
      String category = null;
      for (JsonNode concept : consent.path("category")) {
        for (JsonNode coding : concept.path("coding")) {
          if (CATEGORY_SYSTEM.equals(coding.path("system").asText())) {
            category = coding.path("code").asText();
          }
        }
      }
      if (category == null) {
        throw new MesClientException("the server sent a Consent without a mes4j category");
      }
      JsonNode actor = consent.path("provision").path("actor").path(0);
      String professional =
          actor.isMissingNode()
              ? null
              : actor.path("reference").path("identifier").path("value").asText(null);
      JsonNode performer = consent.path("performer").path(0).path("identifier");
      return new ConsentView(
          consent.path("id").asText(),
          category,
          professional,
          "permit".equals(consent.path("provision").path("type").asText()),
          "active".equals(consent.path("status").asText()),
          OffsetDateTime.parse(consent.path("dateTime").asText()).toInstant(),
          performer.path("system").asText(""),
          performer.path("value").asText(""));
    } catch (RuntimeException e) {
      if (e instanceof MesClientException m) {
        throw m;
      }
      throw new MesClientException("the server sent a Consent mes4j cannot read", e);
    }
  }

  /** Reads an authorisation; {@code patient} tells the holder from a representative. */
  public static Authorisation authorisation(ConsentView view, Ins patient) {
    String professional = view.professional();
    if (!AUTHORISATION.equals(view.category()) || professional == null) {
      throw new MesClientException("the server sent a Consent that is not an authorisation");
    }
    ActorType declaredBy;
    if (ProfessionalId.SYSTEM.equals(view.performerSystem())) {
      declaredBy = ActorType.HEALTHCARE_PROFESSIONAL;
    } else if (patient.value().equals(view.performerValue())) {
      declaredBy = ActorType.PATIENT;
    } else {
      declaredBy = ActorType.LEGAL_REPRESENTATIVE;
    }
    return new Authorisation(
        view.id(),
        ProfessionalId.of(professional),
        declaredBy,
        view.performerValue(),
        view.date(),
        view.active());
  }

  private static ObjectNode concept(String system, String code) {
    ObjectNode concept = F.objectNode();
    concept.putArray("coding").addObject().put("system", system).put("code", code);
    return concept;
  }
}
