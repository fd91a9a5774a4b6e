package io.mes4j.catalogue;

import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.internal.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Requests crafted at transport level, for what the SDK never sends (a replayed proof, a proof for
 * another request); the refusals are decoded by the SDK's own error decoder.
 */
final class Raw {
  private Raw() {}

  /** A status, the headers and the body. */
  record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      List<String> v = headers.get(name);
      return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The typed exception the SDK makes of this answer. */
    MesServiceException error() {
      return ErrorDecoder.decode("GET", "/fhir/Appointment", status, headers, body, null, 1);
    }
  }

  static Answer get(URI uri, Map<String, String> headers) {
    try {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      c.setRequestMethod("GET");
      c.setRequestProperty("Accept", "application/fhir+json");
      headers.forEach(c::setRequestProperty);
      int status = c.getResponseCode();
      byte[] body;
      try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
        body = in == null ? new byte[0] : in.readAllBytes();
      }
      Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      c.getHeaderFields()
          .forEach(
              (k, v) -> {
                if (k != null) {
                  h.put(k, v);
                }
              });
      return new Answer(status, h, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
