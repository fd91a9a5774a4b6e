package io.mes4j.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfessionalIdTest {

  // ID-2
  @ParameterizedTest
  @CsvSource({
    "810000000017, 10000000017", // DOCTOR_TREATING
    "810000000025, 10000000025",
    "810000000108, 10000000108",
    "810003456786, 10003456786",
    "899999999990, 99999999990" // Luhn over the RPPS only, never over the 8 prefix
  })
  void of_whenPrefix8AndRppsLuhnValid_acceptsIt(String idNatPs, String rpps) {
    // GIVEN an idNat_PS made of 8 + an RPPS with a right Luhn digit
    // WHEN parsed
    ProfessionalId id = ProfessionalId.of(idNatPs);

    // THEN both forms are available and ofRpps gives the same id
    assertThat(id.value()).isEqualTo(idNatPs);
    assertThat(id.rpps()).isEqualTo(rpps);
    assertThat(ProfessionalId.ofRpps(rpps)).isEqualTo(id);
  }

  // ID-2
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      value = {
        "'', idNat_PS is missing", // empty
        "810000000018, wrong check digit (Luhn)", // last digit changed
        "810000000071, wrong check digit (Luhn)", // two digits swapped
        "012345678901, must start with 8", // ADELI form, not supported
        "310000000017, must start with 8",
        "81000000001, must be 12 characters", // too short
        "8100000000170, must be 12 characters", // too long
        "81000000001A, non-digit character at position 11" // letter in the RPPS
      },
      emptyValue = "")
  void of_whenValueBreaksTheRule_refusesIt(String idNatPs, String reason) {
    // GIVEN a malformed idNat_PS WHEN parsed THEN it is refused with the reason
    assertThatThrownBy(() -> ProfessionalId.of(idNatPs))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason);
  }

  // ID-2
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({
    "10000000018, wrong check digit (Luhn)",
    "1000000001, must be 11 digits",
    "810000000017, must be 11 digits",
    "1000000001X, non-digit character at position 11"
  })
  void ofRpps_whenRppsBreaksTheRule_refusesIt(String rpps, String reason) {
    // GIVEN a malformed RPPS WHEN parsed THEN it is refused with the reason
    assertThatThrownBy(() -> ProfessionalId.ofRpps(rpps))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void toString_showsTheIdentifier_whichIsNotPatientData() {
    // GIVEN a professional id WHEN printed THEN the idNat_PS is shown
    assertThat(ProfessionalId.of("810000000017")).hasToString("ProfessionalId[810000000017]");
  }

  @Test
  void system_isTheIdNatPsOid() {
    // THEN the FHIR system is the national one
    assertThat(ProfessionalId.SYSTEM).isEqualTo("urn:oid:1.2.250.1.71.4.2.1");
  }
}
