package io.mes4j.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import io.mes4j.benchmarks.internal.Clients;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.benchmarks.internal.ServerProcess;
import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.dossier.DocumentEntry;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
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
 * Steady state of the search of a 100-document page: the SDK, HAPI FHIR's generic client and a
 * hand-written Apache HttpClient 5 + Jackson call, each searching the same page from a reference
 * server that runs in a JVM of its own ({@code Serve reference 100}), so that {@code -prof gc}'s
 * bytes per call are the client's alone. One thread, µs per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class SearchPageBenchmark {
  private @Nullable ServerProcess server;
  private @Nullable MesClient sdk;
  private @Nullable IGenericClient hapi;
  private Clients.@Nullable HandWritten handWritten;

  /** Starts the server in its own JVM and builds the three clients; checks their pages. */
  @Setup(Level.Trial)
  public void setUp() {
    ServerProcess started =
        ServerProcess.start(List.of(), "reference", Integer.toString(SearchFixture.PAGE));
    server = started;
    sdk = Clients.sdk(started.baseUrl(), started.token());
    hapi = Clients.hapi(FhirContext.forR4(), started.baseUrl(), started.token());
    handWritten = new Clients.HandWritten(started.baseUrl(), started.token());
    int a = sdk().items().size();
    int b = hapi().getEntry().size();
    int c = handWritten().size();
    if (a != SearchFixture.PAGE || b != SearchFixture.PAGE || c != SearchFixture.PAGE) {
      throw new IllegalStateException("pages of " + a + ", " + b + " and " + c + " entries");
    }
  }

  /** The SDK: {@code Dossier.of(client).documents().search(...)}, read into values. */
  @Benchmark
  public Page<DocumentEntry> sdk() {
    return Clients.sdkSearch(Objects.requireNonNull(sdk), SearchFixture.PAGE);
  }

  /** HAPI FHIR's generic client: the same search, read into a {@code Bundle}. */
  @Benchmark
  public Bundle hapi() {
    return Clients.hapiSearch(Objects.requireNonNull(hapi), SearchFixture.PAGE);
  }

  /** Apache HttpClient 5 + Jackson by hand: the same request, the ids read from the tree. */
  @Benchmark
  public List<String> handWritten() {
    return Objects.requireNonNull(handWritten).search(SearchFixture.PAGE);
  }

  /** Closes the clients and stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (sdk != null) {
      sdk.close();
    }
    if (handWritten != null) {
      handWritten.close();
    }
    if (server != null) {
      server.close();
    }
  }
}
