package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import java.io.ByteArrayInputStream;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DocumentDepositTest {
  private static final Ins INS = Ins.of("180017511234516");

  private static DocumentDeposit.Builder valid() {
    return DocumentDeposit.builder()
        .patient(INS)
        .type(DocumentType.LABORATORY_REPORT)
        .title("Bilan")
        .content(new byte[] {1, 2, 3}, "application/pdf");
  }

  static Stream<Arguments> invalidDeposits() {
    return Stream.of(
        Arguments.of(
            "no title", (UnaryOperator<DocumentDeposit.Builder>) b -> b.title(" "), "title"),
        Arguments.of(
            "empty content",
            (UnaryOperator<DocumentDeposit.Builder>) b -> b.content(new byte[0], "application/pdf"),
            "content"),
        Arguments.of(
            "bad MIME type",
            (UnaryOperator<DocumentDeposit.Builder>) b -> b.content(new byte[] {1}, "pdf"),
            "MIME"),
        Arguments.of(
            "bad unique id",
            (UnaryOperator<DocumentDeposit.Builder>) b -> b.uniqueId("1.2.3"),
            "uniqueId"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDeposits")
  void build_whenAFieldIsInvalid_failsNamingIt(
      String what, UnaryOperator<DocumentDeposit.Builder> change, String named) {
    // DOC-2: metadata is checked before anything is sent
    assertThatThrownBy(() -> change.apply(valid()).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(named);
  }

  @Test
  void build_withoutUniqueId_makesOneThatRetriesReuse() {
    DocumentDeposit deposit = valid().build();

    assertThat(deposit.uniqueId()).startsWith("urn:uuid:");
    assertThat(deposit.uniqueId()).isEqualTo(deposit.uniqueId());
  }

  @Test
  void build_fromAStream_readsItOnce() {
    DocumentDeposit deposit =
        valid().content(new ByteArrayInputStream(new byte[] {9, 8}), "text/plain").build();

    assertThat(deposit.content()).containsExactly(9, 8);
    assertThat(deposit.mimeType()).isEqualTo("text/plain");
  }

  @Test
  void toString_neverShowsThePatientOrTheContent() {
    assertThat(valid().build().toString()).doesNotContain(INS.value()).doesNotContain("[1, 2, 3]");
  }
}
