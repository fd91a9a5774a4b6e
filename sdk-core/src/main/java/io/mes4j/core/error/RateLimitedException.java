package io.mes4j.core.error;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Too many requests (429, {@code rate-limited}). mes4j retries idempotent calls, waiting at least
 * what {@code Retry-After} asks; this is thrown once the attempts or the call deadline are used up.
 */
public class RateLimitedException extends MesServiceException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Duration retryAfter;

  /**
   * Creates the exception; see {@link MesServiceException#MesServiceException}.
   *
   * @param retryAfter what the last answer's {@code Retry-After} asked, if anything
   */
  public RateLimitedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts,
      @Nullable Duration retryAfter) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
    this.retryAfter = retryAfter;
  }

  /** How long the server asked to wait ({@code Retry-After} of the last answer), if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
