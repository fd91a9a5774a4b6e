package io.mes4j.mockserver.internal.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.notify.Outbox;
import io.mes4j.mockserver.internal.store.StoredConversation;
import io.mes4j.mockserver.internal.store.StoredMessage;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** Writes messages as FHIR R4 {@code Communication} resources (docs/wire-contract.md). */
final class FhirCommunications {
  /** On a conversation's first message: how many messages addressed to the caller are unread. */
  static final String UNREAD = "https://mes4j.io/fhir/StructureDefinition/conversation-unread";

  /** On a conversation's first message: when its latest message was sent. */
  static final String LAST_MESSAGE =
      "https://mes4j.io/fhir/StructureDefinition/conversation-last-message";

  /** What the first message of a conversation says of the conversation, for its reader. */
  record Summary(int unread, Instant lastMessage) {}

  private FhirCommunications() {}

  /**
   * One message. The first message of a conversation stands for the conversation: it has no {@code
   * partOf}, and carries the {@code summary} extensions when given.
   */
  static ObjectNode communication(
      StoredMessage message,
      StoredConversation conversation,
      Ins patient,
      @Nullable Summary summary) {
    boolean first = message.id().equals(conversation.id());
    ObjectNode c = Json.object();
    c.put("resourceType", "Communication");
    c.put("id", message.id());
    ObjectNode meta = c.putObject("meta");
    meta.put("versionId", String.valueOf(message.version()));
    Instant updated = message.readAt() != null ? message.readAt() : message.sent();
    Instant closed = conversation.closedAt();
    if (closed != null && closed.isAfter(updated)) {
      updated = closed;
    }
    meta.put("lastUpdated", updated.toString());
    if (first && summary != null) {
      ArrayNode extensions = c.putArray("extension");
      extensions.addObject().put("url", UNREAD).put("valueUnsignedInt", summary.unread());
      extensions
          .addObject()
          .put("url", LAST_MESSAGE)
          .put("valueDateTime", summary.lastMessage().toString());
    }
    if (!first) {
      c.putArray("partOf").addObject().put("reference", "Communication/" + conversation.id());
    }
    String previous = message.inResponseTo();
    if (previous != null) {
      c.putArray("inResponseTo").addObject().put("reference", "Communication/" + previous);
    }
    // MSG-2: every message of a closed conversation is completed.
    c.put("status", conversation.closed() ? "completed" : "in-progress");
    c.set("subject", FhirWriter.identifierReference(patient.system().uri(), patient.value()));
    c.putObject("topic").put("text", conversation.subject());
    c.put("sent", message.sent().toString());
    if (message.readAt() != null) {
      c.put("received", message.readAt().toString());
    }
    ObjectNode recipient =
        FhirWriter.identifierReference(message.recipientSystem(), message.recipientId());
    if (!message.fromHolderSide()) {
      // MSG-1: the holder's address.
      recipient.put("display", Outbox.patientAddress(patient));
    }
    c.putArray("recipient").add(recipient);
    ObjectNode sender = FhirWriter.identifierReference(message.senderSystem(), message.senderId());
    sender.put("display", message.senderName());
    c.set("sender", sender);
    ArrayNode payload = c.putArray("payload");
    if (message.text() != null) {
      payload.addObject().put("contentString", message.text());
    }
    for (StoredMessage.Attachment attachment : message.attachments()) {
      ObjectNode a = payload.addObject().putObject("contentAttachment");
      a.put("contentType", attachment.contentType());
      a.put("data", Base64.getEncoder().encodeToString(attachment.data()));
      a.put("size", attachment.data().length);
      a.put("hash", attachment.sha1());
      if (attachment.title() != null) {
        a.put("title", attachment.title());
      }
    }
    return c;
  }
}
