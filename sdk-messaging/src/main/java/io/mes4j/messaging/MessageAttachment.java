package io.mes4j.messaging;

import io.mes4j.core.error.InvalidValueException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file carried by a message (MSG-3): its bytes, MIME type and title.
 *
 * <p>The server accepts the formats and the limit of a holder's upload (DOC-1): PDF, TXT, RTF, JPEG
 * and TIFF, 5 MB at most; anything else is refused with {@code UnsupportedMediaTypeException} or
 * {@code PayloadTooLargeException}. Immutable: the bytes are copied in and out. {@link #toString()}
 * never shows the content or the title.
 */
public final class MessageAttachment {
  private final byte[] content;
  private final String mimeType;
  private final @Nullable String title;

  private MessageAttachment(byte[] content, String mimeType, @Nullable String title) {
    this.content = content;
    this.mimeType = mimeType;
    this.title = title;
  }

  /**
   * An attachment.
   *
   * @param content the bytes, not empty
   * @param mimeType such as {@code application/pdf}
   * @param title a title for the reader, or null
   * @throws InvalidValueException if the content is empty or the MIME type is not {@code
   *     type/subtype}
   */
  public static MessageAttachment of(byte[] content, String mimeType, @Nullable String title) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(mimeType, "mimeType");
    if (content.length == 0) {
      throw new InvalidValueException("an attachment's content must not be empty");
    }
    String mime = mimeType.strip();
    int slash = mime.indexOf('/');
    if (slash <= 0 || slash == mime.length() - 1 || mime.indexOf(' ') >= 0) {
      throw new InvalidValueException("an attachment's MIME type must be type/subtype");
    }
    String cleanTitle = title == null || title.isBlank() ? null : title.strip();
    return new MessageAttachment(content.clone(), mime, cleanTitle);
  }

  /** An attachment without a title. */
  public static MessageAttachment of(byte[] content, String mimeType) {
    return of(content, mimeType, null);
  }

  /** A copy of the bytes. */
  public byte[] content() {
    return content.clone();
  }

  /** The size in bytes. */
  public int size() {
    return content.length;
  }

  /** The MIME type, such as {@code application/pdf}. */
  public String mimeType() {
    return mimeType;
  }

  /** The title, if any. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The bytes without a copy, for this module's wire mapping. */
  byte[] contentUnsafe() {
    return content;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof MessageAttachment that
        && Arrays.equals(content, that.content)
        && mimeType.equals(that.mimeType)
        && Objects.equals(title, that.title);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(content), mimeType, title);
  }

  @Override
  public String toString() {
    return "MessageAttachment[" + mimeType + ", " + content.length + " bytes]";
  }
}
