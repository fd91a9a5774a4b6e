package io.mes4j.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfessionTest {

  // ID-2
  @Test
  void values_holdEveryRowOfTheTable() throws IOException {
    // GIVEN the rows of professions.csv, read here independently of the class
    List<String> lines = DocumentTypeTest.resourceLines("professions.csv");

    // WHEN the class loads its table
    List<Profession> professions = Profession.values();

    // THEN every row is a profession, in table order, with both labels
    assertThat(professions).hasSize(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      Profession p = professions.get(i - 1);
      assertThat(lines.get(i)).isEqualTo(p.code() + "," + p.labelFr() + "," + p.labelEn());
    }
  }

  // ID-2
  @ParameterizedTest
  @CsvSource({
    "10, PHYSICIAN, Médecin",
    "21, PHARMACIST, Pharmacien",
    "40, DENTIST, Chirurgien-Dentiste",
    "50, MIDWIFE, Sage-Femme",
    "60, NURSE, Infirmier",
    "70, PHYSIOTHERAPIST, Masseur-Kinésithérapeute",
    "80, PODIATRIST, Pédicure-Podologue",
    "91, SPEECH_THERAPIST, Orthophoniste"
  })
  void constant_isTheTableEntryOfItsCode(String code, String constant, String labelFr)
      throws ReflectiveOperationException {
    // GIVEN the public constant of that name
    Profession p = (Profession) Profession.class.getField(constant).get(null);

    // THEN it carries the code and French label of TRE_G15
    assertThat(p.code()).isEqualTo(code);
    assertThat(p.labelFr()).isEqualTo(labelFr);
    assertThat(Profession.of(code)).isSameAs(p);
  }

  // ID-2
  @Test
  void of_whenCodeIsNotInTheTable_refusesIt() {
    // GIVEN a code absent from TRE_G15 WHEN parsed THEN it is refused as unknown
    assertThatThrownBy(() -> Profession.of("99"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("unknown profession code 99");
    assertThat(Profession.find("99")).isEmpty();
    assertThat(Profession.find("21")).contains(Profession.PHARMACIST);
  }

  @Test
  void system_isTreG15() {
    // THEN the code system is the national one
    assertThat(Profession.SYSTEM)
        .isEqualTo(
            "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante");
  }
}
