package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The conversation was closed by the professional who started it: no message may be added to it,
 * the holder's replies included (409, {@code conversation-closed}, MSG-2).
 */
public class ConversationClosedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public ConversationClosedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
