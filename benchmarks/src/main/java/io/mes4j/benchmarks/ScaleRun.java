package io.mes4j.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.mes4j.benchmarks.internal.InProcessExchange;
import io.mes4j.benchmarks.internal.Json;
import io.mes4j.benchmarks.internal.ScaleStore;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.benchmarks.internal.ServerInternals;
import io.mes4j.core.MesClient;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.internal.http.Dispatcher;
import io.mes4j.mockserver.internal.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The scale test for one store size, in a JVM of its own with default settings: {@code ScaleRun
 * <documents> [wiremock]} starts a reference server, loads {@code documents} documents across 100
 * 000 patients at most ({@link ScaleStore}: {@code ADULT} gets {@value #PER_PATIENT}, the rest go
 * round-robin to the generated patients), measures the load time and the heap after a full GC, then
 * the per-patient search ({@code ADULT}'s documents, by {@code DOCTOR}, default page) in process
 * (the server's dispatcher, no socket) and through the SDK over the loopback, one thread, closed
 * loop. With {@code wiremock}, the same SDK search against WireMock serving that page as a static
 * stub too (the anchor, whatever the store's size). Prints one line {@value #RESULT} followed by
 * the figures as JSON.
 */
public final class ScaleRun {
  /** The start of the result line. */
  public static final String RESULT = "scale-result";

  /** The target patient's documents (a million documents over 100 000 patients: 10 each). */
  public static final int PER_PATIENT = 10;

  private static final double WARMUP_SECONDS = 5;
  private static final double MEASURE_SECONDS = 5;

  private ScaleRun() {}

  /**
   * Runs one size.
   *
   * @param args the store's documents, then {@code wiremock} to measure the anchor too
   */
  public static void main(String[] args) throws Exception {
    int documents = Integer.parseInt(args[0]);
    boolean anchor = args.length > 1 && args[1].equals("wiremock");
    ObjectNode result = Json.object();
    result.put("documents", documents);
    try (MockServer server = MockServer.builder().start()) {
      Store store = ServerInternals.engine(server).state().store();
      ScaleStore.Loaded loaded =
          ScaleStore.load(
              store,
              Fixtures.ADULT,
              Fixtures.DOCTOR_TREATING,
              PER_PATIENT,
              documents,
              SearchFixture.SEED);
      result.put("patients", loaded.patients());
      result.put("loadSeconds", loaded.nanos() / 1e9);
      result.put("heapAfterGcMib", heapAfterGc() / 1048576.0);
      result.put("maxHeapMib", Runtime.getRuntime().maxMemory() / 1048576.0);

      String token = server.control().token(Fixtures.Ids.DOCTOR);
      Dispatcher dispatcher = ServerInternals.dispatcher(server);
      byte[] form = SearchFixture.form(20);
      Supplier<byte[]> inProcess =
          () -> {
            InProcessExchange exchange =
                new InProcessExchange("POST", URI.create(SearchFixture.PATH), form)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/fhir+json");
            try {
              dispatcher.handle(exchange);
            } catch (IOException e) {
              throw new IllegalStateException(e);
            }
            if (exchange.status() != 200) {
              throw new IllegalStateException("the search answered " + exchange.status());
            }
            return exchange.body();
          };
      byte[] page = inProcess.get();
      result.set("inProcess", time(inProcess));
      try (MesClient client = io.mes4j.benchmarks.internal.Clients.sdk(server.baseUrl(), token)) {
        result.set("sdk", time(() -> io.mes4j.benchmarks.internal.Clients.sdkSearch(client, 20)));
      }
      if (anchor) {
        WireMockServer wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wiremock.start();
        try {
          Serve.stub(wiremock, page);
          try (MesClient client =
              io.mes4j.benchmarks.internal.Clients.sdk(
                  "http://127.0.0.1:" + wiremock.port(), token)) {
            result.set(
                "sdkAgainstWiremock",
                time(() -> io.mes4j.benchmarks.internal.Clients.sdkSearch(client, 20)));
          }
        } finally {
          wiremock.stop();
        }
      }
    }
    PrintStream out = System.out;
    out.println(
        RESULT
            + " "
            + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(result));
    out.flush();
    System.exit(0);
  }

  private static ObjectNode time(Supplier<?> call) {
    long end = System.nanoTime() + (long) (WARMUP_SECONDS * 1e9);
    Object sink = null;
    while (System.nanoTime() < end) {
      sink = call.get();
    }
    long[] latencies = new long[1 << 16];
    int n = 0;
    long start = System.nanoTime();
    end = start + (long) (MEASURE_SECONDS * 1e9);
    long now = start;
    while (now < end) {
      long t0 = now;
      sink = call.get();
      now = System.nanoTime();
      if (n == latencies.length) {
        latencies = Arrays.copyOf(latencies, n * 2);
      }
      latencies[n++] = now - t0;
    }
    if (sink == null) {
      throw new IllegalStateException("no answer");
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    double sum = 0;
    for (long v : sorted) {
      sum += v;
    }
    ObjectNode node = Json.object();
    node.put("calls", n);
    node.put("p50Us", sorted[n / 2] / 1e3);
    node.put("p99Us", sorted[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)] / 1e3);
    node.put("meanUs", sum / n / 1e3);
    return node;
  }

  private static long heapAfterGc() throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    System.gc();
    Thread.sleep(200);
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
