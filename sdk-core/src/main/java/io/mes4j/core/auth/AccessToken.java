package io.mes4j.core.auth;

import io.mes4j.core.error.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An access token and, when known, when it expires: a bearer token, or a token DPoP-bound to a key
 * (RFC 9449), sent as {@code Authorization: DPoP} with a proof.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class AccessToken {
  private final String value;
  private final @Nullable Instant expiresAt;
  private final boolean dpopBound;

  private AccessToken(String value, @Nullable Instant expiresAt, boolean dpopBound) {
    this.value = value;
    this.expiresAt = expiresAt;
    this.dpopBound = dpopBound;
  }

  /**
   * A token whose expiry is unknown.
   *
   * @throws InvalidValueException if the value is blank or holds whitespace
   */
  public static AccessToken of(String value) {
    return new AccessToken(check(value), null, false);
  }

  /**
   * A token that expires at {@code expiresAt}.
   *
   * @throws InvalidValueException if the value is blank or holds whitespace
   */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(check(value), Objects.requireNonNull(expiresAt, "expiresAt"), false);
  }

  /**
   * A token DPoP-bound to a key (token type {@code DPoP}, RFC 9449), expiring at {@code expiresAt}
   * if known: the client sends it as {@code Authorization: DPoP} with a proof of that key.
   *
   * @throws InvalidValueException if the value is blank or holds whitespace
   */
  public static AccessToken dpopBound(String value, @Nullable Instant expiresAt) {
    return new AccessToken(check(value), expiresAt, true);
  }

  private static String check(@Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidValueException("an access token must not be blank");
    }
    if (value.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
      throw new InvalidValueException("an access token must not hold whitespace or controls");
    }
    return value;
  }

  /** The token, as sent in {@code Authorization}. */
  public String value() {
    return value;
  }

  /** Whether the token is DPoP-bound (sent with scheme {@code DPoP} and a proof). */
  public boolean isDpopBound() {
    return dpopBound;
  }

  /** The {@code Authorization} scheme: {@code DPoP} for a bound token, else {@code Bearer}. */
  public String scheme() {
    return dpopBound ? "DPoP" : "Bearer";
  }

  /** When the token expires, if known. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Whether the token expires within {@code margin} of {@code clock}'s now (a token of unknown
   * expiry never does).
   */
  public boolean isExpiringWithin(Duration margin, Clock clock) {
    Instant end = expiresAt;
    return end != null && !clock.instant().plus(margin).isBefore(end);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AccessToken t
        && value.equals(t.value)
        && dpopBound == t.dpopBound
        && Objects.equals(expiresAt, t.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt, dpopBound);
  }

  /** The expiry only; the token itself is redacted. */
  @Override
  public String toString() {
    return "AccessToken[<redacted>"
        + (dpopBound ? ", DPoP" : "")
        + (expiresAt == null ? "" : ", expiresAt=" + expiresAt)
        + "]";
  }
}
