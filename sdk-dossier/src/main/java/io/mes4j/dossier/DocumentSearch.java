package io.mes4j.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentGroup;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The criteria of a document search (ITI-67). Only the patient is required; by default the search
 * returns current, unarchived documents, newest first, 20 a page.
 *
 * <pre>{@code
 * DocumentSearch search = DocumentSearch.forPatient(ins)
 *     .group(DocumentGroup.LABORATORY)
 *     .from(Instant.parse("2026-01-01T00:00:00Z"))
 *     .build();
 * }</pre>
 */
public final class DocumentSearch {
  private final Ins patient;
  private final Set<DocumentType> types;
  private final @Nullable DocumentGroup group;
  private final @Nullable Instant from;
  private final @Nullable Instant to;
  private final @Nullable ProfessionalId author;
  private final @Nullable ConfidentialityLabel label;
  private final boolean includeArchived;
  private final boolean includeSuperseded;
  private final int pageSize;

  private DocumentSearch(Builder b) {
    this.patient = b.patient;
    this.types = Set.copyOf(b.types);
    this.group = b.group;
    this.from = b.from;
    this.to = b.to;
    this.author = b.author;
    this.label = b.label;
    this.includeArchived = b.includeArchived;
    this.includeSuperseded = b.includeSuperseded;
    this.pageSize = b.pageSize;
  }

  /** A builder for a search of this patient's dossier. */
  public static Builder forPatient(Ins patient) {
    return new Builder(patient);
  }

  /** The patient whose dossier is searched. */
  public Ins patient() {
    return patient;
  }

  /** The types searched; empty means every type. */
  public Set<DocumentType> types() {
    return types;
  }

  /** The group searched, if any. */
  public Optional<DocumentGroup> group() {
    return Optional.ofNullable(group);
  }

  /** The lower bound (inclusive) on the date the document was stored, if any. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** The upper bound (inclusive) on the date the document was stored, if any. */
  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  /** The author searched, if any. */
  public Optional<ProfessionalId> author() {
    return Optional.ofNullable(author);
  }

  /** The label the documents must carry, if any. */
  public Optional<ConfidentialityLabel> label() {
    return Optional.ofNullable(label);
  }

  /** Whether archived documents are included (DOC-4). */
  public boolean includeArchived() {
    return includeArchived;
  }

  /** Whether replaced versions are included (DOC-3). */
  public boolean includeSuperseded() {
    return includeSuperseded;
  }

  /** The number of documents a page. */
  public int pageSize() {
    return pageSize;
  }

  /** Builds a {@link DocumentSearch}. */
  public static final class Builder {
    private final Ins patient;
    private final Set<DocumentType> types = new LinkedHashSet<>();
    private @Nullable DocumentGroup group;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private @Nullable ProfessionalId author;
    private @Nullable ConfidentialityLabel label;
    private boolean includeArchived;
    private boolean includeSuperseded;
    private int pageSize = 20;

    private Builder(Ins patient) {
      if (patient == null) {
        throw new InvalidValueException("patient is required");
      }
      this.patient = patient;
    }

    /** Restricts to these types (any of them). */
    public Builder types(DocumentType... types) {
      this.types.addAll(Set.of(types));
      return this;
    }

    /** Restricts to one group of types. */
    public Builder group(DocumentGroup group) {
      this.group = group;
      return this;
    }

    /** Documents stored at or after this instant. */
    public Builder from(Instant from) {
      this.from = from;
      return this;
    }

    /** Documents stored at or before this instant. */
    public Builder to(Instant to) {
      this.to = to;
      return this;
    }

    /** Documents deposited by this professional. */
    public Builder author(ProfessionalId author) {
      this.author = author;
      return this;
    }

    /** Documents carrying this label. */
    public Builder label(ConfidentialityLabel label) {
      this.label = label;
      return this;
    }

    /** Includes archived documents (DOC-4). */
    public Builder includeArchived(boolean include) {
      this.includeArchived = include;
      return this;
    }

    /** Includes replaced versions (DOC-3). */
    public Builder includeSuperseded(boolean include) {
      this.includeSuperseded = include;
      return this;
    }

    /** Documents a page, 1 to 100. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new InvalidValueException("pageSize must be between 1 and 100, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Validates and builds. */
    public DocumentSearch build() {
      if (from != null && to != null && to.isBefore(from)) {
        throw new InvalidValueException("the date range ends before it starts");
      }
      return new DocumentSearch(this);
    }
  }
}
