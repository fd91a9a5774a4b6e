package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The server could not be reached, or the connection failed before a complete answer arrived
 * (refused, reset, unknown host, TLS failure), after the retries the call was allowed.
 */
public class ConnectionFailedException extends MesClientException {
  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what happened, without any personal data
   * @param attempts how many HTTP requests the call made
   * @param cause the underlying I/O failure
   */
  public ConnectionFailedException(String message, int attempts, @Nullable Throwable cause) {
    super(message, cause);
    this.attempts = attempts;
  }

  /** How many HTTP requests the call made. */
  public int attempts() {
    return attempts;
  }
}
