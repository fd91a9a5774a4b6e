package io.mes4j.mockserver.internal.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /fhir/metadata}: a CapabilityStatement listing exactly what is implemented; and the
 * fallback for the rest of {@code /fhir}: a FHIR R4 resource type the server does not serve is a
 * {@code 501} (honest parity), anything else a {@code 404}.
 */
public final class MetadataEndpoint {
  private static final Set<String> R4_RESOURCE_TYPES =
      Set.of(
          "Account",
          "ActivityDefinition",
          "AdverseEvent",
          "AllergyIntolerance",
          "Appointment",
          "AppointmentResponse",
          "AuditEvent",
          "Basic",
          "Binary",
          "BiologicallyDerivedProduct",
          "BodyStructure",
          "Bundle",
          "CapabilityStatement",
          "CarePlan",
          "CareTeam",
          "CatalogEntry",
          "ChargeItem",
          "ChargeItemDefinition",
          "Claim",
          "ClaimResponse",
          "ClinicalImpression",
          "CodeSystem",
          "Communication",
          "CommunicationRequest",
          "CompartmentDefinition",
          "Composition",
          "ConceptMap",
          "Condition",
          "Consent",
          "Contract",
          "Coverage",
          "CoverageEligibilityRequest",
          "CoverageEligibilityResponse",
          "DetectedIssue",
          "Device",
          "DeviceDefinition",
          "DeviceMetric",
          "DeviceRequest",
          "DeviceUseStatement",
          "DiagnosticReport",
          "DocumentManifest",
          "DocumentReference",
          "EffectEvidenceSynthesis",
          "Encounter",
          "Endpoint",
          "EnrollmentRequest",
          "EnrollmentResponse",
          "EpisodeOfCare",
          "EventDefinition",
          "Evidence",
          "EvidenceVariable",
          "ExampleScenario",
          "ExplanationOfBenefit",
          "FamilyMemberHistory",
          "Flag",
          "Goal",
          "GraphDefinition",
          "Group",
          "GuidanceResponse",
          "HealthcareService",
          "ImagingStudy",
          "Immunization",
          "ImmunizationEvaluation",
          "ImmunizationRecommendation",
          "ImplementationGuide",
          "InsurancePlan",
          "Invoice",
          "Library",
          "Linkage",
          "List",
          "Location",
          "Measure",
          "MeasureReport",
          "Media",
          "Medication",
          "MedicationAdministration",
          "MedicationDispense",
          "MedicationKnowledge",
          "MedicationRequest",
          "MedicationStatement",
          "MedicinalProduct",
          "MedicinalProductAuthorization",
          "MedicinalProductContraindication",
          "MedicinalProductIndication",
          "MedicinalProductIngredient",
          "MedicinalProductInteraction",
          "MedicinalProductManufactured",
          "MedicinalProductPackaged",
          "MedicinalProductPharmaceutical",
          "MedicinalProductUndesirableEffect",
          "MessageDefinition",
          "MessageHeader",
          "MolecularSequence",
          "NamingSystem",
          "NutritionOrder",
          "Observation",
          "ObservationDefinition",
          "OperationDefinition",
          "OperationOutcome",
          "Organization",
          "OrganizationAffiliation",
          "Parameters",
          "Patient",
          "PaymentNotice",
          "PaymentReconciliation",
          "Person",
          "PlanDefinition",
          "Practitioner",
          "PractitionerRole",
          "Procedure",
          "Provenance",
          "Questionnaire",
          "QuestionnaireResponse",
          "RelatedPerson",
          "RequestGroup",
          "ResearchDefinition",
          "ResearchElementDefinition",
          "ResearchStudy",
          "ResearchSubject",
          "RiskAssessment",
          "RiskEvidenceSynthesis",
          "Schedule",
          "SearchParameter",
          "ServiceRequest",
          "Slot",
          "SpecimenDefinition",
          "Specimen",
          "StructureDefinition",
          "StructureMap",
          "Subscription",
          "Substance",
          "SubstanceNucleicAcid",
          "SubstancePolymer",
          "SubstanceProtein",
          "SubstanceReferenceInformation",
          "SubstanceSourceMaterial",
          "SubstanceSpecification",
          "SupplyDelivery",
          "SupplyRequest",
          "Task",
          "TerminologyCapabilities",
          "TestReport",
          "TestScript",
          "ValueSet",
          "VerificationResult",
          "VisionPrescription");

  private final Engine engine;

  public MetadataEndpoint(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("GET", "/fhir/metadata", this::metadata);
    router.fallback("/fhir", this::fallback);
  }

