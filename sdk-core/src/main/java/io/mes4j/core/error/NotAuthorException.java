package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Only the author of the document (or its organisation) may do this (403, {@code not-author},
 * DOC-3, DOC-5, DOC-8).
 */
public class NotAuthorException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public NotAuthorException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
