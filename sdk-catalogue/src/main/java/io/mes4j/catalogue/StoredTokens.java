package io.mes4j.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The tokens of one pairing, as the application stores them ({@link TokenStore}).
 *
 * <p>{@link #toString()} never shows a token.
 *
 * @param accessToken the access token
 * @param refreshToken the refresh token (rotated at each refresh), or {@code null}
 * @param expiresAt when the access token expires
 * @param dpopBound whether the tokens are DPoP-bound (token type {@code DPoP}); the refresh token
 *     then needs a proof by the same key
 * @param finalities the finalities granted
 */
public record StoredTokens(
    String accessToken,
    @Nullable String refreshToken,
    Instant expiresAt,
    boolean dpopBound,
    List<Finality> finalities) {

  /** Checks presence and copies the finalities. */
  public StoredTokens {
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(expiresAt, "expiresAt");
    finalities = List.copyOf(finalities);
  }

  /** The refresh token, if any. */
  public Optional<String> refresh() {
    return Optional.ofNullable(refreshToken);
  }

  /** The tokens redacted. */
  @Override
  public String toString() {
    return "StoredTokens[<redacted>, expiresAt="
        + expiresAt
        + (dpopBound ? ", DPoP" : "")
        + ", finalities="
        + finalities
        + "]";
  }
}
