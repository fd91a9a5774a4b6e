package io.mes4j.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Only the holder of the space (or a minor's legal representative) may do this: block a
 * professional, change the emergency settings, revoke an authorisation… (403, {@code holder-only},
 * CON-1 to CON-5).
 */
public class HolderOnlyException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception; see {@link MesServiceException#MesServiceException}. */
  public HolderOnlyException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
  }
}
