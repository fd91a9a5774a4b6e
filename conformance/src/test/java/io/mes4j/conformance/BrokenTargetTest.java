package io.mes4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.mes4j.conformance.cli.ConformanceCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit can fail: a server that says yes to everything fails every check that runs. */
class BrokenTargetTest {
  /** A token, a CapabilityStatement and an empty search, all at once: 200 to everything. */
  private static final byte[] YES =
      ("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0,\"entry\":[],"
              + "\"access_token\":\"e30.e30.sig\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
          .getBytes(StandardCharsets.UTF_8);

  private HttpServer yesServer;
  private String baseUrl;

  @BeforeEach
  void start() throws IOException {
    yesServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    yesServer.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().set("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(200, YES.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(YES);
          }
        });
    yesServer.start();
    baseUrl = "http://127.0.0.1:" + yesServer.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    yesServer.stop(0);
  }

  @Test
  void run_againstAServerAnswering200ToEverything_failsEveryCheck() {
    // GIVEN a target that answers 200 with the same JSON to every request
    ConformanceKit kit = ConformanceKit.against(URI.create(baseUrl));

    // WHEN every check runs against it
    ParityReport report = kit.run();

    // THEN not one passes: every check needs something a yes-server cannot fake
    assertThat(report.results()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(report.results())
        .filteredOn(r -> r.status() == CheckStatus.PASSED)
        .extracting(CheckResult::id)
        .isEmpty();
    assertThat(report.conforms()).isFalse();
    assertThat(report.results())
        .filteredOn(r -> r.id().equals("AUTH.unsigned-token-401"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.status()).isEqualTo(CheckStatus.FAILED);
              assertThat(r.expected()).contains("401 invalid-token");
              assertThat(r.observed()).contains("200");
            });
  }

  @Test
  void commandLine_againstAServerAnswering200ToEverything_exitsOne(@TempDir Path dir) {
    // GIVEN the same target
    StringWriter out = new StringWriter();

    // WHEN the command line runs the metadata and ES-4 checks against it
    int status =
        ConformanceCommand.run(
            new PrintWriter(out, true),
            "--base-url",
            baseUrl,
            "--only",
            "WIRE.not-implemented,ES-4.deposit",
            "--report",
            dir.toString());

    // THEN it exits 1, says so, and still writes the report
    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).contains("DOES NOT CONFORM").contains("FAILED");
    assertThat(dir.resolve(ParityReport.MARKDOWN_FILE)).exists();
    assertThat(dir.resolve(ParityReport.JSON_FILE)).exists();
  }
}
