package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception mes4j throws. It is unchecked: a caller catches the subclass it can
 * act on ({@link MesServiceException} and its per-cause subclasses, or {@link MesClientException}).
 */
public abstract class MesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with its message and the failure that caused it.
   *
   * @param message what went wrong; never a value that may identify a person
   * @param cause the underlying failure, if any
   */
  protected MesException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
