package io.mes4j.benchmarks;

import io.mes4j.benchmarks.internal.Probe;
import io.mes4j.mockserver.MockServer;
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
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reference server's in-process start, to its first answer: {@code
 * MockServer.builder().start()} then one {@code GET /fhir/metadata} read to its end. Closing the
 * server is not measured.
 *
 * <p>{@link #cold()} runs once in each of several fresh JVMs (a JMH fork each: the first start of
 * the JVM, though JMH's own harness has already loaded the JDK's socket classes); {@link #hot()}
 * measures starts after a hundred starts in the same JVM, for contrast.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ServerStartBenchmark {
  private @Nullable MockServer server;

  /** In a fresh JVM: one start, no warm-up. */
  @Benchmark
  @Fork(value = 10, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public int cold() {
    return startAndAsk();
  }

  /** After 100 starts in the same JVM: classes loaded, the hottest code compiled. */
  @Benchmark
  @Fork(value = 2, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
  @Warmup(iterations = 100)
  @Measurement(iterations = 50)
  public int hot() {
    return startAndAsk();
  }

  private int startAndAsk() {
    MockServer started = MockServer.builder().start();
    server = started;
    return Probe.metadata(started.baseUrl());
  }

  /** Stops the server of the iteration (single shot: one invocation per iteration). */
  @TearDown(Level.Iteration)
  public void stop() {
    MockServer started = server;
    server = null;
    if (started != null) {
      started.close();
    }
  }
}