  private Response fallback(Request request) {
    String rest = request.path().substring("/fhir".length());
    String type = rest.startsWith("/") ? rest.substring(1) : rest;
    int slash = type.indexOf('/');
    if (slash >= 0) {
      type = type.substring(0, slash);
    }
    // System-level interactions (_history, _search) and operations ($export) are honestly 501.
    if (R4_RESOURCE_TYPES.contains(type) || type.startsWith("$") || type.startsWith("_")) {
      return Engine.notImplemented(request);
    }
    throw new HttpError(Cause.NOT_FOUND, "Unknown resource type");
  }

  private Response metadata(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json");
    }
    ObjectNode cs = Json.object();
    cs.put("resourceType", "CapabilityStatement");
    cs.put("status", "active");
    cs.put("date", engine.clock().now().toString());
    cs.put("publisher", "mes4j");
    cs.put("kind", "instance");
    ObjectNode software = cs.putObject("software");
    software.put("name", "mes4j reference server");
    String version = MetadataEndpoint.class.getPackage().getImplementationVersion();
    software.put("version", version == null ? "dev" : version);
    ObjectNode implementation = cs.putObject("implementation");
    implementation.put(
        "description",
        "mes4j reference server: an in-memory server reproducing Mon espace santé's rules. What is"
            + " not listed here answers 501.");
    implementation.put("url", engine.fhirBase());
    cs.put("fhirVersion", "4.0.1");
    cs.putArray("format").add("application/fhir+json").add("json");
    ObjectNode rest = cs.putArray("rest").addObject();
    rest.put("mode", "server");
    ObjectNode security = rest.putObject("security");
    security.put("cors", false);
    security
        .putArray("service")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/restful-security-service")
        .put("code", "OAuth");
    security.put(
        "description",
        "Bearer ES256 JWTs from "
            + engine.baseUrl()
            + "/oauth2/token (client credentials with"
            + " private_key_jwt); access mode in the mes_access_mode claim");
    ArrayNode resources = rest.putArray("resource");

    ObjectNode dr =
        resource(
            resources, "DocumentReference", "read", "search-type", "create", "patch", "delete");
    documentSearch(dr, "DocumentReference");
    searchParam(dr, "patient.identifier", "token", "the patient's INS: <system>|<INS> (required)");
    searchParam(dr, "status", "token", "current (default), superseded, entered-in-error");
    searchParam(dr, "type", "token", "LOINC document type");
    searchParam(dr, "category", "token", "document group");
    searchParam(dr, "date", "date", "ge/gt/le/lt/eq on the indexing date; repeatable");
    searchParam(dr, "author.identifier", "token", "the author's idNat_PS");
    searchParam(dr, "security-label", "token", "a visibility label");
    searchParam(dr, "isArchived", "token", "false (default), true, or true,false for both");
    searchParam(dr, "_archived", "token", "include: archived and not archived");
    searchParam(dr, "_count", "number", "page size, 1 to 100, default 20");

    resource(resources, "Binary", "read");

    ObjectNode ae = resource(resources, "AuditEvent", "search-type");
    documentSearch(ae, "AuditEvent");
    searchParam(ae, "patient.identifier", "token", "the patient's INS: <system>|<INS> (required)");
    searchParam(ae, "date", "date", "ge/gt/le/lt/eq on the recording instant; repeatable");
    searchParam(
        ae,
        "actor-type",
        "token",
        "AU-1 actor type(s), comma-separated: HEALTHCARE_PROFESSIONAL, PATIENT, SYSTEM…");
    searchParam(ae, "_count", "number", "page size, 1 to 100, default 20");

    ObjectNode consent = resource(resources, "Consent", "create", "read", "delete", "search-type");
    documentSearch(consent, "Consent");
    searchParam(
        consent, "patient.identifier", "token", "the patient's INS: <system>|<INS> (required)");
    searchParam(
        consent,
        "category",
        "token",
        "consent-category: authorisation, block, medecin-traitant, same-rights,"
            + " deposit-opposition, ETREAT, BTG, MASKED, default-masking, NOTIF_DOCUMENT,"
            + " NOTIF_MESSAGE, NOTIF_APPOINTMENT, pairing; comma-separated or repeated");
    searchParam(consent, "status", "token", "active, inactive, or both (default both)");
    searchParam(consent, "actor.identifier", "token", "the professional's idNat_PS");
    searchParam(consent, "_count", "number", "page size, 1 to 100, default 20");
    // CAT-3, ES-6: a pairing's operations.
    ArrayNode pairingOperations = consent.putArray("operation");
    for (String operation : List.of("withdraw-finality", "reapprove")) {
      pairingOperations
          .addObject()
          .put("name", operation)
          .put("definition", "https://mes4j.io/fhir/OperationDefinition/Consent-" + operation);
    }

