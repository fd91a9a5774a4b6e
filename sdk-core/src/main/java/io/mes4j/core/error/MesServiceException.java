package io.mes4j.core.error;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The server refused the call or failed: any answer outside {@code 2xx}.
 *
 * <p>It carries the HTTP status, the request id of the call (the {@code X-Request-Id} the server
 * echoed, to quote to its operator), the stable {@link ErrorCause} read from the {@code
 * OperationOutcome} (or inferred from the status when the body has none), the raw cause code,
 * whether the failure is transient and how many HTTP requests the call made.
 *
 * <p>Each cause has its own subclass, so a caller catches what it can act on:
 *
 * <pre>{@code
 * try {
 *   documents.search(patient);
 * } catch (NotAuthorisedException e) {
 *   // ask the patient to authorise this professional
 * } catch (MesServiceException e) {
 *   log.warn("refused: {} (request id {})", e.causeCode(), e.requestId().orElse("-"));
 * }
 * }</pre>
 *
 * <p>A cause mes4j does not know is thrown as a plain {@code MesServiceException} with {@link
 * ErrorCause#UNKNOWN}.
 */
public class MesServiceException extends MesException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final @Nullable String requestId;
  private final ErrorCause errorCause;
  private final String causeCode;
  private final int attempts;

  /**
   * Creates the exception; mes4j creates them from the server's answers.
   *
   * @param message what happened, without any personal data
   * @param statusCode the HTTP status
   * @param requestId the request id of the call, if known
   * @param errorCause the stable cause
   * @param causeCode the raw cause code (the code of {@code errorCause} when the server sent none)
   * @param attempts how many HTTP requests the call made
   */
  public MesServiceException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, null);
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.errorCause = errorCause;
    this.causeCode = causeCode;
    this.attempts = attempts;
  }

  /** The HTTP status of the answer. */
  public int statusCode() {
    return statusCode;
  }

  /** The request id of the call ({@code X-Request-Id}), to quote to the server's operator. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * The stable cause. Named so to leave {@link Throwable#getCause()} alone; {@link
   * ErrorCause#UNKNOWN} when the server's code is not one mes4j knows.
   */
  public ErrorCause errorCause() {
    return errorCause;
  }

  /** The cause code as the server sent it (or the code of {@link #errorCause()} if none). */
  public String causeCode() {
    return causeCode;
  }

  /**
   * Whether the failure is transient (status 408, 429, 500, 502, 503 or 504), so that the same call
   * may succeed later. mes4j has already retried the calls it may retry.
   */
  public boolean isRetryable() {
    return switch (statusCode) {
      case 408, 429, 500, 502, 503, 504 -> true;
      default -> false;
    };
  }

  /** How many HTTP requests the call made (retries and a token replay included). */
  public int attempts() {
    return attempts;
  }
}
