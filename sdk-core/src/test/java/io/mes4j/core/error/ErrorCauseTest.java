package io.mes4j.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorCauseTest {

  @ParameterizedTest
  @EnumSource(ErrorCause.class)
  void fromCode_ofEachCode_givesItsCause(ErrorCause cause) {
    // GIVEN the wire code of a cause
    // WHEN it is read back
    // THEN the same cause comes out
    assertThat(ErrorCause.fromCode(cause.code())).isEqualTo(cause);
  }

  @Test
  void fromCode_ofAnUnknownOrMissingCode_givesUnknown() {
    // GIVEN codes outside the table
    // WHEN they are read
    // THEN they are UNKNOWN
    assertThat(ErrorCause.fromCode("brand-new")).isEqualTo(ErrorCause.UNKNOWN);
    assertThat(ErrorCause.fromCode("")).isEqualTo(ErrorCause.UNKNOWN);
    assertThat(ErrorCause.fromCode(null)).isEqualTo(ErrorCause.UNKNOWN);
  }

  @Test
  void codes_followTheWireContract() {
    // GIVEN a few causes of the contract's table
    // WHEN their codes are read
    // THEN they are the contract's
    assertThat(ErrorCause.NOT_AUTHORISED.code()).isEqualTo("not-authorised");
    assertThat(ErrorCause.ESPACE_PENDING.code()).isEqualTo("espace-pending");
    assertThat(ErrorCause.UNSUPPORTED_MEDIA_TYPE.code()).isEqualTo("unsupported-media-type");
    assertThat(ErrorCause.SYSTEM).isEqualTo("https://mes4j.io/fhir/CodeSystem/error-cause");
  }
}
