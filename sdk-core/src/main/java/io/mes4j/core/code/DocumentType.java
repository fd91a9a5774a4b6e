package io.mes4j.core.code;

import io.mes4j.core.error.InvalidValueException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The type of a health document: a LOINC code from the table of document types Mon espace santé
 * accepts (rule DOC-2), with its French label and its {@link DocumentGroup}.
 *
 * <p>The table is the resource {@code document-types.csv} beside this class, a copy of the
 * project's {@code spec/codes/document-types.csv}; it is read once, when this class is first used.
 * The constants below are the usual types; {@link #of(String)} gives any type of the table and
 * refuses any other code.
 *
 * <pre>{@code
 * DocumentType type = DocumentType.of("11502-2"); // == DocumentType.LABORATORY_REPORT
 * type.label(); // "CR d'examens biologiques"
 * }</pre>
 */
public final class DocumentType {
  /** The code system of document types: LOINC. */
  public static final String SYSTEM = "http://loinc.org";

  /** CR ou fiche de consultation ou de visite, LOINC 11488-4. */
  public static final DocumentType CONSULTATION_REPORT = of("11488-4");

  /** Lettre de liaison à la sortie d'un établissement de soins, LOINC 11490-0. */
  public static final DocumentType DISCHARGE_LETTER = of("11490-0");

  /** CR hospitalier (séjour), LOINC 34112-3. */
  public static final DocumentType HOSPITAL_REPORT = of("34112-3");

  /** CR d'examens biologiques, LOINC 11502-2. */
  public static final DocumentType LABORATORY_REPORT = of("11502-2");

  /** CR d'imagerie médicale, LOINC 18748-4. */
  public static final DocumentType IMAGING_REPORT = of("18748-4");

  /** CR opératoire, LOINC 34874-8. */
  public static final DocumentType OPERATIVE_REPORT = of("34874-8");

  /** CR de passage aux urgences, LOINC 15507-7. */
  public static final DocumentType EMERGENCY_REPORT = of("15507-7");

  /** CR d'accouchement, LOINC 15508-5. */
  public static final DocumentType DELIVERY_REPORT = of("15508-5");

  /** Synthèse d'épisode de soins, LOINC 34133-9. */
  public static final DocumentType CARE_EPISODE_SUMMARY = of("34133-9");

  /** Synthèse du dossier médical (VSM), LOINC 60591-5. */
  public static final DocumentType MEDICAL_SUMMARY = of("60591-5");

  /** Prescription de produits de santé, LOINC 57833-6. */
  public static final DocumentType PRESCRIPTION_PRODUCTS = of("57833-6");

  /** Note de vaccination, LOINC 87273-9. */
  public static final DocumentType VACCINATION_NOTE = of("87273-9");

  /** Plan personnalisé de soins, LOINC 18776-5. */
  public static final DocumentType CARE_PLAN = of("18776-5");

  /** CR de génétique moléculaire, LOINC 51969-4. */
  public static final DocumentType GENETICS_REPORT = of("51969-4");

  /** Synthèse psychiatrique, LOINC 68599-0. */
  public static final DocumentType PSYCHIATRIC_SUMMARY = of("68599-0");

  /** Directives anticipées, LOINC 75320-2. */
  public static final DocumentType ADVANCE_DIRECTIVES = of("75320-2");

  /** Certificat médical, LOINC 89601-9. */
  public static final DocumentType MEDICAL_CERTIFICATE = of("89601-9");

  private final String code;
  private final String label;
  private final DocumentGroup group;

  private DocumentType(String code, String label, DocumentGroup group) {
    this.code = code;
    this.label = label;
    this.group = group;
  }

  /**
   * Returns the document type whose LOINC code is {@code loinc}.
   *
   * @param loinc a LOINC code of the table, such as {@code 11502-2}
   * @return the document type
   * @throws InvalidValueException if the code is not in the table
   */
  public static DocumentType of(String loinc) {
    return find(loinc)
        .orElseThrow(() -> new InvalidValueException("unknown document type code " + loinc));
  }

  /**
   * Finds the document type whose LOINC code is {@code loinc}, without throwing.
   *
   * @param loinc a candidate LOINC code
   * @return the document type, or empty if the code is not in the table
   */
  public static Optional<DocumentType> find(@Nullable String loinc) {
    return loinc == null ? Optional.empty() : Optional.ofNullable(Table.BY_CODE.get(loinc));
  }

  /**
   * Returns every document type of the table, in table order.
   *
   * @return an unmodifiable list
   */
  public static List<DocumentType> values() {
    return Table.ALL;
  }

  /**
   * Returns the LOINC code.
   *
   * @return the code, such as {@code 11502-2}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the French label of the type, as the national terminology displays it.
   *
   * @return the label, such as {@code CR d'examens biologiques}
   */
  public String label() {
    return label;
  }

  /**
   * Returns the group the type belongs to.
   *
   * @return the group
   */
  public DocumentGroup group() {
    return group;
  }

  /**
   * Two document types are equal when their codes are.
   *
   * @param other the object to compare with
   * @return whether {@code other} has the same LOINC code
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof DocumentType type && type.code.equals(code);
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
   * Returns the code and label.
   *
   * @return {@code DocumentType[11502-2 CR d'examens biologiques]} and the like
   */
  @Override
  public String toString() {
    return "DocumentType[" + code + " " + label + "]";
  }

  /** The table, read on first use (holder idiom: thread-safe, read once). */
  private static final class Table {
    static final Map<String, DocumentType> BY_CODE;
    static final List<DocumentType> ALL;

    static {
      Map<String, DocumentType> byCode = new LinkedHashMap<>();
      for (Map<String, String> row : CsvTable.load("document-types.csv").rows()) {
        String code = CsvTable.get(row, "loinc");
        DocumentType type =
            new DocumentType(
                code,
                CsvTable.get(row, "label_fr"),
                DocumentGroup.fromCode(CsvTable.get(row, "group")));
        if (byCode.put(code, type) != null) {
          throw new IllegalStateException("duplicate document type code " + code);
        }
      }
      BY_CODE = Map.copyOf(byCode);
      ALL = List.copyOf(byCode.values());
    }

    private Table() {}
  }
}
