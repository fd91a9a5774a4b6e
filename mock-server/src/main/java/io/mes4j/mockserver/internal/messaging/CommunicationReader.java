package io.mes4j.mockserver.internal.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.policy.PolicyDecisionPoint;
import io.mes4j.mockserver.internal.store.StoredMessage;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads what a client sends: a {@code Communication} to post, and the {@code Parameters} of {@code
 * $file-attachment}. Everything is checked before any state is touched; a bad field is a 400 naming
 * it, a refused attachment type a 415, an attachment over 5 MB a 413 (MSG-3, DOC-1).
 */
final class CommunicationReader {
  /** The longest subject line (choice). */
  static final int MAX_SUBJECT = 200;

  /** The longest text of one message (choice). */
  static final int MAX_TEXT = 100_000;

  /** The most attachments of one message (choice). */
  static final int MAX_ATTACHMENTS = 10;

  private static final String PREFIX = "Communication/";

  /**
   * A message to post: into a conversation ({@code conversationId}), or starting one (then {@code
   * patient} and {@code subject} are set).
   */
  record Outgoing(
      @Nullable String conversationId,
      @Nullable Ins patient,
      @Nullable String subject,
      @Nullable String text,
      List<StoredMessage.Attachment> attachments) {
    Outgoing {
      attachments = List.copyOf(attachments);
    }
  }

  /**
   * What {@code $file-attachment} asks: which attachment, filed as which type, with which title.
   */
  record Filing(int attachment, DocumentType type, @Nullable String title) {}

  private CommunicationReader() {}

  static Outgoing read(ObjectNode c) {
    if (!"Communication".equals(c.path("resourceType").asText())) {
      throw HttpError.badRequest("The body must be a Communication resource");
    }
    Fields.optionalText(c, "status", "Communication.status");
    String conversationId = null;
    ArrayNode partOf = Fields.optionalArray(c, "partOf", "Communication.partOf");
    if (partOf != null && !partOf.isEmpty()) {
      if (partOf.size() > 1) {
        throw HttpError.badRequest("Communication.partOf names one conversation at most");
      }
      conversationId =
          reference(Fields.element(partOf, 0, "Communication.partOf"), "Communication.partOf[0]");
    }
    Ins patient = null;
    ObjectNode subject = Fields.optionalObject(c, "subject", "Communication.subject");
    if (subject != null) {
      ObjectNode identifier =
          Fields.object(subject, "identifier", "Communication.subject.identifier");
      patient =
          ins(
              Fields.text(identifier, "system", "Communication.subject.identifier.system"),
              Fields.text(identifier, "value", "Communication.subject.identifier.value"));
    }
    String topic = null;
    ObjectNode topicNode = Fields.optionalObject(c, "topic", "Communication.topic");
    if (topicNode != null) {
      topic = Fields.text(topicNode, "text", "Communication.topic.text").strip();
      if (topic.length() > MAX_SUBJECT) {
        throw HttpError.badRequest(
            "Communication.topic.text is limited to " + MAX_SUBJECT + " characters");
      }
    }
    if (conversationId == null) {
      // MSG-1: a new conversation names its holder and its subject.
      if (patient == null) {
        throw HttpError.badRequest(
            "Missing field Communication.subject (the holder a new conversation is with)");
      }
      if (topic == null) {
        throw HttpError.badRequest(
            "Missing field Communication.topic.text (the subject of a new conversation)");
      }
    }
    ArrayNode payload = Fields.optionalArray(c, "payload", "Communication.payload");
    if (payload == null || payload.isEmpty()) {
      throw HttpError.badRequest(
          "An empty message: Communication.payload holds no text and no file");
    }
    String text = null;
    List<StoredMessage.Attachment> attachments = new ArrayList<>();
    for (int i = 0; i < payload.size(); i++) {
      String path = "Communication.payload[" + i + "]";
      ObjectNode part = Fields.element(payload, i, "Communication.payload");
      if (Fields.optional(part, "contentReference") != null) {
        throw HttpError.badRequest(path + ".contentReference is not supported");
      }
      boolean hasText = Fields.optional(part, "contentString") != null;
      boolean hasAttachment = Fields.optional(part, "contentAttachment") != null;
      if (hasText == hasAttachment) {
        throw HttpError.badRequest(
            path + " must hold exactly one of contentString and contentAttachment");
      }
      if (hasText) {
        if (text != null) {
          throw HttpError.badRequest("A message holds one contentString at most");
        }
        String value = Fields.optionalText(part, "contentString", path + ".contentString");
        if (value == null || value.isBlank()) {
          throw HttpError.badRequest("An empty message: " + path + ".contentString is blank");
        }
        if (value.length() > MAX_TEXT) {
          throw HttpError.badRequest(
              path + ".contentString is limited to " + MAX_TEXT + " characters");
        }
        text = value;
      } else {
        attachments.add(
            attachment(
                Fields.object(part, "contentAttachment", path + ".contentAttachment"),
                path + ".contentAttachment"));
      }
    }
    if (attachments.size() > MAX_ATTACHMENTS) {
      throw HttpError.badRequest("A message holds " + MAX_ATTACHMENTS + " attachments at most");
    }
    return new Outgoing(conversationId, patient, topic, text, attachments);
  }

