package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A holder (or a minor's representative) tried to start a conversation: only professionals and
 * establishments start one, the holder replies inside it (403, {@code holder-cannot-start}, MSG-1).
 */
public class HolderCannotStartException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public HolderCannotStartException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
