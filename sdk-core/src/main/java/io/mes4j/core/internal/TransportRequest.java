package io.mes4j.core.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as the transport sends it.
 *
 * @param method the HTTP method
 * @param uri the absolute, encoded URI
 * @param headers the headers, in order (repeats allowed)
 * @param body the body, or {@code null}
 * @param contentType the body's content type, or {@code null}
 * @param resendable whether sending it twice is harmless (idempotent, or keyed): the transport may
 *     then resend it at once on a fresh connection when a pooled one turns out to have been closed
 *     by the server while idle
 */
public record TransportRequest(
    String method,
    URI uri,
    List<Map.Entry<String, String>> headers,
    byte @Nullable [] body,
    @Nullable String contentType,
    boolean resendable) {

  /** Copies the headers. */
  public TransportRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    headers = List.copyOf(headers);
  }
}
