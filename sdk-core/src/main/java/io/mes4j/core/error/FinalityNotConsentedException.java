package io.mes4j.core.error;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The finality the action needs is not consented (403, {@code finality-not-consented}, CAT-2,
 * CAT-3): the service's token does not carry it, or the holder withdrew it. {@link #finality()}
 * names the finality needed when the server said it.
 *
 * <pre>{@code
 * } catch (FinalityNotConsentedException e) {
 *   e.finality().ifPresent(f -> askTheHolderToPairAgainWith(f));
 * }
 * }</pre>
 */
public class FinalityNotConsentedException extends ForbiddenException {
  private static final long serialVersionUID = 1L;
  private static final Pattern FINALITY =
      Pattern.compile("\\b([A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9])\\b");

  private final @Nullable String finality;

  /**
   * Creates the exception; the finality needed is read from the message (the server's diagnostics),
   * see {@link MesServiceException#MesServiceException}.
   */
  public FinalityNotConsentedException(
      String message,
      int statusCode,
      @Nullable String requestId,
      ErrorCause errorCause,
      String causeCode,
      int attempts) {
    super(message, statusCode, requestId, errorCause, causeCode, attempts);
    this.finality = finalityIn(message);
  }

  /** The code of the finality needed, e.g. {@code DOCUMENTS_READ}, if the server named it. */
  public Optional<String> finality() {
    return Optional.ofNullable(finality);
  }

  private static @Nullable String finalityIn(String message) {
    Matcher m = FINALITY.matcher(message);
    return m.find() ? m.group(1) : null;
  }
}
