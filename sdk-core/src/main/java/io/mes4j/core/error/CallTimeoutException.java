package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A call ran out of time; {@link #kind()} says which limit passed: the connect timeout, the
 * response timeout (of the last attempt) or the deadline of the whole call, retries included.
 */
public class CallTimeoutException extends MesClientException {
  private static final long serialVersionUID = 1L;

  /** Which time limit passed. */
  public enum Kind {
    /** No connection could be made within the connect timeout. */
    CONNECT,
    /** The server did not answer within the response timeout. */
    RESPONSE,
    /** The whole call, retries and waits included, went past its deadline. */
    CALL_DEADLINE
  }

  private final Kind kind;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param message what happened, without any personal data
   * @param kind which limit passed
   * @param attempts how many HTTP requests the call made
   * @param cause the underlying failure, if any
   */
  public CallTimeoutException(String message, Kind kind, int attempts, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.attempts = attempts;
  }

  /** Which limit passed. */
  public Kind kind() {
    return kind;
  }

  /** How many HTTP requests the call made. */
  public int attempts() {
    return attempts;
  }
}
