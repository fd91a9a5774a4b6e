package io.mes4j.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinessTest {

  // ID-3
  @ParameterizedTest
  @ValueSource(
      strings = {
        "750000010", // fixture establishment
        "130000029", // fixture SAMU 13
        "750712184", // AP-HP, a published real number
        "690781810", // Hospices civils de Lyon
        "130786049", // AP-HM
        "2A0000014", // Corsica: format checked, key not (see Finess Javadoc)
        "2B0000125"
      })
  void of_whenNineCharactersWithRightKey_acceptsIt(String finess) {
    // GIVEN a FINESS number WHEN parsed
    Finess f = Finess.of(finess);

    // THEN it is kept, and idNat_Struct is 1 + FINESS
    assertThat(f.value()).isEqualTo(finess);
    assertThat(f.idNatStruct()).isEqualTo("1" + finess);
  }

  // ID-3
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      value = {
        "'', must be 9 characters, got 0", // empty
        "75000001, must be 9 characters, got 8",
        "7500000100, must be 9 characters, got 10",
        "750000011, wrong check digit (Luhn)", // key changed
        "705000010, wrong check digit (Luhn)", // two digits swapped
        "75000001X, non-digit character at position 9",
        "2C0000010, non-digit character at position 2 (the department", // 2C is no department
        "A20000010, non-digit character at position 1"
      },
      emptyValue = "")
  void of_whenValueBreaksTheRule_refusesIt(String finess, String reason) {
    // GIVEN a malformed FINESS WHEN parsed THEN it is refused with the reason
    assertThatThrownBy(() -> Finess.of(finess))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason);
  }

  // ID-3
  @Test
  void idNatStruct_ofTheFixtureEstablishment_is1750000010() {
    // GIVEN the fixture hospital WHEN its structure id is asked THEN it is 1 + FINESS
    assertThat(Finess.of("750000010").idNatStruct()).isEqualTo("1750000010");
    assertThat(Finess.STRUCT_SYSTEM).isEqualTo("urn:oid:1.2.250.1.71.4.2.2");
  }
}