  // MSG-3: the formats and the limit of a holder's upload (DOC-1), for every sender.
  private static StoredMessage.Attachment attachment(ObjectNode a, String path) {
    String contentType = Fields.text(a, "contentType", path + ".contentType");
    int semicolon = contentType.indexOf(';');
    String mime =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    if (Fields.optional(a, "url") != null) {
      throw HttpError.badRequest(path + ".url is not supported: send the content in data");
    }
    String data = Fields.text(a, "data", path + ".data");
    if (!PolicyDecisionPoint.HOLDER_CONTENT_TYPES.contains(mime)) {
      throw new HttpError(
          Cause.UNSUPPORTED_MEDIA_TYPE,
          "An attachment may be only PDF, TXT, RTF, JPEG or TIFF (MSG-3, DOC-1)");
    }
    // Base64 is 4 characters for 3 bytes: refuse what cannot fit before decoding it.
    if ((long) data.length() / 4 * 3 > PolicyDecisionPoint.HOLDER_CONTENT_LIMIT + 3) {
      throw tooLarge();
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(data.strip());
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(path + ".data is not valid base64");
    }
    if (bytes.length == 0) {
      throw HttpError.badRequest(path + ".data is empty");
    }
    if (bytes.length > PolicyDecisionPoint.HOLDER_CONTENT_LIMIT) {
      throw tooLarge();
    }
    Long size = Fields.optionalLong(a, "size", path + ".size");
    if (size != null && size != bytes.length) {
      throw HttpError.badRequest(path + ".size does not match the decoded data");
    }
    String title = Fields.optionalText(a, "title", path + ".title");
    return new StoredMessage.Attachment(
        mime, bytes, title == null || title.isBlank() ? null : title.strip(), sha1(bytes));
  }

  private static HttpError tooLarge() {
    return new HttpError(Cause.TOO_LARGE, "An attachment is limited to 5 MB (MSG-3, DOC-1)");
  }

  /** {@code $file-attachment}: {@code attachment} (valueInteger), {@code type}, {@code title}. */
  static Filing filing(ObjectNode parameters) {
    if (!"Parameters".equals(parameters.path("resourceType").asText())) {
      throw HttpError.badRequest("The body must be a Parameters resource");
    }
    ArrayNode list = Fields.optionalArray(parameters, "parameter", "Parameters.parameter");
    Integer index = null;
    DocumentType type = null;
    String title = null;
    for (int i = 0; list != null && i < list.size(); i++) {
      String path = "Parameters.parameter[" + i + "]";
      ObjectNode p = Fields.element(list, i, "Parameters.parameter");
      String name = Fields.text(p, "name", path + ".name");
      switch (name) {
        case "attachment" -> {
          Long value = Fields.optionalLong(p, "valueInteger", path + ".valueInteger");
          if (value == null || value < 0 || value > MAX_ATTACHMENTS) {
            throw HttpError.badRequest(path + ".valueInteger must be an attachment's index");
          }
          index = value.intValue();
        }
        case "type" -> {
          ObjectNode coding = Fields.object(p, "valueCoding", path + ".valueCoding");
          String system = Fields.optionalText(coding, "system", path + ".valueCoding.system");
          if (system != null && !system.equals(DocumentType.SYSTEM)) {
            throw new HttpError(
                Cause.UNKNOWN_CODE, "The document type must be a LOINC code of the table");
          }
          String code = Fields.text(coding, "code", path + ".valueCoding.code");
          type =
              DocumentType.find(code)
                  .orElseThrow(
                      () ->
                          new HttpError(
                              Cause.UNKNOWN_CODE,
                              "Document type " + code + " is not in the table"));
        }
        case "title" -> {
          String value = Fields.text(p, "valueString", path + ".valueString").strip();
          if (value.length() > MAX_SUBJECT) {
            throw HttpError.badRequest(path + " is limited to " + MAX_SUBJECT + " characters");
          }
          title = value;
        }
        default -> throw HttpError.badRequest("Unknown parameter " + name);
      }
    }
    if (index == null) {
      throw HttpError.badRequest("Missing parameter attachment (the attachment's index)");
    }
    if (type == null) {
      throw HttpError.badRequest("Missing parameter type (a LOINC document type)");
    }
    return new Filing(index, type, title);
  }

  /** The id of {@code Communication/<id>}. */
  private static String reference(ObjectNode reference, String path) {
    String value = Fields.text(reference, "reference", path + ".reference");
    if (!value.startsWith(PREFIX)
        || value.length() == PREFIX.length()
        || value.indexOf('/', PREFIX.length()) >= 0) {
      throw HttpError.badRequest(path + ".reference must be Communication/<conversation id>");
    }
    return value.substring(PREFIX.length());
  }

  static Ins ins(String system, String value) {
    InsSystem insSystem;
    try {
      insSystem = InsSystem.fromUri(system);
    } catch (InvalidValueException e) {
      throw new HttpError(
          Cause.INVALID_INS,
          "The INS identifier system must be one of the NIR, NIA, test NIR or demo NIR OIDs");
    }
    try {
      return Ins.of(value, insSystem);
    } catch (InvalidValueException e) {
      throw new HttpError(Cause.INVALID_INS, e.getMessage());
    }
  }

  private static String sha1(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
