package io.mes4j.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation as the server keeps it: sender, recipient, when it was sent, its
 * text and attachments (MSG-3), and when its recipient read it (MSG-4). Immutable; {@link
 * #toString()} shows neither the text nor an INS.
 */
public final class ConversationMessage {
  private final String id;
  private final String conversationId;
  private final Participant sender;
  private final Participant recipient;
  private final Instant sent;
  private final @Nullable String text;
  private final List<MessageAttachment> attachments;
  private final @Nullable Instant readAt;
  private final ConversationStatus conversationStatus;

  ConversationMessage(
      String id,
      String conversationId,
      Participant sender,
      Participant recipient,
      Instant sent,
      @Nullable String text,
      List<MessageAttachment> attachments,
      @Nullable Instant readAt,
      ConversationStatus conversationStatus) {
    this.id = Objects.requireNonNull(id, "id");
    this.conversationId = Objects.requireNonNull(conversationId, "conversationId");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.recipient = Objects.requireNonNull(recipient, "recipient");
    this.sent = Objects.requireNonNull(sent, "sent");
    this.text = text;
    this.attachments = List.copyOf(attachments);
    this.readAt = readAt;
    this.conversationStatus = Objects.requireNonNull(conversationStatus, "conversationStatus");
  }

  /** The message's id (for {@link Messaging#markRead} and {@link Messaging#fileAttachment}). */
  public String id() {
    return id;
  }

  /** The id of its conversation. */
  public String conversationId() {
    return conversationId;
  }

  /** Whether this is the conversation's first message. */
  public boolean isFirst() {
    return id.equals(conversationId);
  }

  /** Who sent it. */
  public Participant sender() {
    return sender;
  }

  /** Who it is addressed to. */
  public Participant recipient() {
    return recipient;
  }

  /** When it was sent (server clock). */
  public Instant sent() {
    return sent;
  }

  /** The text, if any. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The attachments, in order (index them for {@link Messaging#fileAttachment}). */
  public List<MessageAttachment> attachments() {
    return attachments;
  }

  /** When its recipient marked it read, if they did (MSG-4). */
  public Optional<Instant> readAt() {
    return Optional.ofNullable(readAt);
  }

  /** Whether its recipient marked it read (MSG-4). */
  public boolean isRead() {
    return readAt != null;
  }

  /** The status of its conversation when it was read from the server. */
  public ConversationStatus conversationStatus() {
    return conversationStatus;
  }

  @Override
  public String toString() {
    return "ConversationMessage["
        + id
        + ", attachments="
        + attachments.size()
        + ", read="
        + isRead()
        + "]";
  }
}
