package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code DocumentReference} sent for deposit. Wrong types, missing fields and unknown codes
 * are 400s naming the field; what the request says of the author is ignored (the token decides).
 */
final class DocumentReferenceReader {
  private static final Pattern MIME =
      Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*");

  /** The attachment as the request gives it: its type, and its inline data or url. */
  record Attachment(String contentType, @Nullable String data, @Nullable String url) {}

  private DocumentReferenceReader() {}

  static Attachment attachment(ObjectNode dr, String path) {
    ArrayNode content = Fields.array(dr, "content", path + ".content");
    ObjectNode first = Fields.element(content, 0, path + ".content");
    ObjectNode attachment = Fields.object(first, "attachment", path + ".content[0].attachment");
    String at = path + ".content[0].attachment";
    return new Attachment(
        contentType(
            Fields.text(attachment, "contentType", at + ".contentType"), at + ".contentType"),
        Fields.optionalText(attachment, "data", at + ".data"),
        Fields.optionalText(attachment, "url", at + ".url"));
  }

  static String contentType(String raw, String path) {
    int semicolon = raw.indexOf(';');
    String type =
        (semicolon < 0 ? raw : raw.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    if (!MIME.matcher(type).matches()) {
      throw HttpError.badRequest("Field " + path + " must be a MIME type such as application/pdf");
    }
    return type;
  }

  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  /**
   * Strict base64 (FHIR's base64Binary allows whitespace between quanta, nothing else): the MIME
   * decoder silently skipped any character outside the alphabet, so garbage was stored.
   */
  static byte[] base64(String data, String path) {
    try {
      return Base64.getDecoder().decode(WHITESPACE.matcher(data).replaceAll(""));
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("Field " + path + " must be base64");
    }
  }

  /** Reads the deposit; {@code content} comes inline (ITI-105) or from the Binary (ITI-65). */
  static DepositRequest read(ObjectNode dr, String path, byte[] content) {
    if (!"DocumentReference"
        .equals(Fields.optionalText(dr, "resourceType", path + ".resourceType"))) {
      throw HttpError.badRequest("Field " + path + ".resourceType must be DocumentReference");
    }
    String status = Fields.optionalText(dr, "status", path + ".status");
    if (status != null && !status.equals("current")) {
      throw HttpError.badRequest("Field " + path + ".status must be current for a deposit");
    }
    String replaces = replaces(dr, path);
    ObjectNode master = Fields.object(dr, "masterIdentifier", path + ".masterIdentifier");
    String masterIdentifier = Fields.text(master, "value", path + ".masterIdentifier.value");
    if (masterIdentifier.length() > 256) {
      throw HttpError.badRequest("Field " + path + ".masterIdentifier.value is too long");
    }
    DocumentType type = type(Fields.object(dr, "type", path + ".type"), path + ".type");
    Ins patient =
        Identifiers.fromReference(
            Fields.object(dr, "subject", path + ".subject"), path + ".subject");
    Set<ConfidentialityLabel> labels = labels(dr, path);

    Attachment attachment = attachment(dr, path);
    ObjectNode attachmentNode = (ObjectNode) dr.get("content").get(0).get("attachment");
    String at = path + ".content[0].attachment";
    String hash = Fields.optionalText(attachmentNode, "hash", at + ".hash");
    if (hash != null && !hash.equals(sha1(content))) {
      throw HttpError.badRequest("Field " + at + ".hash is not the SHA-1 of the content");
    }
    Long size = Fields.optionalLong(attachmentNode, "size", at + ".size");
    if (size != null && size != content.length) {
      throw HttpError.badRequest("Field " + at + ".size is not the size of the content");
    }
    String title = Fields.optionalText(attachmentNode, "title", at + ".title");
    String creationText = Fields.optionalText(attachmentNode, "creation", at + ".creation");
    Instant creation =
        creationText == null ? null : Fields.dateTime(creationText, at + ".creation");
    return new DepositRequest(
        patient,
        masterIdentifier,
        type,
        labels,
        attachment.contentType(),
        content,
        title,
        creation,
        replaces);
  }

  /**
   * DOC-3: {@code relatesTo} holds at most one relation, {@code replaces}, whose target is {@code
   * DocumentReference/<id>} (a relative reference, or an absolute one ending so).
   */
  private static @Nullable String replaces(ObjectNode dr, String path) {
    ArrayNode relatesTo = Fields.optionalArray(dr, "relatesTo", path + ".relatesTo");
    if (relatesTo == null || relatesTo.isEmpty()) {
      return null;
    }
    if (relatesTo.size() > 1) {
      throw HttpError.badRequest("Field " + path + ".relatesTo holds at most one relation");
    }
    String at = path + ".relatesTo[0]";
    ObjectNode relation = Fields.element(relatesTo, 0, path + ".relatesTo");
    String code = Fields.text(relation, "code", at + ".code");
    if (!code.equals("replaces")) {
      throw HttpError.badRequest(
          "Field " + at + ".code must be replaces (the only relation a deposit may carry)");
    }
    ObjectNode target = Fields.object(relation, "target", at + ".target");
    String reference = Fields.text(target, "reference", at + ".target.reference");
    int index = reference.lastIndexOf("DocumentReference/");
    String id = index < 0 ? "" : reference.substring(index + "DocumentReference/".length());
    if (id.isEmpty() || !id.matches("[A-Za-z0-9.-]{1,64}")) {
      throw HttpError.badRequest(
          "Field " + at + ".target.reference must be DocumentReference/<id>");
    }
    return id;
  }

  private static DocumentType type(ObjectNode type, String path) {
    ArrayNode codings = Fields.array(type, "coding", path + ".coding");
    for (int i = 0; i < codings.size(); i++) {
      ObjectNode coding = Fields.element(codings, i, path + ".coding");
      String system = Fields.optionalText(coding, "system", path + ".coding[" + i + "].system");
      if (system == null || system.equals(Systems.LOINC)) {
        String code = Fields.text(coding, "code", path + ".coding[" + i + "].code");
        return DocumentType.find(code)
            .orElseThrow(
                () ->
                    new HttpError(
                        Cause.UNKNOWN_CODE,
                        "Document type " + code + " is not in the document type table"));
      }
    }
    throw HttpError.badRequest("Field " + path + " needs a coding in " + Systems.LOINC);
  }

  static Set<ConfidentialityLabel> labels(ObjectNode dr, String path) {
    Set<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
    ArrayNode securityLabels = Fields.optionalArray(dr, "securityLabel", path + ".securityLabel");
    if (securityLabels == null) {
      return labels;
    }
    for (int i = 0; i < securityLabels.size(); i++) {
      String at = path + ".securityLabel[" + i + "]";
      ObjectNode concept = Fields.element(securityLabels, i, path + ".securityLabel");
      ArrayNode codings = Fields.array(concept, "coding", at + ".coding");
      for (int j = 0; j < codings.size(); j++) {
        JsonNode coding = Fields.element(codings, j, at + ".coding");
        String code = Fields.text(coding, "code", at + ".coding[" + j + "].code");
        try {
          labels.add(ConfidentialityLabel.fromCode(code));
        } catch (InvalidValueException e) {
          throw new HttpError(Cause.UNKNOWN_CODE, "Label " + code + " is not a visibility label");
        }
      }
    }
    if (labels.contains(ConfidentialityLabel.NORMAL) && labels.size() > 1) {
      throw HttpError.badRequest("Label N (normal) cannot be combined with other labels");
    }
    labels.remove(ConfidentialityLabel.NORMAL);
    return labels;
  }

  static String sha1(byte[] content) {
    return Base64.getEncoder().encodeToString(digest("SHA-1", content));
  }

  static String sha256(byte[] content) {
    return Base64.getEncoder().encodeToString(digest("SHA-256", content));
  }

  private static byte[] digest(String algorithm, byte[] content) {
    try {
      return MessageDigest.getInstance(algorithm).digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm, e);
    }
  }
}
