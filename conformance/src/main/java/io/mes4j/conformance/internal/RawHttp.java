package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP to the target, for the checks whose subject is the wire shape itself (statuses, {@code
 * OperationOutcome} causes, headers) and for the reference server's control plane.
 */
public final class RawHttp {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client;
  private final String base;

  public RawHttp(String baseUrl) {
    this.base = trimSlash(baseUrl);
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  static String trimSlash(String url) {
    String s = url.strip();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  public String base() {
    return base;
  }

  /** A GET with an optional bearer token. */
  public Raw get(String path, @Nullable String token) {
    return send("GET", path, token, null, new byte[0]);
  }

  /** A request; {@code headers} are name, value pairs. */
  public Raw send(
      String method,
      String path,
      @Nullable String token,
      @Nullable String contentType,
      byte[] body,
      String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Accept", "application/fhir+json, application/json")
            .method(
                method,
                body.length == 0 && contentType == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.setHeader(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Raw(r.statusCode(), r.headers().map(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A POST of a JSON body. */
  public Raw postJson(String path, @Nullable String token, String json) {
    return send("POST", path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  /** A response as received. */
  public record Raw(int status, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header (case-insensitive), if present. */
    public Optional<String> header(String name) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
          return Optional.of(e.getValue().get(0));
        }
      }
      return Optional.empty();
    }

    /** The body as JSON, or an empty object if it is not JSON. */
    public JsonNode json() {
      try {
        JsonNode node = JSON.readTree(body);
        return node == null ? JSON.createObjectNode() : node;
      } catch (IOException e) {
        return JSON.createObjectNode();
      }
    }

    /** The {@code OperationOutcome}'s cause code, or null if the body is not one. */
    public @Nullable String cause() {
      JsonNode json = json();
      if (!"OperationOutcome".equals(json.path("resourceType").asText())) {
        return null;
      }
      String code =
          json.path("issue").path(0).path("details").path("coding").path(0).path("code").asText("");
      return code.isEmpty() ? null : code;
    }

    /** The status and cause, as the report shows them: {@code 403 not-authorised}. */
    public String describe() {
      String cause = cause();
      return status + (cause == null ? "" : " " + cause);
    }
  }
}
