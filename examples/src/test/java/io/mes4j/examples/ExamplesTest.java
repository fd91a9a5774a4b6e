package io.mes4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each runnable example, run as the README runs it, does what its output says. */
class ExamplesTest {
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void tour_readsTheTracesOfEveryStep() {
    int traces = Tour.run(out);

    assertThat(traces).isGreaterThanOrEqualTo(5);
    assertThat(output()).contains("refused (not-authorised)");
  }

  // CON-1, CON-4, DOC-2, DOC-6, DOC-7, AU-3
  @Test
  void practiceSoftware_seesItsReport_butNotTheMaskedOne_andEmergencyAccessIsNotified() {
    List<DocumentEntry> seen = PracticeSoftware.run(out);

    assertThat(seen).extracting(DocumentEntry::title).containsExactly("Bilan lipidique");
    assertThat(output())
        .contains("Search refused before consent: cause not-authorised")
        .contains("without a reason: refused before any call")
        .contains("2 emergency-access notice(s) sent (to the holder and to the médecin traitant")
        .contains("gave the same document: true");
  }

  // DOC-3, AU-3
  @Test
  void dischargeLetter_leavesOneCurrentVersion_andTheSupersededOne() {
    List<DocumentEntry> all = DischargeLetter.run(out);

    assertThat(all)
        .extracting(DocumentEntry::status)
        .containsExactlyInAnyOrder(DocumentStatus.CURRENT, DocumentStatus.SUPERSEDED);
    assertThat(output())
        .contains("cause not-author")
        .contains("1 current document(s), 2 with the superseded version; replacement notices: 1");
  }

  // CAT-1, CAT-2, CAT-3
  @Test
  void catalogueApp_pairsReadsTheAgenda_andIsRefusedAfterWithdrawal() {
    String cause = CatalogueApp.run(out);

    assertThat(cause).isEqualTo("token-revoked");
    assertThat(output()).contains("DPoP-bound tokens: true");
  }
}
