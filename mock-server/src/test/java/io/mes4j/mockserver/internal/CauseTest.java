package io.mes4j.mockserver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.error.ErrorCause;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CauseTest {
  @Test
  void everyRefusalCause_isOneTheSdkTurnsIntoItsTypedException() {
    // section 11: the server's causes and the SDK's stay one list
    Set<Cause> serverOnly = Set.of(Cause.INTERNAL, Cause.CONFLICT);
    for (Cause cause : Cause.values()) {
      if (!serverOnly.contains(cause)) {
        assertThat(ErrorCause.fromCode(cause.code()))
            .as(cause.name())
            .isNotEqualTo(ErrorCause.UNKNOWN);
      }
    }
  }
}
