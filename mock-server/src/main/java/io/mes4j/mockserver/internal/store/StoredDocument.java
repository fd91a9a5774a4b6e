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
 * @param replaces the id of the version this one replaces (DOC-3), or null
 * @param invisibleSince when {@code INVISIBLE_PATIENT} was last set, the start of its 2-week notice
 *     and 1-month lift (DOC-6), or null when the label is not set
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
    Instant lastUpdated,
    @Nullable String replaces,
    @Nullable Instant invisibleSince) {

  public StoredDocument {
    labels = Set.copyOf(labels);
  }

  /** Status {@code entered-in-error}: logically deleted (DOC-5), out of every search and read. */
  public boolean deleted() {
    return "entered-in-error".equals(status);
  }

  /**
   * This document after a change of its mutable fields (DOC-8: labels, status, archive flag), as a
   * new version updated at {@code at}.
   */
  public StoredDocument changed(
      Set<ConfidentialityLabel> newLabels,
      String newStatus,
      boolean newArchived,
      @Nullable Instant newInvisibleSince,
      Instant at) {
    return new StoredDocument(
        id,
        binaryId,
        listId,
        seq,
        masterIdentifier,
        type,
        newLabels,
        newStatus,
        newArchived,
        authorId,
        authorSystem,
        contentType,
        content,
        sha1,
        sha256,
        title,
        creation,
        date,
        version + 1,
        at,
        replaces,
        newInvisibleSince);
  }

  public long size() {
    return content.length;
  }

  @Override
  public String toString() {
    return "StoredDocument[" + id + ", " + type.code() + ", " + status + "]";
  }
}
