package io.mes4j.mockserver.cli;

import io.mes4j.mockserver.MockServer;
import java.io.PrintWriter;
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
 * N]}: serves the reference server until stopped (SIGTERM or Ctrl-C), printing its base URL on the
 * first line of standard output.
 */
@Command(
    name = "mes4j-mock-server",
    mixinStandardHelpOptions = true,
    description = "The mes4j reference server: an in-memory Mon espace santé for tests.")
public final class MockServerCommand implements Callable<Integer> {
  @Option(names = "--port", description = "Port to listen on; 0 for any free port (default: 8080).")
  int port = 8080;

  @Option(names = "--host", description = "Interface to listen on (default: 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(
      names = "--clock",
      description =
          "Start a fixed clock at this ISO-8601 instant (e.g. 2026-11-28T10:00:00Z); it then moves"
              + " only through /_mock/clock. Default: the system clock.")
  @Nullable Instant clock;

  @Option(
      names = "--seed",
      description = "Seed of the generated identifiers (same seed, same ids; default: 0).")
  long seed;

  @Option(names = "--fixtures", description = "A fixtures file to load (not implemented yet).")
  @Nullable Path fixtures;

  private final CountDownLatch stopped = new CountDownLatch(1);

  @Override
  public Integer call() throws InterruptedException {
    if (fixtures != null) {
      System.err.println("--fixtures is not implemented yet");
      return 2;
    }
    MockServer.Builder builder = MockServer.builder().host(host).port(port).seed(seed);
    if (clock != null) {
      builder.clock(clock);
    }
    MockServer server = builder.start();
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
