package io.mes4j.messaging.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.Page;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.JsonCodec;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the FHIR {@code Communication} shapes of the wire contract ("Messaging"), and
 * pages of {@code searchset} Bundles. Works on plain wire records, which the public package turns
 * into its value types.
 */
public final class FhirMessaging {
  /** On a conversation's first message: unread messages addressed to the reader. */
  public static final String UNREAD =
      "https://mes4j.io/fhir/StructureDefinition/conversation-unread";

  /** On a conversation's first message: when its latest message was sent. */
  public static final String LAST_MESSAGE =
      "https://mes4j.io/fhir/StructureDefinition/conversation-last-message";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** An attachment to send or as read: bytes, MIME type, title. */
  public record WireAttachment(byte[] content, String mimeType, @Nullable String title) {}

  /** An identifier reference: system, value and display. */
  public record WireParty(String system, String value, @Nullable String display) {}

  /** A {@code Communication} as read. */
  public record WireMessage(
      String id,
      String conversationId,
      boolean closed,
      Ins patient,
      String topic,
      WireParty sender,
      WireParty recipient,
      Instant sent,
      @Nullable Instant received,
      @Nullable String text,
      List<WireAttachment> attachments,
      int unread,
      @Nullable Instant lastMessage) {}

  private FhirMessaging() {}

  /**
   * The body of {@code POST /fhir/Communication}: a new conversation with {@code patient} about
   * {@code topic} when {@code conversationId} is null, a message {@code partOf} it otherwise.
   */
  public static byte[] communication(
      @Nullable Ins patient,
      @Nullable String topic,
      @Nullable String conversationId,
      @Nullable String text,
      List<WireAttachment> attachments) {
    ObjectNode c = NODES.objectNode();
    c.put("resourceType", "Communication");
    if (conversationId != null) {
      c.putArray("partOf").addObject().put("reference", "Communication/" + conversationId);
    }
    c.put("status", "in-progress");
    if (patient != null) {
      ObjectNode identifier = c.putObject("subject").putObject("identifier");
      identifier.put("system", patient.system().uri());
      identifier.put("value", patient.value());
    }
    if (topic != null) {
      c.putObject("topic").put("text", topic);
    }
    ArrayNode payload = c.putArray("payload");
    if (text != null) {
      payload.addObject().put("contentString", text);
    }
    for (WireAttachment attachment : attachments) {
      ObjectNode a = payload.addObject().putObject("contentAttachment");
      a.put("contentType", attachment.mimeType());
      a.put("data", Base64.getEncoder().encodeToString(attachment.content()));
      a.put("size", attachment.content().length);
      if (attachment.title() != null) {
        a.put("title", attachment.title());
      }
    }
    return write(c);
  }

  /** The {@code Parameters} of {@code $file-attachment}. */
  public static byte[] filing(int attachment, DocumentType type, @Nullable String title) {
    ObjectNode p = NODES.objectNode();
    p.put("resourceType", "Parameters");
    ArrayNode parameters = p.putArray("parameter");
    parameters.addObject().put("name", "attachment").put("valueInteger", attachment);
    ObjectNode coding = parameters.addObject().put("name", "type").putObject("valueCoding");
    coding.put("system", DocumentType.SYSTEM);
    coding.put("code", type.code());
    if (title != null) {
      parameters.addObject().put("name", "title").put("valueString", title);
    }
    return write(p);
  }

  /** An empty {@code Parameters}, the body of {@code $close} and {@code $mark-read}. */
  public static byte[] noParameters() {
    return write(NODES.objectNode().put("resourceType", "Parameters"));
  }

  /** The id of a resource answered (the DocumentReference of a filing). */
  public static String id(byte[] body) {
    String id = read(body).path("id").asText("");
    if (id.isEmpty()) {
      throw new MesClientException("the server answered a resource without id");
    }
    return id;
  }

  /** Reads one {@code Communication}. */
  public static WireMessage message(byte[] body) {
    return message(read(body));
  }