    for (String type :
        List.of(
            "Condition",
            "AllergyIntolerance",
            "MedicationStatement",
            "Immunization",
            "Observation",
            "FamilyMemberHistory")) {
      ObjectNode item = resource(resources, type, "read", "search-type", "create", "delete");
      documentSearch(item, type);
      searchParam(
          item, "patient.identifier", "token", "the patient's INS: <system>|<INS> (required)");
      if ("Observation".equals(type)) {
        searchParam(item, "code", "token", "comma-separated system|code");
      }
      searchParam(item, "_count", "number", "page size, 1 to 100, default 100");
    }

    ObjectNode communication =
        resource(resources, "Communication", "read", "search-type", "create");
    documentSearch(communication, "Communication");
    searchParam(
        communication, "patient.identifier", "token", "the holder's INS; lists conversations");
    searchParam(communication, "conversation", "token", "a conversation's id; its messages");
    searchParam(communication, "status", "token", "in-progress or completed");
    searchParam(communication, "unread-first", "token", "true or false");
    searchParam(communication, "_count", "number", "page size, 1 to 100, default 20");
    ArrayNode operations = communication.putArray("operation");
    for (String operation : List.of("mark-read", "close", "file-attachment")) {
      operations
          .addObject()
          .put("name", operation)
          .put(
              "definition", "https://mes4j.io/fhir/OperationDefinition/Communication-" + operation);
    }

    ObjectNode patient = resource(resources, "Patient", "search-type");
    ((ObjectNode) patient.get("interaction").get(0))
        .put(
            "documentation",
            "POST /fhir/Patient/_search with identifier=<system>|<INS> in a form body (or GET"
                + " /fhir/Patient?identifier=…): a searchset of 0 or 1 Patient with the space's"
                + " extensions (PDSM4DMP TD0.2); not paged");
    searchParam(
        patient,
        "identifier",
        "token",
        "the INS: <system>|<INS> (required); the space's status as PDSM4DMP TD0.2 (ES-1, ES-4)");
    ArrayNode spaceOperations = patient.putArray("operation");
    for (String operation :
        List.of(
            "activate",
            "oppose",
            "close",
            "reopen",
            "delete",
            "attach-minor",
            "record-agreement",
            "invite-representative",
            "accept-invitation",
            "refuse-invitation",
            "invitations")) {
      spaceOperations
          .addObject()
          .put("name", operation)
          .put("definition", "https://mes4j.io/fhir/OperationDefinition/Patient-" + operation);
    }

    ObjectNode appointment =
        resource(resources, "Appointment", "create", "read", "update", "search-type");
    documentSearch(appointment, "Appointment");
    searchParam(appointment, "patient.identifier", "token", "the patient's INS (required)");
    searchParam(appointment, "date", "date", "ge/gt/le/lt on the start; repeatable");
    searchParam(appointment, "status", "token", "booked, cancelled, fulfilled, noshow");
    searchParam(appointment, "_count", "number", "page size, 1 to 100, default 20");

    ObjectNode task = resource(resources, "Task", "create", "update", "delete", "search-type");
    documentSearch(task, "Task");
    searchParam(task, "patient.identifier", "token", "the patient's INS (required)");
    searchParam(task, "code", "token", "agenda-task: reminder, vaccination, child-exam, screening");
    searchParam(task, "_count", "number", "page size, 1 to 100, default 20");

    rest.putArray("interaction")
        .addObject()
        .put("code", "transaction")
        .put("documentation", "ITI-65: a SubmissionSet List, a DocumentReference and a Binary");
    return Response.fhir(200, cs);
  }

  private static ObjectNode resource(ArrayNode resources, String type, String... interactions) {
    ObjectNode resource = resources.addObject();
    resource.put("type", type);
    ArrayNode list = resource.putArray("interaction");
    for (String interaction : interactions) {
      list.addObject().put("code", interaction);
    }
    return resource;
  }

  /** How to search: POST with a form body, links followed with GET as given. */
  private static void documentSearch(ObjectNode resource, String type) {
    for (var interaction : resource.get("interaction")) {
      if ("search-type".equals(interaction.path("code").asText())) {
        ((ObjectNode) interaction)
            .put(
                "documentation",
                "POST /fhir/"
                    + type
                    + "/_search with an application/x-www-form-urlencoded body (recommended: no"
                    + " INS in the URL), or GET /fhir/"
                    + type
                    + "?…; query-string and body parameters combine. The self and next links are"
                    + " opaque cursors (/fhir/"
                    + type
                    + "?_page=<id>), followed with GET by the caller who searched, for 15 minutes;"
                    + " an unknown, expired or another caller's cursor is 404 not-found.");
      }
    }
  }

  private static void searchParam(
      ObjectNode resource, String name, String type, String documentation) {
    ArrayNode params = (ArrayNode) resource.get("searchParam");
    if (params == null) {
      params = resource.putArray("searchParam");
    }
    params.addObject().put("name", name).put("type", type).put("documentation", documentation);
  }
}
