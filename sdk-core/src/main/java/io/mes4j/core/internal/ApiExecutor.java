package io.mes4j.core.internal;

/**
 * Executes the calls of the modules against the server of a {@link io.mes4j.core.MesClient}.
 *
 * <p>It adds the bearer token (for the request's access mode, or the client's), {@code
 * X-Request-Id} (a UUID per logical call unless the request sets one), {@code User-Agent} and
 * {@code Idempotency-Key}; it retries, goes through the circuit breaker, keeps the call's deadline,
 * replays once with a fresh token on a {@code 401}, and turns any answer outside {@code 2xx} into
 * the typed {@link io.mes4j.core.error.MesServiceException} of its cause.
 */
public interface ApiExecutor {

  /**
   * Executes the request and reads the whole body.
   *
   * @throws io.mes4j.core.error.MesException on any failure, typed
   */
  ApiResponse execute(ApiRequest request);

  /**
   * Executes the request and hands over the body unread, once a {@code 2xx} status arrived; the
   * caller closes the response. The call's deadline covers the attempts up to the headers; the body
   * is read at the caller's pace (each read bounded by the response timeout).
   *
   * @throws io.mes4j.core.error.MesException on any failure, typed
   */
  StreamingResponse executeStreaming(ApiRequest request);

  /** The base URL of the client, without a trailing slash. */
  String baseUrl();
}
