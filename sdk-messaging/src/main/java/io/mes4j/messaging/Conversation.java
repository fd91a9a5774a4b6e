package io.mes4j.messaging;

import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation a professional or an establishment started with a holder (MSG-1), as its reader
 * sees it: subject, status, who started it, and how many of the messages addressed to the reader
 * are still unread (MSG-4). Its {@link #id()} is that of its first message. Immutable; {@link
 * #toString()} shows neither the subject nor the INS.
 */
public final class Conversation {
  private final String id;
  private final String subject;
  private final ConversationStatus status;
  private final Ins holder;
  private final Participant startedBy;
  private final Instant started;
  private final Instant lastMessageAt;
  private final int unreadCount;

  Conversation(
      String id,
      String subject,
      ConversationStatus status,
      Ins holder,
      Participant startedBy,
      Instant started,
      Instant lastMessageAt,
      int unreadCount) {
    this.id = Objects.requireNonNull(id, "id");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.status = Objects.requireNonNull(status, "status");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
    this.started = Objects.requireNonNull(started, "started");
    this.lastMessageAt = Objects.requireNonNull(lastMessageAt, "lastMessageAt");
    this.unreadCount = unreadCount;
  }

  /** The conversation's id (the id of its first message). */
  public String id() {
    return id;
  }

  /** The subject line. */
  public String subject() {
    return subject;
  }

  /** Open, or closed by the professional (MSG-2). */
  public ConversationStatus status() {
    return status;
  }

  /** Whether the professional closed it: no message may be added (MSG-2). */
  public boolean isClosed() {
    return status == ConversationStatus.CLOSED;
  }

  /** The holder it is with. */
  public Ins holder() {
    return holder;
  }

  /** The holder's messaging address, {@code <INS>@patient.mssante.fr} (MSG-1). */
  public String holderAddress() {
    return Messaging.holderAddress(holder);
  }

  /** The professional or establishment who started it, the holder's correspondent. */
  public Participant startedBy() {
    return startedBy;
  }

  /** When its first message was sent. */
  public Instant started() {
    return started;
  }

  /** When its latest message was sent. */
  public Instant lastMessageAt() {
    return lastMessageAt;
  }

  /** How many messages addressed to the reader are unread (MSG-4). */
  public int unreadCount() {
    return unreadCount;
  }

  @Override
  public String toString() {
    return "Conversation[" + id + ", " + status + ", unread=" + unreadCount + "]";
  }
}
