package io.mes4j.mockserver.internal.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.store.StoredDocument;
import io.mes4j.mockserver.internal.store.TraceRecord;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Writes the FHIR R4 resources the server emits, in exactly the shapes of the wire contract. */
public final class FhirWriter {
  private FhirWriter() {}

  public static ObjectNode operationOutcome(Cause cause, String message) {
    ObjectNode outcome = Json.object();
    outcome.put("resourceType", "OperationOutcome");
    ObjectNode issue = outcome.putArray("issue").addObject();
    issue.put("severity", cause.status() >= 500 ? "fatal" : "error");
    issue.put("code", cause.issueType());
    ObjectNode details = issue.putObject("details");
    details.putArray("coding").add(coding(Cause.SYSTEM, cause.code(), null));
    details.put("text", message);
    return outcome;
  }

  public static ObjectNode documentReference(StoredDocument doc, Ins patient) {
    ObjectNode dr = Json.object();
    dr.put("resourceType", "DocumentReference");
    dr.put("id", doc.id());
    ObjectNode meta = dr.putObject("meta");
    meta.put("versionId", Integer.toString(doc.version()));
    meta.put("lastUpdated", doc.lastUpdated().toString());
    ObjectNode archived = dr.putArray("extension").addObject();
    archived.put("url", Systems.IS_ARCHIVED);
    archived.put("valueBoolean", doc.archived());
    ObjectNode master = dr.putObject("masterIdentifier");
    master.put("system", Systems.RFC3986);
    master.put("value", doc.masterIdentifier());
    dr.put("status", doc.status());
    DocumentType type = doc.type();
    dr.putObject("type")
        .putArray("coding")
        .add(coding(DocumentType.SYSTEM, type.code(), type.label()));
    dr.putArray("category")
        .addObject()
        .putArray("coding")
        .add(coding(DocumentGroup.SYSTEM, type.group().code(), null));
    dr.set("subject", identifierReference(patient.system().uri(), patient.value()));
    dr.put("date", doc.date().toString());
    dr.putArray("author").add(identifierReference(doc.authorSystem(), doc.authorId()));
    ArrayNode labels = dr.putArray("securityLabel");
    for (ConfidentialityLabel label : wireLabels(doc)) {
      labels.addObject().putArray("coding").add(coding(label.system(), label.code(), null));
    }
    ObjectNode attachment = dr.putArray("content").addObject().putObject("attachment");
    attachment.put("contentType", doc.contentType());
    attachment.put("url", "Binary/" + doc.binaryId());
    attachment.put("size", doc.size());
    attachment.put("hash", doc.sha1());
    if (doc.title() != null) {
      attachment.put("title", doc.title());
    }
    if (doc.creation() != null) {
      attachment.put("creation", doc.creation().toString());
    }
    if (doc.replaces() != null) {
      // DOC-3: the version this one replaces.
      ObjectNode relation = dr.putArray("relatesTo").addObject();
      relation.put("code", "replaces");
      relation.putObject("target").put("reference", "DocumentReference/" + doc.replaces());
    }
    return dr;
  }

  /** {@code N} alone, or the TRE_A07 labels in a stable order. */
  public static List<ConfidentialityLabel> wireLabels(StoredDocument doc) {
    List<ConfidentialityLabel> restrictive =
        doc.labels().stream()
            .filter(l -> l != ConfidentialityLabel.NORMAL)
            .sorted(Comparator.naturalOrder())
            .toList();
    return restrictive.isEmpty() ? List.of(ConfidentialityLabel.NORMAL) : restrictive;
  }

  public static ObjectNode binary(StoredDocument doc) {
    ObjectNode binary = Json.object();
    binary.put("resourceType", "Binary");
    binary.put("id", doc.binaryId());
    binary.put("contentType", doc.contentType());
    binary.put("data", Base64.getEncoder().encodeToString(doc.content()));
    return binary;
  }

