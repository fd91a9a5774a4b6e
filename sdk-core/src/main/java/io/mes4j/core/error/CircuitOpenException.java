package io.mes4j.core.error;

/**
 * The client's circuit breaker is open: too many recent calls to the server failed (5xx or
 * connection failures), so the call failed fast without being sent. It closes again after the wait
 * configured in {@link io.mes4j.core.CircuitBreakerPolicy}.
 */
public class CircuitOpenException extends MesClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   */
  public CircuitOpenException(String message) {
    super(message);
  }
}
