package io.mes4j.core.internal;

import java.io.IOException;
import java.time.Instant;

/**
 * The transport SPI: sends one HTTP request, nothing more. Authentication, retries, the circuit
 * breaker and error mapping sit above it, in {@link ResilientExecutor}.
 *
 * <p>{@link ApacheHttpTransport} is the implementation; tests may plug another.
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends {@code request} and returns once the status and headers are in; the body is read from the
   * response, which the caller closes.
   *
   * @param request what to send
   * @param deadline when the call must end: the attempt is aborted then, and fails with a {@link
   *     TransportTimeoutException} of kind {@code CALL_DEADLINE}
   * @throws TransportTimeoutException if a timeout or the deadline passed
   * @throws IOException if the exchange failed
   */
  TransportResponse send(TransportRequest request, Instant deadline) throws IOException;

  /** Releases the connections; idempotent. */
  @Override
  void close();
}
