package io.mes4j.mockserver.internal.store;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One deposited document, immutable: a change (labels, status, archive flag) stores a new value.
 *
 * @param seq insertion order within the store, the tie-break of "newest first"
 * @param authorSystem identifier system of the author (INS, idNat_PS or idNat_Struct)
 */
public record StoredDocument(
    String id,
    String binaryId,
    String listId,
    long seq,
    String masterIdentifier,
    DocumentType type,
    Set<ConfidentialityLabel> labels,
    String status,
    boolean archived,
    String authorId,
    String authorSystem,
    String contentType,
    byte[] content,
    String sha1,
    String sha256,
    @Nullable String title,
    @Nullable Instant creation,
    Instant date,
    int version,
    Instant lastUpdated) {

  public StoredDocument {
    labels = Set.copyOf(labels);
  }

  public long size() {
    return content.length;
  }

  @Override
  public String toString() {
    return "StoredDocument[" + id + ", " + type.code() + ", " + status + "]";
  }
}
