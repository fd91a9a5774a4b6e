package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/** The holder blocked this professional (403, {@code blocked}, CON-2). */
public class BlockedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public BlockedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
