package io.mes4j.dossier;

import io.mes4j.core.error.ContentIntegrityException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * A document's content as the server streams it (ITI-68). The stream checks the content against the
 * SHA-1 of the document's metadata as it is read: reaching its end with other bytes throws {@link
 * ContentIntegrityException}. Close it (try-with-resources) to release the connection.
 */
public final class DocumentContent implements AutoCloseable {
  private final String mimeType;
  private final InputStream stream;
  private final AutoCloseable release;

  private DocumentContent(String mimeType, InputStream stream, AutoCloseable release) {
    this.mimeType = mimeType;
    this.stream = stream;
    this.release = release;
  }

  /**
   * Wraps a raw stream, checking it against an expected SHA-1 (base64) when one is known; {@code
   * release} frees the connection on close.
   */
  static DocumentContent checked(
      String mimeType,
      InputStream raw,
      @Nullable String expectedSha1Base64,
      AutoCloseable release) {
    InputStream in = expectedSha1Base64 == null ? raw : new Sha1Check(raw, expectedSha1Base64);
    return new DocumentContent(mimeType, in, release);
  }

  /** The content's MIME type, as the server sent it. */
  public String mimeType() {
    return mimeType;
  }

  /** The content, streamed; read it once. */
  public InputStream stream() {
    return stream;
  }

  /** Reads the whole content (and checks it). */
  public byte[] readAllBytes() {
    try {
      return stream.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading the document content failed", e);
    }
  }

  @Override
  public void close() {
    try (AutoCloseable r = release;
        InputStream s = stream) {
      // both closed, the stream first
    } catch (IOException e) {
      throw new UncheckedIOException("closing the document content failed", e);
    } catch (Exception e) {
      throw new IllegalStateException("releasing the connection failed", e);
    }
  }

  /** Digests what passes and compares at end of stream. */
  private static final class Sha1Check extends FilterInputStream {
    private final MessageDigest digest;
    private final String expected;
    private boolean checked;

    Sha1Check(InputStream in, String expected) {
      super(in);
      this.expected = expected;
      try {
        this.digest = MessageDigest.getInstance("SHA-1");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-1 is missing from this JVM", e);
      }
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        verify();
      } else {
        digest.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        verify();
      } else {
        digest.update(buf, off, n);
      }
      return n;
    }

    private void verify() {
      if (checked) {
        return;
      }
      checked = true;
      String actual = Base64.getEncoder().encodeToString(digest.digest());
      if (!actual.equals(expected)) {
        throw new ContentIntegrityException(
            "the document's content does not match the SHA-1 of its metadata");
      }
    }
  }
}
