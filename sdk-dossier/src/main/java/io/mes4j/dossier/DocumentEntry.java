package io.mes4j.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A document as a search or a deposit returns it: its metadata (DOC-2), never its content (see
 * {@link Documents#retrieve(DocumentEntry)}).
 *
 * @param id the server's id of this version ({@code DocumentReference.id})
 * @param uniqueId the producer's unique id ({@code masterIdentifier})
 * @param type the document type
 * @param title the title
 * @param status current, superseded or deleted
 * @param labels the visibility labels (empty means normal)
 * @param archived whether the document is archived (DOC-4)
 * @param author who deposited it
 * @param mimeType the content's MIME type
 * @param size the content's length in bytes
 * @param sha1 the content's SHA-1, base64 (FHIR {@code Attachment.hash})
 * @param binaryId the id of the content ({@code Binary/{id}})
 * @param created when the producer created it
 * @param indexed when the server stored it
 * @param replacesId the id of the version this one replaces, or null
 */
public record DocumentEntry(
    String id,
    String uniqueId,
    DocumentType type,
    String title,
    DocumentStatus status,
    Set<ConfidentialityLabel> labels,
    boolean archived,
    Author author,
    String mimeType,
    long size,
    String sha1,
    String binaryId,
    @Nullable Instant created,
    Instant indexed,
    @Nullable String replacesId) {

  /** Copies the labels, so that the entry stays immutable. */
  public DocumentEntry {
    labels = Set.copyOf(labels);
  }

  /** The id of the version this one replaces (DOC-3), if any. */
  public Optional<String> replaces() {
    return Optional.ofNullable(replacesId);
  }

  /** Whether the holder masked it to professionals (DOC-6). */
  public boolean isMasked() {
    return labels.contains(ConfidentialityLabel.MASQUE_PS);
  }

  @Override
  public String toString() {
    return "DocumentEntry[id="
        + id
        + ", type="
        + type.code()
        + ", status="
        + status
        + ", labels="
        + labels
        + ", size="
        + size
        + "]";
  }
}
