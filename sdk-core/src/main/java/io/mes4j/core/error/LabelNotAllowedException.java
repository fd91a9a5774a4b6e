package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * This actor may not set or lift this visibility label: {@code MASQUE_PS} is the holder's, {@code
 * INVISIBLE_PATIENT} the author's (403, {@code label-not-allowed}, DOC-6, DOC-8).
 */
public class LabelNotAllowedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public LabelNotAllowedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
