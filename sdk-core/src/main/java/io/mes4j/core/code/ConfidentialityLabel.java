package io.mes4j.core.code;

import io.mes4j.core.error.InvalidValueException;
import java.util.HashMap;
import java.util.Map;

/**
 * A confidentiality label of a document (rule DOC-6), carried in {@code
 * DocumentReference.securityLabel}.
 *
 * <p>{@link #NORMAL} is HL7's {@code N}; the three restrictions come from the national terminology
 * TRE_A07 (document visibility status). The French labels are read once, on first use, from the
 * resource {@code confidentiality.csv} beside this class, a copy of the project's {@code
 * spec/codes/confidentiality.csv}.
 */
public enum ConfidentialityLabel {
  /** No restriction beyond the access rules. */
  NORMAL("N", ConfidentialityLabel.HL7_SYSTEM),
  /** Hidden from health professionals, set by the holder. */
  MASQUE_PS("MASQUE_PS", ConfidentialityLabel.TRE_A07_SYSTEM),
  /** Not visible to the patient, set by the author pending an announcement consultation. */
  INVISIBLE_PATIENT("INVISIBLE_PATIENT", ConfidentialityLabel.TRE_A07_SYSTEM),
  /** A minor's document hidden from their legal representatives. */
  INVISIBLE_REPRESENTANTS_LEGAUX(
      "INVISIBLE_REPRESENTANTS_LEGAUX", ConfidentialityLabel.TRE_A07_SYSTEM);

  private static final String HL7_SYSTEM =
      "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
  private static final String TRE_A07_SYSTEM =
      "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument";

  private final String code;
  private final String system;

  ConfidentialityLabel(String code, String system) {
    this.code = code;
    this.system = system;
  }

  /**
   * Returns the code of the label in its system.
   *
   * @return {@code N}, {@code MASQUE_PS}, {@code INVISIBLE_PATIENT} or {@code
   *     INVISIBLE_REPRESENTANTS_LEGAUX}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the code system of the label.
   *
   * @return HL7 v3-Confidentiality for {@link #NORMAL}, TRE_A07 for the others
   */
  public String system() {
    return system;
  }

  /**
   * Returns the French label, as the national terminology displays it.
   *
   * @return the label, such as {@code Masqué aux professionnels de santé}
   */
  public String labelFr() {
    String label = Labels.BY_CODE.get(code);
    if (label == null) {
      throw new IllegalStateException("confidentiality.csv has no row for " + code);
    }
    return label;
  }

  /**
   * Returns the label whose code is {@code code}.
   *
   * @param code {@code N}, {@code MASQUE_PS}, {@code INVISIBLE_PATIENT} or {@code
   *     INVISIBLE_REPRESENTANTS_LEGAUX}
   * @return the label
   * @throws InvalidValueException if no label has this code
   */
  public static ConfidentialityLabel fromCode(String code) {
    for (ConfidentialityLabel label : values()) {
      if (label.code.equals(code)) {
        return label;
      }
    }
    throw new InvalidValueException("unknown confidentiality label code " + code);
  }

  /** The French labels, read on first use. */
  private static final class Labels {
    static final Map<String, String> BY_CODE;

    static {
      Map<String, String> byCode = new HashMap<>();
      for (Map<String, String> row : CsvTable.load("confidentiality.csv").rows()) {
        String code = CsvTable.get(row, "code");
        ConfidentialityLabel label = fromCode(code);
        if (!label.system.equals(CsvTable.get(row, "system"))) {
          throw new IllegalStateException("confidentiality.csv gives another system for " + code);
        }
        byCode.put(code, CsvTable.get(row, "label_fr"));
      }
      BY_CODE = Map.copyOf(byCode);
    }

    private Labels() {}
  }
}
