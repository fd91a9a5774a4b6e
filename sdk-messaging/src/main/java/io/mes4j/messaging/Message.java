package io.mes4j.messaging;

import io.mes4j.core.error.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A message to send: a text, attachments (MSG-3), or both; never neither. Immutable; {@link
 * #toString()} never shows the text.
 *
 * <pre>{@code
 * Message message = Message.builder()
 *     .text("Voici le compte rendu de votre examen.")
 *     .attach(MessageAttachment.of(pdf, "application/pdf", "Compte rendu"))
 *     .build();
 * }</pre>
 */
public final class Message {
  /** The longest text the server takes. */
  public static final int MAX_TEXT = 100_000;

  /** The most attachments of one message. */
  public static final int MAX_ATTACHMENTS = 10;

  private final @Nullable String text;
  private final List<MessageAttachment> attachments;

  private Message(Builder builder) {
    this.text = builder.text;
    this.attachments = List.copyOf(builder.attachments);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A message of text only. */
  public static Message text(String text) {
    return builder().text(text).build();
  }

  /** The text, if any. */
  public Optional<String> text() {
    return Optional.ofNullable(text);
  }

  /** The attachments, in order; possibly empty. */
  public List<MessageAttachment> attachments() {
    return attachments;
  }

  @Override
  public String toString() {
    return "Message[text="
        + (text == null ? "none" : "<redacted>")
        + ", attachments="
        + attachments.size()
        + "]";
  }

  /** Builds a {@link Message}; {@link #build()} checks it. */
  public static final class Builder {
    private @Nullable String text;
    private final List<MessageAttachment> attachments = new ArrayList<>();

    private Builder() {}

    /** The text; a blank text is refused by {@link #build()}. */
    public Builder text(String text) {
      this.text = Objects.requireNonNull(text, "text");
      return this;
    }

    /** Adds an attachment (order kept). */
    public Builder attach(MessageAttachment attachment) {
      attachments.add(Objects.requireNonNull(attachment, "attachment"));
      return this;
    }

    /**
     * The message.
     *
     * @throws InvalidValueException if it is empty (no text and no attachment), if the text is
     *     blank or over {@value Message#MAX_TEXT} characters, or if it has more than {@value
     *     Message#MAX_ATTACHMENTS} attachments
     */
    public Message build() {
      String t = text;
      if (t != null && t.isBlank()) {
        throw new InvalidValueException("a message's text must not be blank");
      }
      if (t != null && t.length() > MAX_TEXT) {
        throw new InvalidValueException(
            "a message's text is limited to " + MAX_TEXT + " characters");
      }
      if (t == null && attachments.isEmpty()) {
        throw new InvalidValueException("a message needs a text or an attachment");
      }
      if (attachments.size() > MAX_ATTACHMENTS) {
        throw new InvalidValueException(
            "a message holds " + MAX_ATTACHMENTS + " attachments at most");
      }
      return new Message(this);
    }
  }
}
