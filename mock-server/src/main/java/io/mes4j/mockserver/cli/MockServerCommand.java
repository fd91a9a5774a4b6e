package io.mes4j.mockserver.cli;

import io.mes4j.mockserver.InvalidFixturesException;
import io.mes4j.mockserver.MockServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar mes4j-mock-server.jar [--port 8080] [--host 127.0.0.1] [--clock INSTANT] [--seed
 * N] [--fixtures FILE | --generate N [--documents-per-patient M]]}: serves the reference server
 * until stopped (SIGTERM or Ctrl-C), printing its base URL on the first line of standard output. A
 * usage error or an invalid fixtures file (its line and field named on standard error) exits with
 * status 2.
 */
@Command(
    name = "mes4j-mock-server",
    mixinStandardHelpOptions = true,
    description = "The mes4j reference server: an in-memory Mon espace santé for tests.")
public final class MockServerCommand implements Callable<Integer> {
  /** The exit status of a usage error or an invalid fixtures file. */
  static final int USAGE = 2;

  @Option(names = "--port", description = "Port to listen on; 0 for any free port (default: 8080).")
  int port = 8080;

  @Option(names = "--host", description = "Interface to listen on (default: 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(
      names = "--clock",
      description =
          "Start a fixed clock at this ISO-8601 instant (e.g. 2026-11-28T10:00:00Z); it then moves"
              + " only through /_mock/clock. Default: the system clock (or the fixtures file's"
              + " instant).")
  @Nullable Instant clock;

  @Option(
      names = "--seed",
      description =
          "Seed of the generated identifiers and of --generate (same seed, same ids; default: 0).")
  long seed;

  @Option(
      names = "--fixtures",
      paramLabel = "FILE",
      description =
          "A fixtures file (GET /_mock/fixtures exports one) to start from and to return to on"
              + " reset, instead of the default fixtures.")
  @Nullable Path fixtures;

  @Option(
      names = "--generate",
      paramLabel = "N",
      description = "Start with a generated population of N patients (deterministic for --seed).")
  @Nullable Integer generate;

  @Option(
      names = "--documents-per-patient",
      paramLabel = "M",
      description = "Documents per patient of --generate (default: 5).")
  int documentsPerPatient = 5;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = new PrintWriter(System.err, true);
    if (fixtures != null && generate != null) {
      err.println("--fixtures and --generate cannot be used together");
      return USAGE;
    }
    MockServer.Builder builder = MockServer.builder().host(host).port(port).seed(seed);
    if (clock != null) {
      builder.clock(clock);
    }
    if (fixtures != null) {
      try {
        builder.fixtures(fixtures);
      } catch (InvalidFixturesException e) {
        err.println(fixtures + ": " + e.getMessage());
        return USAGE;
      } catch (UncheckedIOException e) {
        err.println(
            fixtures + ": cannot be read (" + e.getCause().getClass().getSimpleName() + ")");
        return USAGE;
      }
    }
    MockServer server = builder.start();
    if (generate != null) {
      try {
        server.control().generate(generate, documentsPerPatient, seed);
      } catch (IllegalArgumentException e) {
        server.close();
        err.println(e.getMessage());
        return USAGE;
      }
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "mes4j-mock-shutdown"));
    PrintWriter out = new PrintWriter(System.out, true);
    out.println(server.baseUrl());
    stopped.await();
    return 0;
  }

  /** Runs the command line; exits with status 2 on a usage error. */
  public static void main(String[] args) {
    int code =
        new CommandLine(new MockServerCommand())
            .registerConverter(Instant.class, Instant::parse)
            .execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }
}
