package io.mes4j.benchmarks;

import io.mes4j.benchmarks.internal.Probe;
import io.mes4j.core.MesClient;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A program that answers once and exits, for {@link JvmFirstAnswerBenchmark} to time from the
 * launch of its JVM to its first answer line.
 *
 * <p>{@code ColdStart server} starts a reference server and fetches {@code /fhir/metadata}; {@code
 * ColdStart client} starts one, then builds an SDK client and searches {@code ADULT}'s documents as
 * {@code DOCTOR}, as a test suite's first test would. Once the answer is in, it prints {@code
 * first-answer ok mode=<mode> in-main-ms=<ms>} (the time spent in {@code main}, for reference),
 * stops what it started and returns. Anything that fails is thrown, and no such line is printed.
 */
public final class ColdStart {
  /** The start of the line printed on success. */
  public static final String ANSWER = "first-answer ok";

  private ColdStart() {}

  /**
   * Runs one start.
   *
   * @param args {@code server} (the default) or {@code client}
   */
  public static void main(String[] args) {
    long entered = System.nanoTime();
    String mode = args.length == 0 ? "server" : args[0];
    if (!mode.equals("server") && !mode.equals("client")) {
      throw new IllegalArgumentException("mode must be server or client, got " + mode);
    }
    try (MockServer server = MockServer.builder().start()) {
      if (mode.equals("server")) {
        Probe.metadata(server.baseUrl());
        answer(mode, entered);
      } else {
        try (MesClient client =
            MesClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(server.tokenProvider(Fixtures.Ids.DOCTOR))
                .build()) {
          Dossier.of(client).documents().search(DocumentSearch.forPatient(Fixtures.ADULT).build());
          answer(mode, entered);
        }
      }
    }
  }

  private static void answer(String mode, long entered) {
    double ms = (System.nanoTime() - entered) / 1e6;
    PrintStream out = System.out;
    out.println(String.format(Locale.ROOT, "%s mode=%s in-main-ms=%.1f", ANSWER, mode, ms));
    out.flush();
  }
}
