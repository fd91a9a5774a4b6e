package io.mes4j.mockserver.internal.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import io.mes4j.mockserver.internal.Cause;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request: method, path, decoded query, headers, path parameters and a body read on demand
 * through a bounded stream (over the limit is a 413, nothing buffered beyond it).
 */
public final class Request {
  private final HttpExchange exchange;
  private final String path;
  private final Map<String, List<String>> query;
  private final String requestId;
  private final long bodyLimit;
  private Map<String, String> pathParams = Map.of();
  private @Nullable String routeTemplate;
  private byte @Nullable [] body;
  private @Nullable Object principal;

  Request(HttpExchange exchange, String requestId, long bodyLimit) {
    this(exchange, exchange.getRequestURI().getRawPath(), requestId, bodyLimit);
  }

  /** A request whose path is {@code path} (the raw path without a tenant prefix). */
  Request(HttpExchange exchange, String path, String requestId, long bodyLimit) {
    this.exchange = exchange;
    this.path = path;
    this.query = parseQuery(exchange.getRequestURI().getRawQuery());
    this.requestId = requestId;
    this.bodyLimit = bodyLimit;
  }

  public String method() {
    return exchange.getRequestMethod();
  }

  public String path() {
    return path;
  }

  public String requestId() {
    return requestId;
  }

  public @Nullable String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  public Headers headers() {
    return exchange.getRequestHeaders();
  }

  public Map<String, List<String>> query() {
    return query;
  }

  public List<String> queryAll(String name) {
    return query.getOrDefault(name, List.of());
  }

  /** The single value of a query parameter; repeated is a 400. */
  public @Nullable String queryOne(String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw HttpError.badRequest("Parameter " + name + " may be given only once");
    }
    return values.get(0);
  }

  public String pathParam(String name) {
    String value = pathParams.get(name);
    if (value == null) {
      throw new IllegalStateException("no path parameter " + name);
    }
    return value;
  }

  void route(String template, Map<String, String> params) {
    this.routeTemplate = template;
    this.pathParams = params;
  }

  /** The route template, for logs (never the concrete path: it may hold an identifier). */
  public String routeTemplate() {
    return routeTemplate == null ? "(unrouted)" : routeTemplate;
  }

  /** The base type of the Content-Type header, lower case, or null. */
  public @Nullable String contentType() {
    String value = header("Content-Type");
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase();
  }

  /** Requires a JSON content type (FHIR or plain JSON): otherwise 415. */
  public void requireJsonContent() {
    String type = contentType();
    if (!MediaTypes.FHIR_JSON.equals(type) && !MediaTypes.JSON.equals(type)) {
      throw new HttpError(
          Cause.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type must be application/fhir+json or application/json");
    }
  }

  /** Reads the whole body, at most the limit; over it is a 413. */
  public byte[] body() {
    byte[] read = body;
    if (read != null) {
      return read;
    }
    String length = header("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > bodyLimit) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw HttpError.badRequest("Content-Length is not a number");
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bodyLimit + 1));
      if (bytes.length > bodyLimit) {
        throw tooLarge();
      }
      body = bytes;
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and drops what is left of a body no handler read, at most {@code max} bytes; false when
   * more is left. The JDK then closes the connection on its own, so the answer must say {@code
   * Connection: close}, else a client reuses a connection the server is closing.
   */
  public boolean drainUnread(int max) {
    if (body != null) {
      return true;
    }
    try {
      InputStream in = exchange.getRequestBody();
      long left = max;
      byte[] sink = new byte[8192];
      while (left > 0) {
        int n = in.read(sink, 0, (int) Math.min(sink.length, left));
        if (n < 0) {
          return true;
        }
        left -= n;
      }
      return in.read() < 0;
    } catch (IOException e) {
      return false;
    }
  }

  private HttpError tooLarge() {
    return new HttpError(
            Cause.TOO_LARGE, "The request body is over the limit of " + bodyLimit + " bytes")
        .header("Connection", "close");
  }

  public void principal(Object principal) {
    this.principal = principal;
  }

  /** The principal a valid bearer token gave, or null (none yet, or a public endpoint). */
  public @Nullable Object principalOrNull() {
    return principal;
  }

  /** The raw query string, or null. */
  public @Nullable String rawQuery() {
    return exchange.getRequestURI().getRawQuery();
  }

  public <T> T principal(Class<T> type) {
    Object value = principal;
    if (value == null) {
      throw new IllegalStateException("no principal");
    }
    return type.cast(value);
  }

  public static Map<String, List<String>> parseQuery(@Nullable String raw) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("The query string is not correctly percent-encoded");
    }
  }
}
