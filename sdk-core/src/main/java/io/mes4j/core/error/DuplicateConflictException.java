package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A document with the same unique id but other content exists (409, {@code duplicate-conflict},
 * DOC-2).
 */
public class DuplicateConflictException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public DuplicateConflictException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
