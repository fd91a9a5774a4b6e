package io.mes4j.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfidentialityLabelTest {

  // DOC-6
  @Test
  void everyRowOfTheTable_isALabelWithTheSameSystemAndFrenchLabel() throws IOException {
    // GIVEN the rows of confidentiality.csv
    List<String> lines = DocumentTypeTest.resourceLines("confidentiality.csv");

    // THEN each row is one constant, with its system and label, and every constant has a row
    assertThat(lines).hasSize(ConfidentialityLabel.values().length + 1);
    for (String line : lines.subList(1, lines.size())) {
      String code = line.substring(0, line.indexOf(','));
      ConfidentialityLabel label = ConfidentialityLabel.fromCode(code);
      assertThat(line).startsWith(code + "," + label.system() + "," + label.labelFr() + ",");
    }
  }

  // DOC-6
  @ParameterizedTest
  @EnumSource(ConfidentialityLabel.class)
  void fromCode_roundTripsEveryLabel(ConfidentialityLabel label) {
    // GIVEN a label WHEN looked up by its code THEN the same label comes back
    assertThat(ConfidentialityLabel.fromCode(label.code())).isSameAs(label);
  }

  // DOC-6
  @Test
  void normal_isHl7N_andTheRestrictionsAreTreA07() {
    // THEN NORMAL is HL7 "N" and the others are in TRE_A07
    assertThat(ConfidentialityLabel.NORMAL.code()).isEqualTo("N");
    assertThat(ConfidentialityLabel.NORMAL.system())
        .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-Confidentiality");
    assertThat(ConfidentialityLabel.MASQUE_PS.system())
        .isEqualTo(
            "https://mos.esante.gouv.fr/NOS/TRE_A07-StatutVisibiliteDocument/FHIR/TRE-A07-StatutVisibiliteDocument");
    assertThat(ConfidentialityLabel.MASQUE_PS.labelFr())
        .isEqualTo("Masqué aux professionnels de santé");
  }

  // DOC-6
  @Test
  void fromCode_whenUnknown_refusesIt() {
    // GIVEN a code of no label WHEN looked up THEN it is refused
    assertThatThrownBy(() -> ConfidentialityLabel.fromCode("R"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("unknown confidentiality label code R");
  }
}
