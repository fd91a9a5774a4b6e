package io.mes4j.mockserver.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Builds deposit requests (ITI-105 DocumentReference, ITI-65 Bundle) as the contract shapes them.
 */
public final class Documents {
  public static final String LABORATORY = "11502-2";
  public static final String PSYCHIATRY = "68599-0";
  public static final String TRE_A07 =
      "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Documents() {}

  public static byte[] pdf(String text) {
    return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A DocumentReference; with {@code inline} the content goes in attachment.data (ITI-105). */
  public static ObjectNode documentReference(
      Ins patient,
      String masterId,
      String type,
      String contentType,
      byte[] content,
      boolean inline,
      String... labels) {
    ObjectNode dr = F.objectNode();
    dr.put("resourceType", "DocumentReference");
    dr.putObject("masterIdentifier").put("system", "urn:ietf:rfc:3986").put("value", masterId);
    dr.put("status", "current");
    dr.putObject("type")
        .putArray("coding")
        .addObject()
        .put("system", "http://loinc.org")
        .put("code", type);
    dr.putObject("subject")
        .putObject("identifier")
        .put("system", patient.system().uri())
        .put("value", patient.value());
    ArrayNode securityLabels = dr.putArray("securityLabel");
    for (String label : labels) {
      securityLabels
          .addObject()
          .putArray("coding")
          .addObject()
          .put(
              "system",
              label.equals("N")
                  ? "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
                  : TRE_A07)
          .put("code", label);
    }
    ObjectNode attachment = dr.putArray("content").addObject().putObject("attachment");
    attachment.put("contentType", contentType);
    if (inline) {
      attachment.put("data", Base64.getEncoder().encodeToString(content));
    }
    attachment.put("title", "Bilan sanguin");
    attachment.put("creation", "2026-11-27T09:00:00Z");
    return dr;
  }

  public static ObjectNode iti105(
      Ins patient, String masterId, String type, byte[] content, String... labels) {
    return documentReference(patient, masterId, type, "application/pdf", content, true, labels);
  }

  /** An ITI-65 transaction Bundle: SubmissionSet List, DocumentReference, Binary. */
  public static ObjectNode iti65(Ins patient, String masterId, String type, byte[] content) {
    String listUrl = "urn:uuid:6f0d8a4e-0000-4000-8000-000000000001";
    String drUrl = "urn:uuid:6f0d8a4e-0000-4000-8000-000000000002";
    String binaryUrl = "urn:uuid:6f0d8a4e-0000-4000-8000-000000000003";
    ObjectNode bundle = F.objectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "transaction");
    ArrayNode entries = bundle.putArray("entry");

    ObjectNode list = F.objectNode();
    list.put("resourceType", "List");
    list.put("status", "current");
    list.put("mode", "working");
    list.putObject("code")
        .putArray("coding")
        .addObject()
        .put("system", "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes")
        .put("code", "submissionset");
    list.putObject("subject")
        .putObject("identifier")
        .put("system", patient.system().uri())
        .put("value", patient.value());
    list.putArray("entry").addObject().putObject("item").put("reference", drUrl);
    entry(entries, listUrl, list, "List");

    ObjectNode dr = documentReference(patient, masterId, type, "application/pdf", content, false);
    ((ObjectNode) dr.get("content").get(0).get("attachment")).put("url", binaryUrl);
    entry(entries, drUrl, dr, "DocumentReference");

    ObjectNode binary = F.objectNode();
    binary.put("resourceType", "Binary");
    binary.put("contentType", "application/pdf");
    binary.put("data", Base64.getEncoder().encodeToString(content));
    entry(entries, binaryUrl, binary, "Binary");
    return bundle;
  }

  private static void entry(ArrayNode entries, String fullUrl, ObjectNode resource, String type) {
    ObjectNode entry = entries.addObject();
    entry.put("fullUrl", fullUrl);
    entry.set("resource", resource);
    entry.putObject("request").put("method", "POST").put("url", type);
  }
}
