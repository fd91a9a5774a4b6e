package io.mes4j.core.internal;

import io.mes4j.core.AccessMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One logical call for the {@link ApiExecutor}: method, where to, what to send, and how it may be
 * retried.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.builder("GET", "/fhir/DocumentReference/{id}")
 *     .path("/fhir/DocumentReference/" + ApiRequest.encodePathSegment(id))
 *     .queryParam("_count", "20")
 *     .build();
 * }</pre>
 *
 * <p>The target is a {@linkplain Builder#path(String) path} relative to the client's base URL, or
 * an {@linkplain Builder#url(String) absolute URL} (a {@code next} link), which must be on the same
 * scheme, host and port as the base URL (the executor refuses it otherwise, so the token never
 * leaves for another server). Only the {@linkplain #pathTemplate() path template} is ever logged:
 * the actual path and the query may hold an INS.
 *
 * <p>{@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE} and {@code OPTIONS} are retryable by
 * default; a {@code POST} or {@code PATCH} only with an {@linkplain Builder#idempotencyKey(String)
 * idempotency key}, sent as {@code Idempotency-Key} with the same value on every attempt.
 */
public final class ApiRequest {

  /** The media type of FHIR JSON. */
  public static final String FHIR_JSON = "application/fhir+json";

  private static final Set<String> IDEMPOTENT_METHODS =
      Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final Set<String> RESERVED_HEADERS =
      Set.of(
          "authorization",
          "user-agent",
          "idempotency-key",
          "host",
          "content-length",
          "content-type",
          "accept");

  private final String method;
  private final String pathTemplate;
  private final @Nullable String path;
  private final @Nullable String url;
  private final List<Map.Entry<String, String>> queryParams;
  private final List<Map.Entry<String, String>> headers;
  private final byte @Nullable [] body;
  private final @Nullable String contentType;
  private final String accept;
  private final @Nullable AccessMode accessMode;
  private final boolean retryable;
  private final @Nullable String idempotencyKey;
  private final boolean authenticated;
  private final boolean redirectExpected;

  private ApiRequest(Builder b) {
    this.method = b.method;
    this.pathTemplate = b.pathTemplate;
    this.path = b.path;
    this.url = b.url;
    this.queryParams = List.copyOf(b.queryParams);
    this.headers = List.copyOf(b.headers);
    this.body = b.body;
    this.contentType = b.contentType;
    this.accept = b.accept;
    this.accessMode = b.accessMode;
    this.idempotencyKey = b.idempotencyKey;
    this.retryable =
        b.retryable != null
            ? b.retryable
            : IDEMPOTENT_METHODS.contains(method) || b.idempotencyKey != null;
    this.authenticated = b.authenticated;
    this.redirectExpected = b.redirectExpected;
  }

  /** A builder for a call of {@code method} on the path template (also the path if no other). */
  public static Builder builder(String method, String pathTemplate) {
    return new Builder(method, pathTemplate);
  }

  /**
   * Encodes one path segment (an id) so it cannot change the path: {@code /}, {@code ?}, {@code #},
   * {@code %} and spaces are escaped.
   */
  public static String encodePathSegment(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The path template, e.g. {@code /fhir/DocumentReference/{id}}: what the logs show. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** The path relative to the base URL, unless the target is an absolute URL. */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** The absolute URL (a next link), unless the target is a path. */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /** The query parameters, in order, not yet encoded. */
  public List<Map.Entry<String, String>> queryParams() {
    return queryParams;
  }

  /** The extra headers, in order. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The first value of an extra header, looked up without regard to case. */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return Optional.of(h.getValue());
      }
    }
    return Optional.empty();
  }

  /** The body, if any. */
  public byte @Nullable [] body() {
    return body;
  }

  /** The body's content type, if any. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** The {@code Accept} header (default {@value #FHIR_JSON}). */
  public String accept() {
    return accept;
  }

  /** The access mode of this call, when it differs from the client's. */
  public Optional<AccessMode> accessMode() {
    return Optional.ofNullable(accessMode);
  }

  /** Whether the call may be sent more than once. */
  public boolean retryable() {
    return retryable;
  }

  /** The idempotency key, sent on every attempt, if any. */
  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  /** Whether the call carries a bearer token (true except for discovery-like calls). */
  public boolean authenticated() {
    return authenticated;
  }

  /**
   * Whether a {@code 3xx} answer is the expected outcome (e.g. an OAuth authorisation redirect),
   * returned as is instead of failing; redirects are never followed.
   */
  public boolean redirectExpected() {
    return redirectExpected;
  }

  /** The method and path template only. */
  @Override
  public String toString() {
    return "ApiRequest[" + method + " " + pathTemplate + "]";
  }

  /** Builds an {@link ApiRequest}. */
  public static final class Builder {
    private final String method;
    private final String pathTemplate;
    private @Nullable String path;
    private @Nullable String url;
    private final List<Map.Entry<String, String>> queryParams = new ArrayList<>();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private byte @Nullable [] body;
    private @Nullable String contentType;
    private String accept = FHIR_JSON;
    private @Nullable AccessMode accessMode;
    private @Nullable Boolean retryable;
    private @Nullable String idempotencyKey;
    private boolean authenticated = true;
    private boolean redirectExpected;

    private Builder(String method, String pathTemplate) {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(pathTemplate, "pathTemplate");
      if (method.isBlank()) {
        throw new IllegalArgumentException("method must not be blank");
      }
      this.method = method.toUpperCase(Locale.ROOT);
      this.pathTemplate = pathTemplate;
    }

    /** The path relative to the base URL, starting with {@code /}, without query. */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/") || path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
        throw new IllegalArgumentException(
            "path must start with / and hold no query or fragment: " + pathTemplate);
      }
      this.path = path;
      this.url = null;
      return this;
    }

    /** An absolute URL (a next link); must be on the client's scheme, host and port. */
    public Builder url(String absoluteUrl) {
      this.url = Objects.requireNonNull(absoluteUrl, "absoluteUrl");
      this.path = null;
      return this;
    }

    /** Adds a query parameter (repeatable, order kept); the executor encodes it. */
    public Builder queryParam(String name, String value) {
      queryParams.add(
          new AbstractMap.SimpleImmutableEntry<>(
              Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
      return this;
    }

    /**
     * Adds a header. {@code Authorization}, {@code User-Agent}, {@code Idempotency-Key}, {@code
     * Host} and {@code Content-Length} are the executor's, {@code Content-Type} and {@code Accept}
     * are set with {@link #body} and {@link #accept}: all are refused here.
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("header " + name + " is set by the executor");
      }
      headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
      return this;
    }

    /** Sets {@code X-Request-Id} instead of a generated one. */
    public Builder requestId(String requestId) {
      headers.removeIf(h -> h.getKey().equalsIgnoreCase("X-Request-Id"));
      return header("X-Request-Id", requestId);
    }

    /** The body and its content type. */
    public Builder body(byte[] body, String contentType) {
      this.body = Objects.requireNonNull(body, "body").clone();
      this.contentType = Objects.requireNonNull(contentType, "contentType");
      return this;
    }

    /** The {@code Accept} header (default {@value #FHIR_JSON}). */
    public Builder accept(String accept) {
      this.accept = Objects.requireNonNull(accept, "accept");
      return this;
    }

    /** The access mode of this call, overriding the client's. */
    public Builder accessMode(AccessMode accessMode) {
      this.accessMode = Objects.requireNonNull(accessMode, "accessMode");
      return this;
    }

    /** Overrides whether the call may be retried. */
    public Builder retryable(boolean retryable) {
      this.retryable = retryable;
      return this;
    }

    /** Sets the idempotency key, making the call retryable unless said otherwise. */
    public Builder idempotencyKey(String key) {
      Objects.requireNonNull(key, "key");
      if (key.isBlank()) {
        throw new IllegalArgumentException("idempotency key must not be blank");
      }
      this.idempotencyKey = key;
      return this;
    }

    /** Sets a new random idempotency key (a UUID), once for the whole logical call. */
    public Builder withNewIdempotencyKey() {
      return idempotencyKey(UUID.randomUUID().toString());
    }

    /** Whether to send a bearer token (default true). */
    public Builder authenticated(boolean authenticated) {
      this.authenticated = authenticated;
      return this;
    }

    /** Takes a {@code 3xx} answer as the outcome instead of a failure (never followed). */
    public Builder redirectExpected(boolean redirectExpected) {
      this.redirectExpected = redirectExpected;
      return this;
    }

    /**
     * Builds the request; the path defaults to the path template.
     *
     * @throws IllegalArgumentException if the template has placeholders and no path was given
     */
    public ApiRequest build() {
      if (path == null && url == null) {
        path(pathTemplate);
        if (pathTemplate.indexOf('{') >= 0) {
          throw new IllegalArgumentException("no path given for template " + pathTemplate);
        }
      }
      return new ApiRequest(this);
    }
  }
}
