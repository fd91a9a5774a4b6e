package io.mes4j.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A new JVM to its first answer, end to end: launches {@code java -cp <this classpath>
 * io.mes4j.benchmarks.ColdStart <mode>} and measures until its answer line is read, JVM start
 * included. Each iteration is a new process; the one warm-up iteration (not counted) only warms
 * this side (process launch, the jar in the page cache), never the launched JVM.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Warmup(iterations = 1)
@Measurement(iterations = 10)
public class JvmFirstAnswerBenchmark {
  /** {@code server}: start then GET /fhir/metadata; {@code client}: then an SDK search too. */
  @Param({"server", "client"})
  public String mode = "server";

  private List<String> command = List.of();
  private @Nullable Path stderr;
  private @Nullable Process process;

  /** Resolves the java launcher and classpath of this JVM. */
  @Setup(Level.Trial)
  public void resolveCommand() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command =
        List.of(
            java,
            "-Dsun.net.httpserver.nodelay=true",
            "-cp",
            System.getProperty("java.class.path"),
            ColdStart.class.getName(),
            mode);
    stderr = Files.createTempFile("mes4j-coldstart", ".err");
  }

  /** Launches the program and returns its answer line once read. */
  @Benchmark
  public String launchToFirstAnswer() throws IOException {
    Path errors = requireStderr();
    Process started = new ProcessBuilder(command).redirectError(errors.toFile()).start();
    process = started;
    started.getOutputStream().close(); // it reads nothing
    BufferedReader out =
        new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith(ColdStart.ANSWER)) {
      throw new IllegalStateException(
          "ColdStart gave no answer (first line: "
              + line
              + "); its stderr: "
              + Files.readString(errors, StandardCharsets.UTF_8));
    }
    return line;
  }

  /** Waits for the program to exit, and fails if it did not exit cleanly. */
  @TearDown(Level.Iteration)
  public void awaitExit() throws InterruptedException {
    Process started = process;
    process = null;
    if (started == null) {
      return;
    }
    if (!started.waitFor(30, TimeUnit.SECONDS)) {
      started.destroyForcibly();
      throw new IllegalStateException("ColdStart did not exit within 30 s");
    }
    if (started.exitValue() != 0) {
      throw new IllegalStateException("ColdStart exited with " + started.exitValue());
    }
  }

  /** Removes the file of the program's errors. */
  @TearDown(Level.Trial)
  public void removeStderr() {
    try {
      Files.deleteIfExists(requireStderr());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path requireStderr() {
    Path errors = stderr;
    if (errors == null) {
      throw new IllegalStateException("setup did not run");
    }
    return errors;
  }
}
