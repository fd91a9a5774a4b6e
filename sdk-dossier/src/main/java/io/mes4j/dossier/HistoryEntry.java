package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A medical or surgical history entry of the medical profile (PRO-1), a FHIR {@code Condition}.
 *
 * <pre>{@code
 * HistoryEntry appendectomy = HistoryEntry.builder()
 *     .kind(HistoryKind.SURGICAL)
 *     .description("Appendicectomie")
 *     .onset(LocalDate.of(1995, 4, 2))
 *     .build();
 * }</pre>
 */
public final class HistoryEntry {
  private final HistoryKind kind;
  private final String description;
  private final @Nullable ClinicalCode code;
  private final @Nullable LocalDate onset;
  private final boolean ongoing;

  private HistoryEntry(Builder b, HistoryKind kind, String description) {
    this.kind = kind;
    this.description = description;
    this.code = b.code;
    this.onset = b.onset;
    this.ongoing = b.ongoing == null ? kind == HistoryKind.MEDICAL : b.ongoing;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Medical or surgical. */
  public HistoryKind kind() {
    return kind;
  }

  /** What it is, in words. */
  public String description() {
    return description;
  }

  /** Its code (CIM-10, SNOMED CT, CCAM…), if given. */
  public Optional<ClinicalCode> code() {
    return Optional.ofNullable(code);
  }

  /** When it began (or the operation's date), if known. */
  public Optional<LocalDate> onset() {
    return Optional.ofNullable(onset);
  }

  /** Whether it is ongoing (clinical status {@code active}) rather than resolved. */
  public boolean ongoing() {
    return ongoing;
  }

  /** Only the kind: the description is health data. */
  @Override
  public String toString() {
    return "HistoryEntry[" + kind + "]";
  }

  /** Builds a {@link HistoryEntry}; kind and description are required. */
  public static final class Builder {
    private @Nullable HistoryKind kind;
    private @Nullable String description;
    private @Nullable ClinicalCode code;
    private @Nullable LocalDate onset;
    private @Nullable Boolean ongoing;

    private Builder() {}

    /** Medical or surgical. */
    public Builder kind(HistoryKind kind) {
      this.kind = kind;
      return this;
    }

    /** What it is, in words (1 to 500 characters). */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Its code, optional. */
    public Builder code(@Nullable ClinicalCode code) {
      this.code = code;
      return this;
    }

    /** When it began, optional. */
    public Builder onset(@Nullable LocalDate onset) {
      this.onset = onset;
      return this;
    }

    /** Ongoing or resolved; by default a medical entry is ongoing and a surgical one is not. */
    public Builder ongoing(boolean ongoing) {
      this.ongoing = ongoing;
      return this;
    }

    /**
     * @throws InvalidValueException if the kind or the description is missing
     */
    public HistoryEntry build() {
      if (kind == null) {
        throw new InvalidValueException("a history entry needs a kind (MEDICAL or SURGICAL)");
      }
      return new HistoryEntry(this, kind, ProfileTexts.check(description, "a description"));
    }
  }
}
