package io.mes4j.benchmarks;

import io.mes4j.core.MesClient;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's client build and first call against a reference server already started (not measured):
 * {@code MesClient.builder()…credentials(server.tokenProvider(DOCTOR)).build()}, then {@code
 * Dossier.of(client).documents().search(DocumentSearch.forPatient(ADULT).build())}. Closing the
 * client is not measured.
 *
 * <p>The server runs in the same JVM, so {@link #cold()} also pays the server's side of its first
 * search (its search code and the token minting run for the first time too), while the server's
 * start has already loaded what the two share (Jackson, Nimbus, the identities of sdk-core).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClientFirstCallBenchmark {
  private @Nullable MockServer server;
  private @Nullable MesClient client;

  /** Starts the server before anything is measured. */
  @Setup(Level.Trial)
  public void startServer() {
    server = MockServer.builder().start();
  }

  /** In a fresh JVM: one client, one search, no warm-up. */
  @Benchmark
  @Fork(value = 10, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public List<DocumentEntry> cold() {
    return buildAndSearch();
  }

  /** After 100 clients built and searched with in the same JVM. */
  @Benchmark
  @Fork(value = 2, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
  @Warmup(iterations = 100)
  @Measurement(iterations = 50)
  public List<DocumentEntry> hot() {
    return buildAndSearch();
  }

  private List<DocumentEntry> buildAndSearch() {
    MockServer running = Objects.requireNonNull(server, "server");
    MesClient built =
        MesClient.builder()
            .baseUrl(running.baseUrl())
            .credentials(running.tokenProvider(Fixtures.Ids.DOCTOR))
            .build();
    client = built;
    return Dossier.of(built)
        .documents()
        .search(DocumentSearch.forPatient(Fixtures.ADULT).build())
        .items();
  }

  /** Closes the client of the iteration (single shot: one invocation per iteration). */
  @TearDown(Level.Iteration)
  public void closeClient() {
    MesClient built = client;
    client = null;
    if (built != null) {
      built.close();
    }
  }

  /** Stops the server at the end of the fork. */
  @TearDown(Level.Trial)
  public void stopServer() {
    MockServer running = server;
    server = null;
    if (running != null) {
      running.close();
    }
  }
}
