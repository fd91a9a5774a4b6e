package io.mes4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessModeTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n"})
  void breakGlass_withoutAReason_isRefused(String reason) {
    // DOC-7
    // GIVEN no usable reason
    // WHEN bris de glace is asked
    // THEN it is refused before anything is sent
    assertThatThrownBy(() -> AccessMode.breakGlass(reason))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("reason");
  }

  @Test
  void breakGlass_keepsTheReasonButNeverShowsIt() {
    // GIVEN a bris de glace mode with a reason describing the patient
    AccessMode mode = AccessMode.breakGlass("  Jean Dupont unconscious ");

    // WHEN it is read and printed
    // THEN the reason is kept (stripped) but absent from toString
    assertThat(mode.kind()).isEqualTo(AccessMode.Kind.BRIS_DE_GLACE);
    assertThat(mode.kind().code()).isEqualTo("bris_de_glace");
    assertThat(mode.reason()).contains("Jean Dupont unconscious");
    assertThat(mode.toString()).doesNotContain("Dupont").contains("bris_de_glace");
  }

  @Test
  void modes_compareByKindAndReason() {
    // GIVEN modes built separately
    // WHEN they are compared
    // THEN equal kind and reason make equal modes
    assertThat(AccessMode.breakGlass("r")).isEqualTo(AccessMode.breakGlass("r"));
    assertThat(AccessMode.breakGlass("r")).hasSameHashCodeAs(AccessMode.breakGlass("r"));
    assertThat(AccessMode.breakGlass("r")).isNotEqualTo(AccessMode.breakGlass("s"));
    assertThat(AccessMode.normal()).isNotEqualTo(AccessMode.centre15());
    assertThat(AccessMode.normal().reason()).isEmpty();
    assertThat(AccessMode.centre15().kind().code()).isEqualTo("centre_15");
    assertThat(AccessMode.normal().kind().code()).isEqualTo("normal");
  }
}
