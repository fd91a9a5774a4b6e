package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A family history entry of the medical profile (PRO-1), a FHIR {@code FamilyMemberHistory}: one
 * relative and one condition (record several entries for several conditions).
 *
 * <pre>{@code
 * FamilyHistoryEntry e = FamilyHistoryEntry.builder()
 *     .relation(FamilyRelation.MOTHER)
 *     .condition("Diabète de type 2")
 *     .build();
 * }</pre>
 */
public final class FamilyHistoryEntry {
  private final FamilyRelation relation;
  private final String condition;
  private final @Nullable ClinicalCode code;

  private FamilyHistoryEntry(
      FamilyRelation relation, String condition, @Nullable ClinicalCode code) {
    this.relation = relation;
    this.condition = condition;
    this.code = code;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The relative. */
  public FamilyRelation relation() {
    return relation;
  }

  /** The relative's condition, in words. */
  public String condition() {
    return condition;
  }

  /** The condition's code, if given. */
  public Optional<ClinicalCode> code() {
    return Optional.ofNullable(code);
  }

  /** Only the relation. */
  @Override
  public String toString() {
    return "FamilyHistoryEntry[" + relation + "]";
  }

  /** Builds a {@link FamilyHistoryEntry}; the relation and the condition are required. */
  public static final class Builder {
    private @Nullable FamilyRelation relation;
    private @Nullable String condition;
    private @Nullable ClinicalCode code;

    private Builder() {}

    /** The relative. */
    public Builder relation(FamilyRelation relation) {
      this.relation = relation;
      return this;
    }

    /** The condition, in words (1 to 500 characters). */
    public Builder condition(String condition) {
      this.condition = condition;
      return this;
    }

    /** The condition's code, optional. */
    public Builder code(@Nullable ClinicalCode code) {
      this.code = code;
      return this;
    }

    /**
     * @throws InvalidValueException if the relation or the condition is missing
     */
    public FamilyHistoryEntry build() {
      if (relation == null) {
        throw new InvalidValueException("a family history entry needs the relative's relation");
      }
      return new FamilyHistoryEntry(relation, ProfileTexts.check(condition, "the condition"), code);
    }
  }
}
