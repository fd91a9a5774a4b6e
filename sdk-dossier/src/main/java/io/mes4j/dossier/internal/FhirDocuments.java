package io.mes4j.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.dossier.Author;
import io.mes4j.dossier.AuthorKind;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentStatus;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes the PDSm shapes the SDK sends and reads the ones it receives (docs/wire-contract.md,
 * "Documents"). Jackson trees stay inside this package.
 */
public final class FhirDocuments {
  /** PDSm's archive flag extension. */
  public static final String IS_ARCHIVED_URL =
      "http://esante.gouv.fr/cisis/fhir/StructureDefinition/PDSm_isArchived";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FhirDocuments() {}

  /** The metadata of one deposit, as the ITI-65 transaction needs it. */
  public record DepositData(
      Ins patient,
      DocumentType type,
      String title,
      byte[] content,
      String mimeType,
      Instant creation,
      Set<ConfidentialityLabel> labels,
      String uniqueId,
      @Nullable String replaces) {}

  /**
   * The ITI-65 "provide document bundle" transaction: SubmissionSet {@code List}, {@code
   * DocumentReference} and {@code Binary}, linked by {@code urn:uuid} full URLs.
   */
  public static ObjectNode provideBundle(DepositData d) {
    String listUuid = "urn:uuid:" + UUID.randomUUID();
    String docUuid = "urn:uuid:" + UUID.randomUUID();
    String binUuid = "urn:uuid:" + UUID.randomUUID();

    ObjectNode list = F.objectNode();
    list.put("resourceType", "List");
    list.put("status", "current");
    list.put("mode", "working");
    list.set(
        "code",
        F.objectNode()
            .set(
                "coding",
                F.arrayNode()
                    .add(
                        F.objectNode()
                            .put(
                                "system",
                                "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes")
                            .put("code", "submissionset"))));
    list.set("subject", patientRef(d.patient()));
    list.put("date", d.creation().toString());
    list.set("entry", F.arrayNode().add(F.objectNode().set("item", ref(docUuid))));

    ObjectNode doc = F.objectNode();
    doc.put("resourceType", "DocumentReference");
    doc.set(
        "masterIdentifier",
        F.objectNode().put("system", "urn:ietf:rfc:3986").put("value", d.uniqueId()));
    doc.put("status", "current");
    doc.set("type", coding(DocumentType.SYSTEM, d.type().code(), d.type().label()));
    doc.set("subject", patientRef(d.patient()));
    doc.set("securityLabel", securityLabels(d.labels()));
    ObjectNode attachment =
        F.objectNode()
            .put("contentType", d.mimeType())
            .put("url", binUuid)
            .put("size", d.content().length)
            .put("title", d.title())
            .put("creation", d.creation().toString());
    doc.set("content", F.arrayNode().add(F.objectNode().set("attachment", attachment)));
    if (d.replaces() != null) {
      doc.set(
          "relatesTo",
          F.arrayNode()
              .add(
                  F.objectNode()
                      .put("code", "replaces")
                      .set("target", ref("DocumentReference/" + d.replaces()))));
    }

    ObjectNode binary = F.objectNode();
    binary.put("resourceType", "Binary");
    binary.put("contentType", d.mimeType());
    binary.put("data", Base64.getEncoder().encodeToString(d.content()));

    ObjectNode bundle = F.objectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "transaction");
    ArrayNode entries = bundle.putArray("entry");
    entries.add(entry(listUuid, list, "List"));
    entries.add(entry(docUuid, doc, "DocumentReference"));
    entries.add(entry(binUuid, binary, "Binary"));
    return bundle;
  }

  /** The media type of a JSON Patch (RFC 6902). */
  public static final String JSON_PATCH = "application/json-patch+json";

  /**
   * DOC-8: a patch that replaces the labels, guarded by a {@code test} of the labels as read (so a
   * concurrent change makes it fail rather than be overwritten).
   */
  public static byte[] labelsPatch(JsonNode current, Set<ConfidentialityLabel> labels) {
    ArrayNode patch = F.arrayNode();
    JsonNode currentLabels = current.get("securityLabel");
    if (currentLabels != null) {
      patch.add(
          F.objectNode()
              .put("op", "test")
              .put("path", "/securityLabel")
              .set("value", currentLabels));
    }
    patch.add(
        F.objectNode()
            .put("op", currentLabels != null ? "replace" : "add")
            .put("path", "/securityLabel")
            .set("value", securityLabels(labels)));
    return FhirPages.write(patch);
  }

  /**
   * DOC-8: the patch that sets ({@code set}) or lifts {@code label} on the {@code
   * DocumentReference} read as {@code currentBody}, its other labels unchanged.
   */
  public static byte[] labelPatch(byte[] currentBody, ConfidentialityLabel label, boolean set) {
    JsonNode current = FhirPages.read(currentBody);
    Set<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
    labels.addAll(readEntry(current).labels());
    if (set) {
      labels.add(label);
    } else {
      labels.remove(label);
    }
    return labelsPatch(current, labels);
  }

  /**
   * DOC-4: sets the archive flag, the {@code PDSm_isArchived} extension the server emits first
   * (checked by a {@code test} of its url).
   */
  public static byte[] archivePatch(boolean archived) {
    ArrayNode patch = F.arrayNode();
    patch.add(
        F.objectNode()
            .put("op", "test")
            .put("path", "/extension/0/url")
            .put("value", IS_ARCHIVED_URL));
    patch.add(
        F.objectNode()
            .put("op", "replace")
            .put("path", "/extension/0/valueBoolean")
            .put("value", archived));
    return FhirPages.write(patch);
  }

  /** An empty patch: changes nothing, answers the document as it stands. */
  public static byte[] emptyPatch() {
    return FhirPages.write(F.arrayNode());
  }

  /** DOC-5: logical deletion, {@code status} to {@code entered-in-error}. */
  public static byte[] deletePatch() {
    ArrayNode patch = F.arrayNode();
    patch.add(
        F.objectNode()
            .put("op", "replace")
            .put("path", "/status")
            .put("value", "entered-in-error"));
    return FhirPages.write(patch);
  }

  /** The id in a {@code transaction-response} entry's location for the DocumentReference. */
  public static String documentIdFromResponse(byte[] body) {
    JsonNode response = FhirPages.read(body);
    for (JsonNode e : response.path("entry")) {
      String location = e.path("response").path("location").asText("");
      if (location.startsWith("DocumentReference/")) {
        String rest = location.substring("DocumentReference/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
      }
    }
    throw new MesClientException("the server's answer to the deposit names no DocumentReference");
  }

  /**
   * The stored {@code DocumentReference} a {@code transaction-response} carries when asked with
   * {@code Prefer: return=representation}; empty when the server sent only locations.
   */
  public static Optional<DocumentEntry> storedDocument(byte[] body) {
    JsonNode response = FhirPages.read(body);
    for (JsonNode e : response.path("entry")) {
      JsonNode resource = e.path("resource");
      if ("DocumentReference".equals(resource.path("resourceType").asText())) {
        return Optional.of(readEntry(resource));
      }
    }
    return Optional.empty();
  }

  /** Reads a {@code DocumentReference}. */
  public static DocumentEntry readEntry(JsonNode doc) {
    try {
      JsonNode attachment = doc.path("content").path(0).path("attachment");
      Set<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
      for (JsonNode label : doc.path("securityLabel")) {
        for (JsonNode c : label.path("coding")) {
          ConfidentialityLabel l = ConfidentialityLabel.fromCode(c.path("code").asText());
          if (l != ConfidentialityLabel.NORMAL) {
            labels.add(l);
          }
        }
      }
      boolean archived = false;
      for (JsonNode ext : doc.path("extension")) {
        if (IS_ARCHIVED_URL.equals(ext.path("url").asText())) {
          archived = ext.path("valueBoolean").asBoolean(false);
        }
      }
      String replaces = null;
      for (JsonNode rel : doc.path("relatesTo")) {
        if ("replaces".equals(rel.path("code").asText())) {
          replaces = lastSegment(rel.path("target").path("reference").asText());
        }
      }
      String created = attachment.path("creation").asText(null);
      return new DocumentEntry(
          doc.path("id").asText(),
          doc.path("masterIdentifier").path("value").asText(),
          DocumentType.of(doc.path("type").path("coding").path(0).path("code").asText()),
          attachment.path("title").asText(""),
          DocumentStatus.fromCode(doc.path("status").asText()),
          labels,
          archived,
          readAuthor(doc.path("author").path(0).path("identifier")),
          attachment.path("contentType").asText(),
          attachment.path("size").asLong(),
          attachment.path("hash").asText(""),
          lastSegment(attachment.path("url").asText()),
          created == null ? null : Instant.parse(created),
          Instant.parse(doc.path("date").asText()),
          replaces);
    } catch (RuntimeException e) {
      if (e instanceof MesClientException m) {
        throw m;
      }
      throw new MesClientException("the server sent a DocumentReference mes4j cannot read", e);
    }
  }

  private static Author readAuthor(JsonNode identifier) {
    String system = identifier.path("system").asText("");
    String value = identifier.path("value").asText("");
    AuthorKind kind;
    if (ProfessionalId.SYSTEM.equals(system)) {
      kind = AuthorKind.PROFESSIONAL;
    } else if (system.startsWith("urn:oid:1.2.250.1.213.1.4.")) {
      kind = AuthorKind.PATIENT;
    } else if ("urn:oid:1.2.250.1.71.4.2.2".equals(system)) {
      kind = AuthorKind.ORGANISATION;
    } else {
      kind = AuthorKind.SERVICE;
    }
    return new Author(kind, value);
  }

  /** {@code subject} / {@code patient} reference by INS identifier. */
  public static ObjectNode patientRef(Ins ins) {
    return F.objectNode()
        .set(
            "identifier",
            F.objectNode().put("system", ins.system().uri()).put("value", ins.value()));
  }

  /** The {@code patient.identifier} search token of an INS. */
  public static String patientToken(Ins ins) {
    return ins.system().uri() + "|" + ins.value();
  }

  private static ArrayNode securityLabels(Set<ConfidentialityLabel> labels) {
    ArrayNode out = F.arrayNode();
    // N alone, or the restrictive labels in a stable order (as the server emits them).
    java.util.List<ConfidentialityLabel> restrictive =
        labels.stream().filter(l -> l != ConfidentialityLabel.NORMAL).sorted().toList();
    if (restrictive.isEmpty()) {
      out.add(
          coding(ConfidentialityLabel.NORMAL.system(), ConfidentialityLabel.NORMAL.code(), null));
    }
    for (ConfidentialityLabel l : restrictive) {
      out.add(coding(l.system(), l.code(), null));
    }
    return out;
  }

  private static ObjectNode coding(String system, String code, @Nullable String display) {
    ObjectNode c = F.objectNode().put("system", system).put("code", code);
    if (display != null) {
      c.put("display", display);
    }
    return (ObjectNode) F.objectNode().set("coding", F.arrayNode().add(c));
  }

  private static ObjectNode ref(String reference) {
    return F.objectNode().put("reference", reference);
  }

  private static ObjectNode entry(String fullUrl, ObjectNode resource, String type) {
    ObjectNode e = F.objectNode();
    e.put("fullUrl", fullUrl);
    e.set("resource", resource);
    e.set("request", F.objectNode().put("method", "POST").put("url", type));
    return e;
  }

  private static String lastSegment(String reference) {
    int slash = reference.lastIndexOf('/');
    return slash < 0 ? reference : reference.substring(slash + 1);
  }
}
