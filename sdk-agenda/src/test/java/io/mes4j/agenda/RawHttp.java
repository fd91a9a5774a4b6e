package io.mes4j.agenda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mes4j.mockserver.MockServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Raw HTTP calls to the reference server, for what the SDK refuses to send (bad input) and reads.
 */
final class RawHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A status and a parsed JSON body (or null). */
  record Answer(int status, JsonNode body) {
    String cause() {
      return body.path("issue")
          .path(0)
          .path("details")
          .path("coding")
          .path(0)
          .path("code")
          .asText();
    }
  }

  private RawHttp() {}

  static Answer send(
      MockServer server,
      String token,
      String method,
      String path,
      String contentType,
      String body) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) URI.create(server.baseUrl() + path).toURL().openConnection();
      connection.setRequestMethod(method);
      connection.setRequestProperty("Authorization", "Bearer " + token);
      connection.setRequestProperty("Accept", "application/fhir+json");
      connection.setRequestProperty("Content-Type", contentType);
      connection.setDoOutput(true);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
      int status = connection.getResponseCode();
      byte[] bytes;
      try (InputStream in =
          status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
        bytes = in == null ? new byte[0] : in.readAllBytes();
      }
      JsonNode json = bytes.length == 0 ? JSON.nullNode() : JSON.readTree(bytes);
      return new Answer(status, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Answer json(MockServer server, String token, String method, String path, String body) {
    return send(server, token, method, path, "application/fhir+json", body);
  }

  /**
   * The audit-action codes of a dossier's traces, as its holder reads them (AU-2), oldest first.
   */
  static List<String> traceCodes(
      MockServer server, String holderToken, String insSystem, String ins) {
    Answer answer =
        send(
            server,
            holderToken,
            "POST",
            "/fhir/AuditEvent/_search",
            "application/x-www-form-urlencoded",
            "patient.identifier=" + insSystem + "%7C" + ins + "&_count=100");
    List<String> codes = new ArrayList<>();
    for (JsonNode entry : answer.body().path("entry")) {
      JsonNode event = entry.path("resource");
      codes.add(
          event.path("subtype").path(0).path("code").asText()
              + ":"
              + event.path("outcome").asText());
    }
    return codes;
  }
}
