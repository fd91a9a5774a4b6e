package io.mes4j.mockserver.support;

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
import java.util.Map;

/**
 * Plain HTTP against the server (java.net.http, not the SDK). Every {@code application/fhir+json}
 * answer is recorded for {@link FhirValidation}.
 */
public final class TestClient {
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** An answer: status, headers, body. */
  public record Answer(int status, HttpResponse<byte[]> response) {
    public String text() {
      return new String(response.body(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
      return response.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }

    /** The cause code of an OperationOutcome answer. */
    public String cause() {
      return json()
          .path("issue")
          .path(0)
          .path("details")
          .path("coding")
          .path(0)
          .path("code")
          .asText();
    }
  }

  private final String baseUrl;

  public TestClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public Answer get(String path, String token, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, token).GET();
    headers.forEach(builder::setHeader);
    return send(builder.build());
  }

  public Answer post(String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder builder =
        request(path, token).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      builder.setHeader("Content-Type", contentType);
    }
    return send(builder.build());
  }

  /** A POST with an {@code application/x-www-form-urlencoded} body (a FHIR search via POST). */
  public Answer postForm(String path, String token, String form) {
    return post(
        path, token, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
  }

  public Answer postJson(String path, String token, Object json) {
    return post(path, token, "application/fhir+json", bytes(json));
  }

  /** A request of any method with a body of the given content type (a PATCH, say). */
  public Answer send(String method, String path, String token, String contentType, byte[] body) {
    HttpRequest.Builder builder =
        request(path, token).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    builder.setHeader("Content-Type", contentType);
    return send(builder.build());
  }

  public Answer method(String method, String path, String token) {
    return send(request(path, token).method(method, HttpRequest.BodyPublishers.noBody()).build());
  }

  public Answer control(String method, String path, Object json) {
    HttpRequest.BodyPublisher body =
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(bytes(json));
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
    if (json != null) {
      builder.setHeader("Content-Type", "application/json");
    }
    return send(builder.build());
  }

  public Answer form(String path, String form) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .setHeader("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      builder.setHeader("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static byte[] bytes(Object json) {
    try {
      return json instanceof String s
          ? s.getBytes(StandardCharsets.UTF_8)
          : JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer send(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (type.startsWith("application/fhir+json") && response.body().length > 0) {
        Recorded.add(
            request.method() + " " + request.uri().getPath(),
            new String(response.body(), StandardCharsets.UTF_8));
      }
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
