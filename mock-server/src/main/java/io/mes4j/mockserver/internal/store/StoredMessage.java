package io.mes4j.mockserver.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message of a conversation (MSG-1 to MSG-4), immutable: marking it read stores a new value.
 *
 * @param seq insertion order within the store (oldest first inside a conversation)
 * @param senderId the INS value, idNat_PS or idNat_Struct of its sender
 * @param senderSystem the identifier system of {@code senderId}
 * @param fromHolderSide whether the holder (or a minor's representative) sent it
 * @param recipientId the identifier of its recipient: the holder's INS, or who started the
 *     conversation
 * @param text the text, or null for a message of attachments only
 * @param inResponseTo the message just before it in the conversation, or null for the first
 * @param readAt when its recipient marked it read (MSG-4), or null while unread
 */
public record StoredMessage(
    String id,
    String conversationId,
    long seq,
    String senderId,
    String senderSystem,
    String senderName,
    boolean fromHolderSide,
    String recipientId,
    String recipientSystem,
    Instant sent,
    @Nullable String text,
    List<Attachment> attachments,
    @Nullable String inResponseTo,
    @Nullable Instant readAt,
    int version) {

  /**
   * An attachment (MSG-3): its MIME type, bytes, title and base64 SHA-1 ({@code Attachment.hash}).
   */
  public record Attachment(String contentType, byte[] data, @Nullable String title, String sha1) {
    public Attachment {
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(data, "data");
    }

    @Override
    public String toString() {
      return "Attachment[" + contentType + ", " + data.length + " bytes]";
    }
  }

  public StoredMessage {
    attachments = List.copyOf(attachments);
  }

  public boolean read() {
    return readAt != null;
  }

  /** This message, read at {@code at} (unchanged if it already was: the first reading counts). */
  public StoredMessage readAt(Instant at) {
    return read()
        ? this
        : new StoredMessage(
            id,
            conversationId,
            seq,
            senderId,
            senderSystem,
            senderName,
            fromHolderSide,
            recipientId,
            recipientSystem,
            sent,
            text,
            attachments,
            inResponseTo,
            at,
            version + 1);
  }

  @Override
  public String toString() {
    return "StoredMessage[" + id + ", " + attachments.size() + " attachment(s)]";
  }
}
