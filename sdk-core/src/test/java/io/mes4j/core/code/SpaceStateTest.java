package io.mes4j.core.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpaceStateTest {

  // ES-4
  @ParameterizedTest
  @CsvSource({
    "PENDING, espace-pending",
    "OPPOSED, espace-opposed",
    "CLOSED, espace-closed",
    "DELETED, espace-deleted"
  })
  void causeCode_ofANonActiveState_namesTheState(SpaceState state, String cause) {
    // GIVEN a state that refuses calls WHEN its cause is asked THEN it names the state
    assertThat(state.causeCode()).isEqualTo(cause);
    assertThat(state.isActive()).isFalse();
    assertThat(SpaceState.fromCauseCode(cause)).contains(state);
  }

  // ES-4
  @Test
  void causeCode_ofActive_isAProgrammingError() {
    // GIVEN the ACTIVE state WHEN its refusal cause is asked THEN it fails
    assertThat(SpaceState.ACTIVE.isActive()).isTrue();
    assertThatThrownBy(SpaceState.ACTIVE::causeCode).isInstanceOf(IllegalStateException.class);
    assertThat(SpaceState.fromCauseCode("not-found")).isEmpty();
  }
}
