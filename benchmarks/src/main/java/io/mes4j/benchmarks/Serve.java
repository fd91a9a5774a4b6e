package io.mes4j.benchmarks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;

/**
 * A server in a JVM of its own, for the comparisons that must not share a process with their client
 * (throughput, memory, allocations): started, it prints one line {@code ready port=<port>
 * [token=<bearer>]} and serves until its standard input closes.
 *
 * <ul>
 *   <li>{@code Serve reference <documents> [<client-public-key.der>]}: a reference server with
 *       default settings, {@code ADULT} given {@code documents} more documents, an OAuth client
 *       {@code bench-client} (subject {@code DOCTOR}) registered with the given EC key if any; the
 *       token printed is {@code DOCTOR}'s.
 *   <li>{@code Serve wiremock <body-file>}: WireMock with default settings (its request journal on,
 *       unbounded), one static stub answering {@code POST /fhir/DocumentReference/_search} with the
 *       file's bytes as {@code application/fhir+json}.
 * </ul>
 */
public final class Serve {
  /** The client id registered for the token endpoint's benchmark. */
  public static final String CLIENT_ID = "bench-client";

  private Serve() {}

  /**
   * Starts the server, prints its line, waits for the end of standard input.
   *
   * @param args {@code reference <documents> [<key>]} or {@code wiremock <body-file>}
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    if (args.length >= 2 && args[0].equals("reference")) {
      try (MockServer server = MockServer.builder().start()) {
        int documents = Integer.parseInt(args[1]);
        if (documents > 0) {
          SearchFixture.load(server, documents);
        }
        if (args.length >= 3) {
          byte[] der = Files.readAllBytes(Path.of(args[2]));
          PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
          server.control().registerClient(CLIENT_ID, Fixtures.Ids.DOCTOR, key, "bench-key");
        }
        out.println(
            "ready port="
                + server.port()
                + " token="
                + server.control().token(Fixtures.Ids.DOCTOR));
        out.flush();
        awaitEndOfInput();
      }
    } else if (args.length == 2 && args[0].equals("wiremock")) {
      byte[] body = Files.readAllBytes(Path.of(args[1]));
      WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      try {
        stub(server, body);
        out.println("ready port=" + server.port());
        out.flush();
        awaitEndOfInput();
      } finally {
        server.stop();
      }
    } else {
      throw new IllegalArgumentException(
          "usage: Serve reference <documents> [<key.der>] | Serve wiremock <body-file>");
    }
  }

  /** Stubs the search's answer on {@code server}: {@code body}, 200, FHIR JSON. */
  public static void stub(WireMockServer server, byte[] body) {
    server.stubFor(
        WireMock.post(WireMock.urlEqualTo(SearchFixture.PATH))
            .willReturn(
                WireMock.aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json;charset=utf-8")
                    .withBody(body)));
  }

  private static void awaitEndOfInput() throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    while (in.readLine() != null) {
      // anything written is ignored: only the end of the input stops the server
    }
  }
}
