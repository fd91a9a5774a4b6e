package io.mes4j.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceIdTest {

  // ID-4
  @ParameterizedTest
  @CsvSource({
    "1.2.250.1.999.7.1, 1.2.250.1.999.7.1",
    "urn:oid:1.2.250.1.999.7.1, 1.2.250.1.999.7.1", // URN form stripped
    "2.25.329800735698586629295641978511506172918, 2.25.329800735698586629295641978511506172918",
    "0.0, 0.0",
    "1.39.10, 1.39.10"
  })
  void of_whenOidIsWellFormed_acceptsIt(String input, String oid) {
    // GIVEN a well-formed OID WHEN parsed
    ServiceId id = ServiceId.of(input);

    // THEN the bare OID and its URN are available
    assertThat(id.oid()).isEqualTo(oid);
    assertThat(id.urn()).isEqualTo("urn:oid:" + oid);
  }

  // ID-4
  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      value = {
        "'', service OID is empty",
        "1, at least two arcs",
        "1.2.250.01.999, leading zero",
        "1..2, empty arc",
        "1.2., empty arc",
        "1.2.a, decimal digits",
        "1.2.-3, decimal digits",
        "3.1.2, must start with arc 0, 1 or 2",
        "1.40.2, second arc must be below 40",
        "urn:oid:, service OID is empty"
      },
      emptyValue = "")
  void of_whenOidIsMalformed_refusesIt(String oid, String reason) {
    // GIVEN a malformed OID WHEN parsed THEN it is refused with the reason
    assertThatThrownBy(() -> ServiceId.of(oid))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(reason);
  }
}
