package io.mes4j.core.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful ({@code 2xx}) answer whose body is still to be read; close it (or its body) once
 * done to give the connection back.
 */
public final class StreamingResponse implements AutoCloseable {
  private final TransportResponse response;
  private final String requestId;
  private final int attempts;

  StreamingResponse(TransportResponse response, String requestId, int attempts) {
    this.response = response;
    this.requestId = requestId;
    this.attempts = attempts;
  }

  /** The HTTP status. */
  public int status() {
    return response.status();
  }

  /** The headers, keys case-insensitive. */
  public Map<String, List<String>> headers() {
    return response.headers();
  }

  /** The first value of a header, looked up without regard to case. */
  public Optional<String> header(String name) {
    return Headers.first(response.headers(), name);
  }

  /** The body, to read once; closing it closes the response. */
  public InputStream body() {
    return response.body();
  }

  /** The request id of the call. */
  public String requestId() {
    return requestId;
  }

  /** How many HTTP requests the call made. */
  public int attempts() {
    return attempts;
  }

  /** Releases the connection. */
  @Override
  public void close() {
    response.close();
  }

  @Override
  public String toString() {
    return "StreamingResponse[status=" + status() + ", requestId=" + requestId + "]";
  }
}
