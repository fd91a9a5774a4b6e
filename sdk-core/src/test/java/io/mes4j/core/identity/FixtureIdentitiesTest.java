package io.mes4j.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every fixture identity of the reference server is valid (docs: fixture identities). */
class FixtureIdentitiesTest {

  // ID-1
  @ParameterizedTest
  @ValueSource(
      strings = {
        "180017511234516", // ADULT
        "285036912345656", // PARENT
        "115067511300106", // MINOR
        "290051305512342", // PENDING
        "175029201234505", // OPPOSED
        "260073155511138", // CLOSED
        "155084433322248" // DELETED
      })
  void fixturePatient_isAValidTestNirIns(String value) {
    // GIVEN a fixture patient's INS WHEN parsed in the test NIR system THEN it is accepted
    assertThat(Ins.of(value, InsSystem.TEST_NIR).value()).isEqualTo(value);
  }

  // ID-2
  @ParameterizedTest
  @ValueSource(
      strings = {
        "810000000017",
        "810000000025",
        "810000000033",
        "810000000041",
        "810000000058",
        "810000000066",
        "810000000074",
        "810000000082",
        "810000000090",
        "810000000108",
        "810000000116",
        "810000000124"
      })
  void fixtureProfessional_isAValidIdNatPs(String idNatPs) {
    // GIVEN a fixture professional WHEN parsed THEN it is accepted
    assertThatCode(() -> ProfessionalId.of(idNatPs)).doesNotThrowAnyException();
  }

  // ID-3
  @ParameterizedTest
  @ValueSource(strings = {"750000010", "130000029"})
  void fixtureEstablishment_isAValidFiness(String finess) {
    // GIVEN a fixture establishment WHEN parsed THEN it is accepted
    assertThatCode(() -> Finess.of(finess)).doesNotThrowAnyException();
  }
}
