package io.mes4j.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A server's start to its first answer, in process, for a new JVM each time: {@code ColdServer
 * reference} starts a reference server with its defaults, mints {@code DOCTOR}'s token and sends
 * the search of {@code ADULT}'s documents (page of 100); {@code ColdServer wiremock <body-file>}
 * starts WireMock with its defaults, stubs the same request with the reference server's answer (the
 * file) and sends it. Both send it with {@link HttpURLConnection} and read the whole body, then
 * print {@code first-answer ok mode=<mode> bytes=<n> in-main-ms=<ms>}, the time from {@code main}
 * to the answer read.
 */
public final class ColdServer {
  private ColdServer() {}

  /**
   * Runs one start.
   *
   * @param args {@code reference}, or {@code wiremock <body-file>}
   */
  public static void main(String[] args) throws IOException {
    long entered = System.nanoTime();
    String mode = args[0];
    int bytes;
    if (mode.equals("reference")) {
      try (MockServer server = MockServer.builder().start()) {
        String token = server.control().token(Fixtures.Ids.DOCTOR);
        bytes = search(server.baseUrl(), token);
        answer(mode, bytes, entered);
      }
    } else if (mode.equals("wiremock")) {
      byte[] body = Files.readAllBytes(Path.of(args[1]));
      WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      Serve.stub(server, body);
      bytes = search("http://127.0.0.1:" + server.port(), "unused");
      answer(mode, bytes, entered);
      server.stop();
    } else {
      throw new IllegalArgumentException("mode must be reference or wiremock, got " + mode);
    }
    System.exit(0);
  }

  /** POSTs the search; returns the number of bytes of the answer's body. */
  static int search(String baseUrl, String token) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(baseUrl + SearchFixture.PATH).toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
      connection.setRequestProperty("Accept", "application/fhir+json");
      try (OutputStream out = connection.getOutputStream()) {
        out.write(SearchFixture.form(SearchFixture.PAGE));
      }
      if (connection.getResponseCode() != 200) {
        throw new IllegalStateException("the search answered " + connection.getResponseCode());
      }
      try (InputStream in = connection.getInputStream()) {
        return in.readAllBytes().length;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the search failed", e);
    }
  }

  private static void answer(String mode, int bytes, long entered) {
    double ms = (System.nanoTime() - entered) / 1e6;
    PrintStream out = System.out;
    out.println(
        String.format(
            Locale.ROOT, "%s mode=%s bytes=%d in-main-ms=%.1f", ColdStart.ANSWER, mode, bytes, ms));
    out.flush();
  }
}
