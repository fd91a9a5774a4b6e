package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A failure on the caller's side: an invalid value refused before anything was sent, a connection
 * that could not be made, a deadline that passed, an open circuit, content whose hash does not
 * match. The server either never saw the request or its answer could not be used.
 */
public class MesClientException extends MesException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure on the caller's side.
   *
   * @param message what went wrong; never a value that may identify a person
   */
  public MesClientException(String message) {
    super(message, null);
  }

  /**
   * A failure on the caller's side, with the failure that caused it.
   *
   * @param message what went wrong; never a value that may identify a person
   * @param cause the underlying failure, if any
   */
  public MesClientException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
