package io.mes4j.mockserver.internal.http;

import io.mes4j.mockserver.internal.Cause;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal on its way to the caller: its cause, a human message (never holding personal data) and
 * extra headers. Cheap to throw: no stack trace.
 */
public final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Cause cause;
  private final transient Map<String, String> headers = new LinkedHashMap<>();

  public HttpError(Cause cause, String message) {
    super(message, null, false, false);
    this.cause = cause;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(Cause.INVALID_REQUEST, message);
  }

  public static HttpError notFound(String message) {
    return new HttpError(Cause.NOT_FOUND, message);
  }

  public HttpError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Cause errorCause() {
    return cause;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
