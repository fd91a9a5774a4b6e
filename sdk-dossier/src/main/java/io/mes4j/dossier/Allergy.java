package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An allergy or intolerance of the medical profile (PRO-1), a FHIR {@code AllergyIntolerance}.
 *
 * <pre>{@code
 * Allergy penicillin = Allergy.builder()
 *     .substance("Pénicilline")
 *     .category(Allergy.Category.MEDICATION)
 *     .criticality(Allergy.Criticality.HIGH)
 *     .reaction("Urticaire")
 *     .build();
 * }</pre>
 */
public final class Allergy {
  /** What the substance is (FHIR {@code AllergyIntolerance.category}). */
  public enum Category {
    /** A food. */
    FOOD("food"),
    /** A medication. */
    MEDICATION("medication"),
    /** Something of the environment (pollen, dust, animals…). */
    ENVIRONMENT("environment"),
    /** A biologic (vaccine, blood product…). */
    BIOLOGIC("biologic");

    private final String code;

    Category(String code) {
      this.code = code;
    }

    /** The FHIR code. */
    public String code() {
      return code;
    }
  }

  /** How serious a reaction could be (FHIR {@code AllergyIntolerance.criticality}). */
  public enum Criticality {
    /** Not likely to be life-threatening. */
    LOW("low"),
    /** May be life-threatening. */
    HIGH("high"),
    /** Could not be assessed. */
    UNABLE_TO_ASSESS("unable-to-assess");

    private final String code;

    Criticality(String code) {
      this.code = code;
    }

    /** The FHIR code. */
    public String code() {
      return code;
    }
  }

  private static final int MAX_REACTIONS = 20;

  private final String substance;
  private final @Nullable ClinicalCode code;
  private final @Nullable Category category;
  private final @Nullable Criticality criticality;
  private final List<String> reactions;

  private Allergy(Builder b, String substance) {
    this.substance = substance;
    this.code = b.code;
    this.category = b.category;
    this.criticality = b.criticality;
    this.reactions = List.copyOf(b.reactions);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The substance, in words. */
  public String substance() {
    return substance;
  }

  /** The substance's code, if given. */
  public Optional<ClinicalCode> code() {
    return Optional.ofNullable(code);
  }

  /** The category, if given. */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  /** The criticality, if given. */
  public Optional<Criticality> criticality() {
    return Optional.ofNullable(criticality);
  }

  /** The reactions observed, in words; may be empty. */
  public List<String> reactions() {
    return reactions;
  }

  /** Only the category: the substance is health data. */
  @Override
  public String toString() {
    return "Allergy[" + (category == null ? "" : category) + "]";
  }

  /** Builds an {@link Allergy}; the substance is required. */
  public static final class Builder {
    private @Nullable String substance;
    private @Nullable ClinicalCode code;
    private @Nullable Category category;
    private @Nullable Criticality criticality;
    private final List<String> reactions = new ArrayList<>();

    private Builder() {}

    /** The substance, in words (1 to 500 characters). */
    public Builder substance(String substance) {
      this.substance = substance;
      return this;
    }

    /** The substance's code, optional. */
    public Builder code(@Nullable ClinicalCode code) {
      this.code = code;
      return this;
    }

    /** The category, optional. */
    public Builder category(@Nullable Category category) {
      this.category = category;
      return this;
    }

    /** The criticality, optional. */
    public Builder criticality(@Nullable Criticality criticality) {
      this.criticality = criticality;
      return this;
    }

    /** Adds a reaction observed, in words (at most 20). */
    public Builder reaction(String reaction) {
      reactions.add(reaction);
      return this;
    }

    /**
     * @throws InvalidValueException if the substance is missing, or a text is blank or too long
     */
    public Allergy build() {
      if (reactions.size() > MAX_REACTIONS) {
        throw new InvalidValueException("an allergy holds at most " + MAX_REACTIONS + " reactions");
      }
      for (String r : reactions) {
        ProfileTexts.check(r, "a reaction");
      }
      return new Allergy(this, ProfileTexts.check(substance, "the substance"));
    }
  }
}
