package io.mes4j.core.code;

import io.mes4j.core.error.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A health profession from the national terminology TRE_G15 (rule ID-2), code system {@value
 * #SYSTEM}.
 *
 * <p>The table is the resource {@code professions.csv} beside this class, a copy of the project's
 * {@code spec/codes/professions.csv}; it is read once, when this class is first used. The constants
 * below are the professions the habilitation matrix names; {@link #of(String)} gives any profession
 * of the table and refuses any other code.
 *
 * <pre>{@code
 * Profession p = Profession.of("21"); // == Profession.PHARMACIST
 * p.labelFr(); // "Pharmacien"
 * }</pre>
 */
public final class Profession {
  /** The code system of professions: TRE_G15 ProfessionSante. */
  public static final String SYSTEM =
      "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";

  /** Médecin, code 10. */
  public static final Profession PHYSICIAN = of("10");

  /** Pharmacien, code 21. */
  public static final Profession PHARMACIST = of("21");

  /** Chirurgien-Dentiste, code 40. */
  public static final Profession DENTIST = of("40");

  /** Sage-Femme, code 50. */
  public static final Profession MIDWIFE = of("50");

  /** Infirmier, code 60. */
  public static final Profession NURSE = of("60");

  /** Masseur-Kinésithérapeute, code 70. */
  public static final Profession PHYSIOTHERAPIST = of("70");

  /** Pédicure-Podologue, code 80. */
  public static final Profession PODIATRIST = of("80");

  /** Orthophoniste, code 91. */
  public static final Profession SPEECH_THERAPIST = of("91");

  private final String code;
  private final String labelFr;
  private final String labelEn;

  private Profession(String code, String labelFr, String labelEn) {
    this.code = code;
    this.labelFr = labelFr;
    this.labelEn = labelEn;
  }

  /**
   * Returns the profession whose TRE_G15 code is {@code code}.
   *
   * @param code a code of the table, such as {@code 10}
   * @return the profession
   * @throws InvalidValueException if the code is not in the table
   */
  public static Profession of(String code) {
    return find(code)
        .orElseThrow(() -> new InvalidValueException("unknown profession code " + code));
  }

  /**
   * Finds the profession whose TRE_G15 code is {@code code}, without throwing.
   *
   * @param code a candidate code
   * @return the profession, or empty if the code is not in the table
   */
  public static Optional<Profession> find(@Nullable String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(Table.BY_CODE.get(code));
  }

  /**
   * Returns every profession of the table, in table order.
   *
   * @return an unmodifiable list
   */
  public static List<Profession> values() {
    return Table.ALL;
  }

  /**
   * Returns the TRE_G15 code.
   *
   * @return the code, such as {@code 10}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the French label, as the national terminology displays it.
   *
   * @return the label, such as {@code Médecin}
   */
  public String labelFr() {
    return labelFr;
  }

  /**
   * Returns an English label, for logs and English-language user interfaces.
   *
   * @return the label, such as {@code Physician}
   */
  public String labelEn() {
    return labelEn;
  }

  /**
   * Two professions are equal when their codes are.
   *
   * @param other the object to compare with
   * @return whether {@code other} has the same code
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Profession p && p.code.equals(code);
  }

  /**
   * Returns a hash of the code.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return code.hashCode();
  }

  /**
   * Returns the code and English label.
   *
   * @return {@code Profession[10 Physician]} and the like
   */
  @Override
  public String toString() {
    return "Profession[" + code + " " + labelEn + "]";
  }

  /** The table, read on first use (holder idiom: thread-safe, read once). */
  private static final class Table {
    static final Map<String, Profession> BY_CODE;
    static final List<Profession> ALL;

    static {
      Map<String, Profession> byCode = new LinkedHashMap<>();
      for (Map<String, String> row : CsvTable.load("professions.csv").rows()) {
        String code = CsvTable.get(row, "code");
        Profession profession =
            new Profession(code, CsvTable.get(row, "label_fr"), CsvTable.get(row, "label_en"));
        if (byCode.put(code, profession) != null) {
          throw new IllegalStateException("duplicate profession code " + code);
        }
      }
      BY_CODE = Map.copyOf(byCode);
      ALL = List.copyOf(byCode.values());
    }

    private Table() {}
  }
}
