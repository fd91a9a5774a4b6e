package io.mes4j.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InsTest {

  // ID-1
  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "180017511234516, TEST_NIR", // fixture ADULT
    "285036912345656, TEST_NIR", // fixture PARENT
    "115067511300106, TEST_NIR", // fixture MINOR
    "290051305512342, TEST_NIR", // fixture PENDING
    "175029201234505, TEST_NIR", // fixture OPPOSED
    "260073155511138, TEST_NIR", // fixture CLOSED
    "155084433322248, TEST_NIR", // fixture DELETED
    "185052A12345633, NIR", // Corsica 2A -> 19
    "291072B05432113, NIR", // Corsica 2B -> 18
    "780019912345682, NIA", // temporary number
    "355029900100211, DEMO_NIR", // born abroad, registration in progress
    "875127500012380, NIA",
    "169031305501137, NIR"
  })
  void of_whenValueIsWellFormedWithRightKey_acceptsIt(String value, InsSystem system) {
    // GIVEN a matricule whose key is 97 - (N mod 97)
    // WHEN it is parsed
    Ins ins = Ins.of(value, system);

    // THEN value and system are kept
    assertThat(ins.value()).isEqualTo(value);
    assertThat(ins.system()).isEqualTo(system);
    assertThat(Ins.isValid(value)).isTrue();
  }

  // ID-1
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      value = {
        "'', must be 15 characters, got 0", // empty
        "18001751123451, must be 15 characters, got 14", // too short
        "1800175112345161, must be 15 characters, got 16", // too long
        "180017511234517, key (characters 14-15) does not match", // wrong key
        "180017511234561, key (characters 14-15) does not match", // key digits swapped
        "180017511234616, key (characters 14-15) does not match", // body digit changed
        "18001751123X516, non-digit character at position 12", // letter in the serial
        "18001751123451A, non-digit character at position 15", // letter in the key
        "185052C12345633, non-digit character at position 7", // 2C is no department
        "185052a12345633, non-digit character at position 7", // lower-case Corsica refused
        "18505A212345633, non-digit character at position 6", // letter out of place
        "2992A1234567806, non-digit character at position 5", // 2A in the month, not the department
        "580017511234516, must start with 1, 2, 3, 4, 7 or 8", // 5 is no sex code
        "080017511234516, must start with 1, 2, 3, 4, 7 or 8"
      },
      emptyValue = "")
  void of_whenValueBreaksTheRule_refusesItWithAMessageNamingTheRule(String value, String reason) {
    // GIVEN a malformed matricule
    // WHEN it is parsed THEN it is refused with the reason, never the value
    assertThatThrownBy(() -> Ins.of(value, InsSystem.TEST_NIR))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason)
        .satisfies(
            e -> {
              if (!value.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(value);
              }
            });
    assertThat(Ins.isValid(value)).isFalse();
  }

  // ID-1
  @Test
  void isValid_whenNull_isFalse() {
    // GIVEN no value WHEN checked THEN it is not valid
    assertThat(Ins.isValid(null)).isFalse();
  }

  // ID-1
  @Test
  void of_withoutSystem_usesTheDefinitiveNir() {
    // GIVEN a valid matricule WHEN parsed without a system
    Ins ins = Ins.of("180017511234516");

    // THEN it is in the NIR system
    assertThat(ins.system()).isEqualTo(InsSystem.NIR);
  }

  @Test
  void toString_neverShowsTheValue() {
    // GIVEN an INS
    Ins ins = Ins.of("180017511234516", InsSystem.TEST_NIR);

    // WHEN printed
    String text = ins.toString();

    // THEN the value, and no part of it that identifies the person, appears
    assertThat(text)
        .doesNotContain("180017511234516")
        .doesNotContain("1800175")
        .contains("redacted");
  }

  @Test
  void equals_comparesValueAndSystem() {
    // GIVEN the same value in two systems
    Ins test = Ins.of("180017511234516", InsSystem.TEST_NIR);
    Ins sameTest = Ins.of("180017511234516", InsSystem.TEST_NIR);
    Ins nir = Ins.of("180017511234516", InsSystem.NIR);

    // WHEN compared THEN only value and system together make equality
    assertThat(test).isEqualTo(sameTest).hasSameHashCodeAs(sameTest).isNotEqualTo(nir);
  }

  // ID-1
  @ParameterizedTest
  @EnumSource(InsSystem.class)
  void insSystem_fromUri_findsEachSystemByItsUri(InsSystem system) {
    // GIVEN the URI of a system WHEN looked up THEN the same system comes back
    assertThat(InsSystem.fromUri(system.uri())).isSameAs(system);
  }

  // ID-1
  @Test
  void insSystem_uris_areTheNationalOids() {
    // GIVEN the four systems THEN their URIs are those of the specification
    assertThat(InsSystem.NIR.uri()).isEqualTo("urn:oid:1.2.250.1.213.1.4.8");
    assertThat(InsSystem.NIA.uri()).isEqualTo("urn:oid:1.2.250.1.213.1.4.9");
    assertThat(InsSystem.TEST_NIR.uri()).isEqualTo("urn:oid:1.2.250.1.213.1.4.10");
    assertThat(InsSystem.DEMO_NIR.uri()).isEqualTo("urn:oid:1.2.250.1.213.1.4.11");
  }

  // ID-1
  @Test
  void insSystem_fromUri_whenUnknown_refusesIt() {
    // GIVEN an OID that is not an INS system WHEN looked up THEN it is refused
    assertThatThrownBy(() -> InsSystem.fromUri("urn:oid:1.2.250.1.213.1.4.2"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("unknown INS identifier system");
  }
}
