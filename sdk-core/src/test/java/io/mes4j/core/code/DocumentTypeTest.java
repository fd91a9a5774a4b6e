package io.mes4j.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTypeTest {

  // DOC-2
  @Test
  void values_holdEveryRowOfTheTable_withLabelAndGroup() throws IOException {
    // GIVEN the rows of document-types.csv, read here independently of the class
    List<String> lines = resourceLines("document-types.csv");

    // WHEN the class loads its table
    List<DocumentType> types = DocumentType.values();

    // THEN every row is a type with its label and group, in table order
    assertThat(types).hasSize(lines.size() - 1);
    for (int i = 1; i < lines.size(); i++) {
      DocumentType type = types.get(i - 1);
      assertThat(lines.get(i)).startsWith(type.code() + ",").endsWith("," + type.group().code());
      assertThat(lines.get(i)).contains(type.label());
      assertThat(DocumentType.of(type.code())).isSameAs(type);
    }
  }

  // DOC-2
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "11488-4|CONSULTATION_REPORT|CLINICAL",
        "11490-0|DISCHARGE_LETTER|CLINICAL",
        "34112-3|HOSPITAL_REPORT|CLINICAL",
        "11502-2|LABORATORY_REPORT|LABORATORY",
        "18748-4|IMAGING_REPORT|IMAGING",
        "34874-8|OPERATIVE_REPORT|CLINICAL",
        "15507-7|EMERGENCY_REPORT|CLINICAL",
        "15508-5|DELIVERY_REPORT|OBSTETRICS",
        "34133-9|CARE_EPISODE_SUMMARY|SUMMARY",
        "60591-5|MEDICAL_SUMMARY|SUMMARY",
        "57833-6|PRESCRIPTION_PRODUCTS|PRESCRIPTION",
        "87273-9|VACCINATION_NOTE|VACCINATION",
        "18776-5|CARE_PLAN|CARE_PLAN",
        "51969-4|GENETICS_REPORT|GENETICS",
        "68599-0|PSYCHIATRIC_SUMMARY|PSYCHIATRY",
        "75320-2|ADVANCE_DIRECTIVES|ADVANCE_DIRECTIVE",
        "89601-9|MEDICAL_CERTIFICATE|CLINICAL"
      })
  void constant_isTheTableEntryOfItsCode(String code, String constant, DocumentGroup group)
      throws ReflectiveOperationException {
    // GIVEN the public constant of that name
    DocumentType type = (DocumentType) DocumentType.class.getField(constant).get(null);

    // THEN it carries the code and group of the table and is the instance of(code) returns
    assertThat(type.code()).isEqualTo(code);
    assertThat(type.group()).isEqualTo(group);
    assertThat(DocumentType.of(code)).isSameAs(type);
  }

  @Test
  void label_isTheFrenchLabelInUtf8() {
    // GIVEN a type whose label has accents WHEN read THEN accents survive
    assertThat(DocumentType.DISCHARGE_LETTER.label())
        .isEqualTo("Lettre de liaison à la sortie d'un établissement de soins");
  }

  // DOC-2
  @Test
  void of_whenCodeIsNotInTheTable_refusesIt() {
    // GIVEN a LOINC code that Mon espace santé does not accept
    // WHEN parsed THEN it is refused as unknown
    assertThatThrownBy(() -> DocumentType.of("12345-6"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("unknown document type code 12345-6");
    assertThat(DocumentType.find("12345-6")).isEmpty();
    assertThat(DocumentType.find(null)).isEmpty();
  }

  @Test
  void equals_comparesTheCode() {
    // GIVEN the same type found twice THEN they are equal
    assertThat(DocumentType.find("11502-2")).contains(DocumentType.LABORATORY_REPORT);
    assertThat(DocumentType.LABORATORY_REPORT).isNotEqualTo(DocumentType.IMAGING_REPORT);
    assertThat(DocumentType.SYSTEM).isEqualTo("http://loinc.org");
  }

  @Test
  void documentGroup_fromCode_roundTripsEveryGroup_andRefusesUnknownOnes() {
    // GIVEN every group WHEN looked up by code THEN the same group comes back
    for (DocumentGroup group : DocumentGroup.values()) {
      assertThat(DocumentGroup.fromCode(group.code())).isSameAs(group);
    }
    assertThatThrownBy(() -> DocumentGroup.fromCode("laboratory"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void everyGroup_hasAtLeastOneDocumentType() {
    // GIVEN the table THEN no group is empty (the enum and the table agree)
    Map<DocumentGroup, Long> counts =
        DocumentType.values().stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    DocumentType::group, java.util.stream.Collectors.counting()));
    assertThat(counts.keySet()).containsExactlyInAnyOrder(DocumentGroup.values());
  }

  static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = DocumentTypeTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }
}
