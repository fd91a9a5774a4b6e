package io.mes4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.conformance.cli.ConformanceCommand;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's usage: listing, and the exit status of a usage error. */
class CommandLineTest {

  @Test
  void list_printsEveryCheckWithItsRule_andExitsZero() {
    // GIVEN --list
    StringWriter out = new StringWriter();

    // WHEN it runs
    int status = ConformanceCommand.run(new PrintWriter(out, true), "--list");

    // THEN each check is a line naming its rule, the control-plane ones marked
    assertThat(status).isZero();
    assertThat(out.toString().lines()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(out.toString())
        .contains("DOC-2.duplicate-conflict")
        .contains("ES-4.deposit.pending")
        .contains("[control plane]");
  }

  @Test
  void run_withoutBaseUrl_isAUsageErrorExitingTwo() {
    // GIVEN no --base-url
    StringWriter out = new StringWriter();

    // WHEN it runs
    int status = ConformanceCommand.run(new PrintWriter(out, true));

    // THEN it is a usage error
    assertThat(status).isEqualTo(2);
  }

  @Test
  void run_withABrokenConfig_isAUsageErrorNamingTheKey(@TempDir Path dir) throws IOException {
    // GIVEN a configuration with a malformed INS
    Path config = dir.resolve("bad.properties");
    Files.writeString(config, "patient.CLOSED=260073155511139\n");
    StringWriter out = new StringWriter();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    PrintStream previous = System.err;

    // WHEN it runs
    int status;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      status =
          ConformanceCommand.run(
              new PrintWriter(out, true),
              "--base-url",
              "http://127.0.0.1:9",
              "--config",
              config.toString());
    } finally {
      System.setErr(previous);
    }

    // THEN it exits 2, naming the key, before any call
    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("patient.CLOSED");
  }
}