  /** Reads one {@code Communication}. */
  public static WireMessage message(JsonNode c) {
    if (!"Communication".equals(c.path("resourceType").asText())) {
      throw new MesClientException("the server answered something else than a Communication");
    }
    String id = text(c, "id");
    String conversationId = id;
    JsonNode partOf = c.path("partOf").path(0).path("reference");
    if (partOf.isTextual() && partOf.asText().startsWith("Communication/")) {
      conversationId = partOf.asText().substring("Communication/".length());
    }
    JsonNode subject = c.path("subject").path("identifier");
    Ins patient;
    try {
      patient =
          Ins.of(
              text(subject, "value"),
              io.mes4j.core.identity.InsSystem.fromUri(text(subject, "system")));
    } catch (RuntimeException e) {
      throw new MesClientException("the server answered a Communication without a valid INS", e);
    }
    String textContent = null;
    List<WireAttachment> attachments = new ArrayList<>();
    for (JsonNode part : c.path("payload")) {
      if (part.path("contentString").isTextual()) {
        textContent = part.path("contentString").asText();
      } else if (part.has("contentAttachment")) {
        JsonNode a = part.path("contentAttachment");
        byte[] data;
        try {
          data = Base64.getDecoder().decode(a.path("data").asText(""));
        } catch (IllegalArgumentException e) {
          throw new MesClientException("the server answered an attachment that is not base64", e);
        }
        attachments.add(
            new WireAttachment(
                data,
                a.path("contentType").asText("application/octet-stream"),
                a.path("title").isTextual() ? a.path("title").asText() : null));
      }
    }
    int unread = 0;
    Instant last = null;
    for (JsonNode extension : c.path("extension")) {
      String url = extension.path("url").asText();
      if (UNREAD.equals(url)) {
        unread = extension.path("valueUnsignedInt").asInt();
      } else if (LAST_MESSAGE.equals(url)) {
        last = instant(extension.path("valueDateTime").asText());
      }
    }
    JsonNode received = c.path("received");
    return new WireMessage(
        id,
        conversationId,
        "completed".equals(c.path("status").asText()),
        patient,
        c.path("topic").path("text").asText(""),
        party(c.path("sender")),
        party(c.path("recipient").path(0)),
        instant(text(c, "sent")),
        received.isTextual() ? instant(received.asText()) : null,
        textContent,
        attachments,
        unread,
        last);
  }

  private static WireParty party(JsonNode reference) {
    JsonNode identifier = reference.path("identifier");
    return new WireParty(
        identifier.path("system").asText(""),
        identifier.path("value").asText(""),
        reference.path("display").isTextual() ? reference.path("display").asText() : null);
  }

  /**
   * Executes a search and wraps its Bundle into a lazily paged view; {@code next} links are
   * followed with {@code GET} as given, logged under {@code /fhir/Communication}.
   */
  public static <T> Page<T> page(
      ApiExecutor executor, ApiRequest first, Function<JsonNode, T> reader) {
    ApiResponse response = executor.execute(first);
    return toPage(executor, read(response.body()), reader);
  }

  private static <T> Page<T> toPage(
      ApiExecutor executor, JsonNode bundle, Function<JsonNode, T> reader) {
    List<T> items = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      items.add(reader.apply(entry.path("resource")));
    }
    OptionalInt total =
        bundle.has("total") ? OptionalInt.of(bundle.path("total").asInt()) : OptionalInt.empty();
    String next = null;
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asText())) {
        next = link.path("url").asText();
      }
    }
    return CoreAccess.page(
        items,
        total,
        next,
        url ->
            toPage(
                executor,
                read(
                    executor
                        .execute(ApiRequest.builder("GET", "/fhir/Communication").url(url).build())
                        .body()),
                reader));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw new MesClientException("the server's Communication lacks " + field);
    }
    return value.asText();
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new MesClientException("the server sent an instant mes4j cannot read", e);
    }
  }

  /** Parses a JSON body. */
  public static JsonNode read(byte[] body) {
    try {
      return JsonCodec.mapper().readTree(body);
    } catch (IOException e) {
      throw new MesClientException("the server sent JSON mes4j cannot read", e);
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JsonCodec.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new MesClientException("serialising a request failed", e);
    }
  }
}
