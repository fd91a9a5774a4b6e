package io.mes4j.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it: a new JVM, its base URL on stdout, SIGTERM to stop. */
class MockServerCommandTest {
  private static Process launch(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MockServerCommand.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  @Test
  void run_printsItsBaseUrl_servesIt_andStopsOnSigterm() throws Exception {
    // GIVEN the server started on a free port with a fixed clock
    Process process = launch("--port", "0", "--clock", "2026-11-28T09:00:00Z");
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String baseUrl = out.readLine();
      assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");

      // WHEN a client asks for the metadata and the clock
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> metadata =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/fhir/metadata")).build(),
              HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> clock =
          http.send(
              HttpRequest.newBuilder(URI.create(baseUrl + "/_mock/clock")).build(),
              HttpResponse.BodyHandlers.ofString());

      // THEN it serves, on the clock it was given
      assertThat(metadata.statusCode()).isEqualTo(200);
      assertThat(metadata.body()).contains("CapabilityStatement");
      assertThat(clock.body()).contains("2026-11-28T09:00:00Z");

      // AND SIGTERM stops it, and the port is closed
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      try {
        http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/fhir/metadata")).build(),
            HttpResponse.BodyHandlers.discarding());
        throw new AssertionError("the server still answers after SIGTERM");
      } catch (ConnectException expected) {
        // closed
      }
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void run_withAnInvalidClock_failsWithUsageStatus() throws Exception {
    Process process = launch("--port", "0", "--clock", "yesterday");
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
  }

  @Test
  void run_withFixtures_saysItIsNotImplementedAndFails() throws Exception {
    // Honest parity: an option not built yet fails instead of starting an empty server
    Process process = launch("--port", "0", "--fixtures", "state.json");
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
  }
}
