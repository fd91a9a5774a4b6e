package io.mes4j.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful ({@code 2xx}) answer, its body read.
 *
 * @param status the HTTP status
 * @param headers the headers (keys case-insensitive when built by the executor)
 * @param body the body bytes, possibly empty
 * @param requestId the request id of the call (the server's echo, or the one sent)
 * @param attempts how many HTTP requests the call made
 */
public record ApiResponse(
    int status, Map<String, List<String>> headers, byte[] body, String requestId, int attempts) {

  /** The first value of a header, looked up without regard to case. */
  public Optional<String> header(String name) {
    return Headers.first(headers, name);
  }

  /** All the values of a header, looked up without regard to case. */
  public List<String> headerValues(String name) {
    return Headers.all(headers, name);
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Never the body, which may hold personal data. */
  @Override
  public String toString() {
    return "ApiResponse[status="
        + status
        + ", bodyBytes="
        + body.length
        + ", requestId="
        + requestId
        + ", attempts="
        + attempts
        + "]";
  }
}
