package io.mes4j.core.auth;

import io.mes4j.core.error.InvalidValueException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A bearer access token and, when known, when it expires.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class AccessToken {
  private final String value;
  private final @Nullable Instant expiresAt;

  private AccessToken(String value, @Nullable Instant expiresAt) {
    this.value = value;
    this.expiresAt = expiresAt;
  }

  /**
   * A token whose expiry is unknown.
   *
   * @throws InvalidValueException if the value is blank or holds whitespace
   */
  public static AccessToken of(String value) {
    return new AccessToken(check(value), null);
  }

  /**
   * A token that expires at {@code expiresAt}.
   *
   * @throws InvalidValueException if the value is blank or holds whitespace
   */
  public static AccessToken of(String value, Instant expiresAt) {
    return new AccessToken(check(value), Objects.requireNonNull(expiresAt, "expiresAt"));
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

  /** The token, as sent in {@code Authorization: Bearer}. */
  public String value() {
    return value;
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
        && Objects.equals(expiresAt, t.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt);
  }

  /** The expiry only; the token itself is redacted. */
  @Override
  public String toString() {
    return "AccessToken[<redacted>" + (expiresAt == null ? "" : ", expiresAt=" + expiresAt) + "]";
  }
}