  public static ObjectNode auditEvent(TraceRecord trace) {
    ObjectNode ae = Json.object();
    ae.put("resourceType", "AuditEvent");
    ae.put("id", trace.id());
    ae.set("type", coding(Systems.DCM, "110110", "Patient Record"));
    ae.putArray("subtype").add(coding(Systems.AUDIT_ACTION, trace.actionCode(), null));
    ae.put("action", trace.fhirAction());
    ae.put("recorded", trace.recorded().toString());
    ae.put("outcome", trace.refusal() == null ? "0" : "4");
    if (trace.refusal() != null) {
      ae.put("outcomeDesc", trace.refusal());
    }
    ae.putArray("purposeOfEvent")
        .addObject()
        .putArray("coding")
        .add(coding(Systems.ACCESS_MODE, trace.modeCode(), null));
    ObjectNode agent = ae.putArray("agent").addObject();
    agent
        .putObject("type")
        .putArray("coding")
        .add(coding(Systems.ACTOR_TYPE, trace.actorType(), null));
    agent.set("who", identifierReference(trace.agentSystem(), trace.agentId()));
    agent.put("name", trace.agentName());
    agent.put("requestor", true);
    ae.putObject("source").putObject("observer").put("display", "mes4j reference server");
    ArrayNode entities = ae.putArray("entity");
    ObjectNode patient = entities.addObject();
    patient.set("what", identifierReference(trace.patientSystem(), trace.patientIns()));
    patient.set("type", coding(Systems.AUDIT_ENTITY_TYPE, "1", null));
    patient.set("role", coding(Systems.OBJECT_ROLE, "1", null));
    if (trace.correlationId() != null) {
      // The request that made the trace: its journal entry, decisions and notices.
      patient
          .putArray("detail")
          .addObject()
          .put("type", "correlation-id")
          .put("valueString", trace.correlationId());
    }
    if (trace.documentId() != null) {
      ObjectNode document = entities.addObject();
      document.putObject("what").put("reference", "DocumentReference/" + trace.documentId());
      document.set("type", coding(Systems.AUDIT_ENTITY_TYPE, "2", null));
    }
    if (trace.objectReference() != null) {
      ObjectNode object = entities.addObject();
      object.putObject("what").put("reference", trace.objectReference());
      object.set("type", coding(Systems.AUDIT_ENTITY_TYPE, "2", null));
    }
    return ae;
  }

  /** A searchset Bundle; {@code entries} are (fullUrl, resource) pairs. */
  public static ObjectNode searchset(
      int total, String self, @Nullable String next, List<ObjectNode> resources, String baseFhir) {
    ObjectNode bundle = Json.object();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "searchset");
    bundle.put("total", total);
    ArrayNode links = bundle.putArray("link");
    links.addObject().put("relation", "self").put("url", self);
    if (next != null) {
      links.addObject().put("relation", "next").put("url", next);
    }
    ArrayNode entries = bundle.putArray("entry");
    for (ObjectNode resource : resources) {
      ObjectNode entry = entries.addObject();
      entry.put(
          "fullUrl",
          baseFhir
              + "/"
              + resource.get("resourceType").asText()
              + "/"
              + resource.get("id").asText());
      entry.set("resource", resource);
      entry.putObject("search").put("mode", "match");
    }
    if (entries.isEmpty()) {
      bundle.remove("entry");
    }
    return bundle;
  }

  /** A transaction-response Bundle: one {@code 201 Created} per location, in request order. */
  /**
   * A {@code transaction-response}: one entry per location, in order, each with the resource of the
   * same index when it is not null (asked with {@code Prefer: return=representation}).
   */
  public static ObjectNode transactionResponse(
      List<String> locations, List<@Nullable ObjectNode> resources, Instant lastModified) {
    ObjectNode bundle = Json.object();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "transaction-response");
    ArrayNode entries = bundle.putArray("entry");
    for (int i = 0; i < locations.size(); i++) {
      ObjectNode entry = entries.addObject();
      ObjectNode resource = i < resources.size() ? resources.get(i) : null;
      if (resource != null) {
        entry.set("resource", resource);
      }
      ObjectNode response = entry.putObject("response");
      response.put("status", "201 Created");
      response.put("location", locations.get(i));
      response.put("lastModified", lastModified.toString());
    }
    return bundle;
  }

  public static ObjectNode coding(String system, String code, @Nullable String display) {
    ObjectNode coding = Json.object();
    coding.put("system", system);
    coding.put("code", code);
    if (display != null) {
      coding.put("display", display);
    }
    return coding;
  }

  public static ObjectNode identifierReference(String system, String value) {
    ObjectNode reference = Json.object();
    ObjectNode identifier = reference.putObject("identifier");
    identifier.put("system", system);
    identifier.put("value", value);
    return reference;
  }
}
