package io.mes4j.mockserver.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An answer: status, headers, body bytes (its exact length is sent as Content-Length). */
public final class Response {
  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;

  private Response(int status, byte[] body, @Nullable String contentType) {
    this.status = status;
    this.body = body;
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
  }

  public static Response fhir(int status, JsonNode resource) {
    return new Response(status, Json.bytes(resource), MediaTypes.FHIR_JSON_UTF8);
  }

  public static Response json(int status, JsonNode body) {
    return new Response(status, Json.bytes(body), MediaTypes.JSON_UTF8);
  }

  public static Response bytes(int status, byte[] body, String contentType) {
    return new Response(status, body, contentType);
  }

  public static Response empty(int status) {
    return new Response(status, new byte[0], null);
  }

  public Response header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }
}
