package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reset to the fixtures or to empty, over HTTP and in Java, and what it costs. */
class ResetTest extends ServerTest {

  private static int documents() {
    return searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt();
  }

  @Test
  void resetToFixtures_bringsBackStateClockJournalAndFaults() {
    // GIVEN a deposit, a moved clock, journaled requests and a fault rule
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.83.1", LABORATORY);
    server.control().advanceClock(Duration.ofDays(3));
    server.control().setFaults(Fault.on("/fhir/Nothing").status(503));
    assertThat(server.control().journal()).isNotEmpty();
    // WHEN
    Answer answer = http.control("POST", "/_mock/reset", Map.of("to", "fixtures"));
    // THEN everything is as the server started
    assertThat(answer.status()).isEqualTo(204);
    assertThat(server.control().now()).isEqualTo(START);
    assertThat(server.control().journal()).isEmpty();
    assertThat(server.control().faults()).isEmpty();
    assertThat(server.control().outbox()).isEmpty();
    assertThat(documents()).isZero();
  }

  @Test
  void resetToEmpty_leavesNoDossier() {
    // WHEN
    assertThat(http.control("POST", "/_mock/reset", Map.of("to", "empty")).status()).isEqualTo(204);
    // THEN the fixtures' holder has no dossier any more
    assertThat(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").status()).isEqualTo(404);
  }

  @Test
  void resetWithABadTarget_is400AndChangesNothing() {
    // GIVEN a deposit
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.83.2", LABORATORY);
    // WHEN / THEN
    for (Object bad :
        new Object[] {
          Map.of("to", "yesterday"), Map.of("to", "empty", "fixtures", "empty"), Map.of("to", 3)
        }) {
      Answer answer = http.control("POST", "/_mock/reset", bad);
      assertThat(answer.status()).as(bad.toString()).isEqualTo(400);
      assertThat(answer.cause()).isEqualTo("invalid-request");
    }
    assertThat(documents()).isEqualTo(1);
  }

  @Test
  void theJavaApi_resetsToFixturesOrEmpty() {
    // GIVEN a deposit
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.83.3", LABORATORY);
    // WHEN / THEN
    server.control().reset(MockControl.ResetTo.FIXTURES);
    assertThat(documents()).isZero();
    server.control().reset(MockControl.ResetTo.EMPTY);
    assertThat(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").status()).isEqualTo(404);
  }

  @Test
  void aServerStartedEmpty_resetsToEmpty() {
    try (MockServer empty = MockServer.builder().clock(START).fixtures(FixtureSet.EMPTY).start()) {
      var client = new io.mes4j.mockserver.support.TestClient(empty.baseUrl());
      assertThat(client.control("POST", "/_mock/reset", null).status()).isEqualTo(204);
      assertThat(
              client
                  .postForm(
                      "/fhir/DocumentReference/_search",
                      empty.control().token(Fixtures.ADULT),
                      patientParam(Fixtures.ADULT))
                  .status())
          .isEqualTo(404);
    }
  }

  /**
   * Not a timed assertion: it measures what a reset costs and prints it (the figures are in the
   * reference-server documentation), and checks each reset did reset.
   */
  @Test
  void reset_isCheapEnoughForEveryTest_measured() {
    int rounds = 300;
    long[] java = new long[rounds];
    long[] overHttp = new long[rounds];
    for (int i = 0; i < rounds; i++) {
      deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.84." + i, LABORATORY);
      long t0 = System.nanoTime();
      server.control().reset();
      java[i] = System.nanoTime() - t0;
      assertThat(server.control().journal()).isEmpty();
      deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.85." + i, LABORATORY);
      long t1 = System.nanoTime();
      assertThat(http.control("POST", "/_mock/reset", null).status()).isEqualTo(204);
      overHttp[i] = System.nanoTime() - t1;
    }
    assertThat(documents()).isZero();
    System.out.printf(
        "reset to the default fixtures: Java median %.3f ms, p95 %.3f ms; HTTP median %.3f ms, p95 %.3f ms (%d rounds)%n",
        percentile(java, 50),
        percentile(java, 95),
        percentile(overHttp, 50),
        percentile(overHttp, 95),
        rounds);
  }

  private static double percentile(long[] nanos, int p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
  }
}
