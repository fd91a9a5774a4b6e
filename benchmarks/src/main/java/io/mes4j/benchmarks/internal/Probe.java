package io.mes4j.benchmarks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The first answer of a reference server: one {@code GET /fhir/metadata} with the JDK's {@link
 * HttpURLConnection}, the lightest HTTP client at hand, so that the figure is the server's and not
 * the cost of loading a client.
 */
public final class Probe {
  private Probe() {}

  /**
   * Fetches {@code <baseUrl>/fhir/metadata} and reads the whole body.
   *
   * @return the number of bytes of the body
   * @throws IllegalStateException if the answer is not a 200
   */
  public static int metadata(String baseUrl) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(baseUrl + "/fhir/metadata").toURL().openConnection();
      try {
        connection.setRequestProperty("Accept", "application/fhir+json");
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        int status = connection.getResponseCode();
        if (status != 200) {
          throw new IllegalStateException("GET /fhir/metadata answered " + status);
        }
        try (InputStream body = connection.getInputStream()) {
          return body.readAllBytes().length;
        }
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("GET /fhir/metadata failed", e);
    }
  }
}
