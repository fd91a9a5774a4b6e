package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The request content type, or the document's MIME type, is refused (415, {@code
 * unsupported-media-type}, DOC-1).
 */
public class UnsupportedMediaTypeException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public UnsupportedMediaTypeException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
