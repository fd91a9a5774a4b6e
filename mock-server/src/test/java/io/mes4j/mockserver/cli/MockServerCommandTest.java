package io.mes4j.mockserver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.mockserver.support.TestClient;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as a user runs it: a new JVM, its base URL on stdout, SIGTERM to stop. */
class MockServerCommandTest {
  private static Process launch(String... args) throws IOException {
    return command(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static ProcessBuilder command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(MockServerCommand.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
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
  void run_withAFixturesFile_servesItsState() throws Exception {
    // GIVEN a fixtures file: a generated population of 12 patients, its clock 2026-11-28T09:00Z
    Path file = Files.createTempFile("mes4j-fixtures", ".json");
    String fixtures =
        io.mes4j.mockserver.MockControl.generateFixtures(
            12, 2, 5L, java.time.Instant.parse("2026-11-28T09:00:00Z"));
    Files.writeString(file, fixtures);
    // WHEN the server starts from it with a fixed clock at its instant
    Process process =
        launch("--port", "0", "--clock", "2026-11-28T09:00:00Z", "--fixtures", file.toString());
    try {
      String baseUrl = firstLine(process);

      // THEN it serves the file's state
      HttpResponse<String> state = get(baseUrl + "/_mock/fixtures");
      assertThat(state.statusCode()).isEqualTo(200);
      assertThat(TestClient.JSON.readTree(state.body()).get("patients")).hasSize(12);
      assertThat(TestClient.JSON.readTree(state.body()).get("clock").asText())
          .isEqualTo("2026-11-28T09:00:00Z");
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(file);
    }
  }

  @Test
  void run_withAnInvalidFixturesFile_namesTheLineAndField_andExitsWithUsageStatus()
      throws Exception {
    // GIVEN a fixtures file whose version is unknown, on its third line
    Path file = Files.createTempFile("mes4j-fixtures", ".json");
    Files.writeString(
        file,
        "{\n  \"format\" : \"mes4j-fixtures\",\n  \"version\" : 9,\n  \"clock\" :"
            + " \"2026-11-28T09:00:00Z\"\n}\n");
    try {
      // WHEN the server is started with it
      Process process =
          command("--port", "0", "--fixtures", file.toString())
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      // THEN it does not start, and says where the file is wrong
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).isEqualTo(2);
      assertThat(err).contains("line 3").contains("field version").contains("version 9");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void run_withAMissingFixturesFile_exitsWithUsageStatus() throws Exception {
    Process process = launch("--port", "0", "--fixtures", "no-such-state.json");
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
  }

  @Test
  void run_withGenerate_startsWithAPopulationOfThatSize_deterministicForTheSeed() throws Exception {
    // GIVEN two servers started with the same --generate, --seed and --clock
    String[] args = {
      "--port", "0", "--clock", "2026-11-28T09:00:00Z", "--seed", "42", "--generate", "25"
    };
    Process first = launch(args);
    Process second = launch(args);
    try {
      // WHEN their states are exported
      String one = get(firstLine(first) + "/_mock/fixtures").body();
      String two = get(firstLine(second) + "/_mock/fixtures").body();

      // THEN each holds 25 generated patients, and they are the same
      assertThat(TestClient.JSON.readTree(one).get("patients")).hasSize(25);
      assertThat(two).isEqualTo(one);
    } finally {
      first.destroyForcibly();
      second.destroyForcibly();
    }
  }

  @Test
  void run_withBothFixturesAndGenerate_exitsWithUsageStatus() throws Exception {
    Process process = launch("--port", "0", "--fixtures", "a.json", "--generate", "3");
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
  }

  private static String firstLine(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String baseUrl = out.readLine();
    assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");
    return baseUrl;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
