package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.testing.CapturingLogProvider;
import io.mes4j.core.testing.LogCanary;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.MesMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * The log canary, end to end: a whole session of the SDK against the reference server (in this JVM,
 * so its logs are captured too), every logger at TRACE, HttpClient's included, and not one log line
 * holds the INS, the patient's name, the document's content or a token.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class LogRedactionTest {
  private static final String INS = "180017511234516";
  private static final String NAME = "Dupont";
  private static final String MARKER = "CANARY-CONTENT-5e1f0c";
  private static final byte[] PDF =
      ("%PDF-1.4 " + MARKER + " compte rendu").getBytes(StandardCharsets.US_ASCII);

  /** JUL, where the JDK's own HTTP server logs (System.Logger): captured at every level too. */
  private final Queue<String> julRecords = new ConcurrentLinkedQueue<>();

  private final Handler julHandler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          StringBuilder text = new StringBuilder(record.getLoggerName() + " ");
          String message = record.getMessage() == null ? "" : record.getMessage();
          Object[] params = record.getParameters();
          text.append(params == null ? message : MessageFormat.format(message, params));
          if (params != null) {
            for (Object param : params) {
              text.append(' ').append(param);
            }
          }
          if (record.getThrown() != null) {
            StringWriter out = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(out));
            text.append(' ').append(out);
          }
          julRecords.add(text.toString());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  private java.util.logging.Level julRootLevel;

  @BeforeEach
  void captureEverythingAtTrace() {
    // Every logger at TRACE, org.apache.hc (request lines, headers, wire) included: no workaround.
    CapturingLogProvider.resetThresholds();
    CapturingLogProvider.threshold("", Level.TRACE);
    CapturingLogProvider.threshold("org.apache.hc", Level.TRACE);
    LogCanary.clear();
    Logger root = Logger.getLogger("");
    julRootLevel = root.getLevel();
    root.setLevel(java.util.logging.Level.ALL);
    root.addHandler(julHandler);
  }

  @AfterEach
  void restoreLevels() {
    CapturingLogProvider.resetThresholds();
    Logger root = Logger.getLogger("");
    root.removeHandler(julHandler);
    root.setLevel(julRootLevel);
  }

  /**
   * A client of the server acting for {@code subject}, whose every token is kept in {@code into}.
   */
  private static MesClient client(MockServer server, String subject, List<String> into) {
    TokenProvider tokens = server.tokenProvider(subject);
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(
            new TokenProvider() {
              @Override
              public AccessToken token(TokenRequest request) {
                AccessToken token = tokens.token(request);
                into.add(token.value());
                return token;
              }

              @Override
              public String toString() {
                return "recording token provider";
              }
            })
        .build();
  }

  private static DocumentDeposit deposit(String uniqueId) {
    return DocumentDeposit.builder()
        .patient(Fixtures.ADULT)
        .type(DocumentType.LABORATORY_REPORT)
        .title("Bilan sanguin de Jean " + NAME)
        .content(PDF, "application/pdf")
        .uniqueId(uniqueId)
        .build();
  }

  @Test
  void aWholeSession_withEveryLoggerAtTrace_logsNoInsNameContentNorToken(MockServer server) {
    // GIVEN clients for the médecin traitant, an authorised doctor, the holder and a stranger,
    // whose tokens are all kept
    assertThat(Fixtures.ADULT.value()).isEqualTo(INS);
    List<String> tokens = new ArrayList<>();
    try (MesClient author = client(server, Fixtures.Ids.DOCTOR_TREATING, tokens);
        MesClient doctor = client(server, Fixtures.Ids.DOCTOR, tokens);
        MesClient holder = client(server, Fixtures.Ids.ADULT, tokens);
        MesClient stranger = client(server, Fixtures.Ids.DOCTOR_UNAUTHORISED, tokens)) {

      // WHEN the médecin traitant deposits three documents titled with the patient's name
      for (int i = 1; i <= 3; i++) {
        Dossier.of(author).documents().deposit(deposit("urn:oid:1.2.250.1.999.77." + i));
      }
      // AND a doctor and the holder search one per page, follow every page, and download each
      for (MesClient reader : List.of(doctor, holder)) {
        Documents documents = Dossier.of(reader).documents();
        Page<DocumentEntry> first =
            documents.search(DocumentSearch.forPatient(Fixtures.ADULT).pageSize(1).build());
        assertThat(first.total()).hasValue(3);
        List<DocumentEntry> all = first.streamAll().toList();
        assertThat(all).hasSize(3);
        for (DocumentEntry entry : all) {
          try (DocumentContent content = documents.retrieve(entry)) {
            assertThat(content.readAllBytes()).isEqualTo(PDF);
          }
        }
      }
      // AND a stranger's search is refused
      assertThatThrownBy(
              () ->
                  Dossier.of(stranger)
                      .documents()
                      .search(DocumentSearch.forPatient(Fixtures.ADULT).build()))
          .isInstanceOf(NotAuthorisedException.class);
      // AND the holder reads the history (where their own name is, as an agent) two per page
      List<Trace> traces =
          Dossier.of(holder)
              .history()
              .list(HistoryQuery.forPatient(Fixtures.ADULT).pageSize(2).build())
              .streamAll()
              .toList();
      assertThat(traces).hasSizeGreaterThan(4);
    }

    // THEN the logs were captured, at DEBUG and below, HttpClient's request lines included
    assertThat(tokens).isNotEmpty();
    LogCanary.assertSomeContain("/fhir/DocumentReference/_search");
    LogCanary.assertSomeContain("/fhir/AuditEvent/_search");
    assertThat(LogCanary.events())
        .anySatisfy(
            e -> {
              assertThat(e.logger()).startsWith("org.apache.hc");
              assertThat(e.level().toInt()).isLessThanOrEqualTo(Level.DEBUG.toInt());
            });
    // AND the JDK HTTP server under the reference server stays at INFO even with the root at ALL:
    // at FINE it logs whole request lines, where an outside client's GET search carries an INS
    assertThat(Logger.getLogger("com.sun.net.httpserver").isLoggable(java.util.logging.Level.FINE))
        .isFalse();
    assertThat(julRecords).noneSatisfy(r -> assertThat(r).startsWith("com.sun.net.httpserver"));
    // AND no captured line holds a secret, whatever its level or logger
    List<String> secrets = new ArrayList<>(List.of(INS, NAME, MARKER, "eyJ", "Bearer "));
    secrets.add(Base64.getEncoder().encodeToString(PDF));
    secrets.addAll(tokens);
    LogCanary.assertNoneContain(secrets.toArray(String[]::new));
    for (String record : julRecords) {
      for (String secret : secrets) {
        assertThat(record).as("a JUL record leaks a secret").doesNotContain(secret);
      }
    }
  }
}
