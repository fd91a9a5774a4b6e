package io.mes4j.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What to deposit into a patient's dossier (DOC-1, DOC-2): the content and its metadata.
 *
 * <p>The unique id ({@code masterIdentifier}) makes a deposit idempotent: depositing the same id
 * with the same bytes again gives back the first document, with other bytes it is refused as a
 * conflict. When none is given, {@link Builder#build()} makes one ({@code urn:uuid:…}) so that
 * retries of this deposit reuse it.
 *
 * <pre>{@code
 * DocumentDeposit deposit = DocumentDeposit.builder()
 *     .patient(ins)
 *     .type(DocumentType.LABORATORY_REPORT)
 *     .title("Bilan sanguin")
 *     .content(pdfBytes, "application/pdf")
 *     .build();
 * }</pre>
 */
public final class DocumentDeposit {
  private final Ins patient;
  private final DocumentType type;
  private final String title;
  private final byte[] content;
  private final String mimeType;
  private final Instant creation;
  private final Set<ConfidentialityLabel> labels;
  private final String uniqueId;
  private final @Nullable String replaces;

  private DocumentDeposit(Builder b, byte[] content, String uniqueId, Instant creation) {
    this.patient = b.patient;
    this.type = b.type;
    this.title = b.title;
    this.content = content;
    this.mimeType = b.mimeType;
    this.creation = creation;
    this.labels = Set.copyOf(b.labels);
    this.uniqueId = uniqueId;
    this.replaces = b.replaces;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The patient whose dossier receives the document. */
  public Ins patient() {
    return patient;
  }

  /** The document type (LOINC). */
  public DocumentType type() {
    return type;
  }

  /** The title shown to readers. */
  public String title() {
    return title;
  }

  /** A copy of the content. */
  public byte[] content() {
    return content.clone();
  }

  /** The content's length in bytes. */
  public int size() {
    return content.length;
  }

  byte[] contentUnsafe() {
    return content;
  }

  /** The content's MIME type. */
  public String mimeType() {
    return mimeType;
  }

  /** When the producer created the document. */
  public Instant creation() {
    return creation;
  }

  /** The visibility labels set at deposit (DOC-6); empty means normal. */
  public Set<ConfidentialityLabel> labels() {
    return labels;
  }

  /** The producer's unique id of this version ({@code masterIdentifier}). */
  public String uniqueId() {
    return uniqueId;
  }

  /** The id of the document this version replaces (DOC-3), if any. */
  public Optional<String> replaces() {
    return Optional.ofNullable(replaces);
  }

  /**
   * Builds a {@link DocumentDeposit}; every field but the labels, unique id and date is required.
   */
  public static final class Builder {
    private @Nullable Ins patient;
    private @Nullable DocumentType type;
    private @Nullable String title;
    private byte @Nullable [] content;
    private @Nullable InputStream stream;
    private @Nullable String mimeType;
    private @Nullable Instant creation;
    private final Set<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
    private @Nullable String uniqueId;
    private @Nullable String replaces;

    private Builder() {}

    /** The patient whose dossier receives the document. */
    public Builder patient(Ins patient) {
      this.patient = patient;
      return this;
    }

    /** The document type, from the LOINC code list. */
    public Builder type(DocumentType type) {
      this.type = type;
      return this;
    }

    /** The title shown to readers. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The content as bytes (copied) and its MIME type. */
    public Builder content(byte[] content, String mimeType) {
      this.content = content.clone();
      this.stream = null;
      this.mimeType = mimeType;
      return this;
    }

    /** The content as a stream, read once by {@link #build()}, and its MIME type. */
    public Builder content(InputStream content, String mimeType) {
      this.stream = content;
      this.content = null;
      this.mimeType = mimeType;
      return this;
    }

    /** When the producer created the document; defaults to the time of {@link #build()}. */
    public Builder creation(Instant creation) {
      this.creation = creation;
      return this;
    }

    /** Adds visibility labels (DOC-6). {@link ConfidentialityLabel#NORMAL} adds nothing. */
    public Builder labels(ConfidentialityLabel... labels) {
      for (ConfidentialityLabel l : labels) {
        if (l != ConfidentialityLabel.NORMAL) {
          this.labels.add(l);
        }
      }
      return this;
    }

    /** The producer's unique id of this version, e.g. {@code urn:oid:1.2.250.…}. */
    public Builder uniqueId(String uniqueId) {
      this.uniqueId = uniqueId;
      return this;
    }

    /** Makes this deposit a new version of the given document (DOC-3). */
    public Builder replaces(String documentId) {
      this.replaces = documentId;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws InvalidValueException naming the first missing or invalid field
     */
    public DocumentDeposit build() {
      require(patient, "patient");
      require(type, "type");
      if (title == null || title.isBlank()) {
        throw new InvalidValueException("title is required");
      }
      if (mimeType == null || !mimeType.matches("[\\w.+-]+/[\\w.+-]+")) {
        throw new InvalidValueException(
            "content and a MIME type like application/pdf are required");
      }
      byte[] bytes = content;
      if (bytes == null && stream != null) {
        try (InputStream in = stream) {
          bytes = in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException("reading the document content failed", e);
        }
      }
      if (bytes == null || bytes.length == 0) {
        throw new InvalidValueException("content is required and must not be empty");
      }
      if (uniqueId != null
          && !uniqueId.matches("urn:(oid:[0-2](\\.\\d+)+|uuid:[0-9a-fA-F-]{36})")) {
        throw new InvalidValueException("uniqueId must be urn:oid:<OID> or urn:uuid:<UUID>");
      }
      String id = uniqueId != null ? uniqueId : "urn:uuid:" + UUID.randomUUID();
      Instant created = creation != null ? creation : Instant.now();
      return new DocumentDeposit(this, bytes, id, created);
    }

    private static void require(@Nullable Object value, String name) {
      if (value == null) {
        throw new InvalidValueException(name + " is required");
      }
    }
  }

  @Override
  public String toString() {
    return "DocumentDeposit[type="
        + type.code()
        + ", mimeType="
        + mimeType
        + ", size="
        + content.length
        + ", labels="
        + labels
        + "]";
  }
}
