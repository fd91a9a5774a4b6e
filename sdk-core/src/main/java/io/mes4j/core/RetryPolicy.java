package io.mes4j.core;

import io.mes4j.core.error.InvalidValueException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a client retries a call that failed for a transient reason.
 *
 * <p>Only idempotent calls are retried: {@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}, and
 * a {@code POST} that carries an {@code Idempotency-Key} (the same key on every attempt). They are
 * retried on {@code 408}, {@code 429}, {@code 500}, {@code 502}, {@code 503}, {@code 504} and on
 * I/O failures (connection refused or reset, a timeout of one attempt).
 *
 * <p>Before attempt {@code n + 1} the client waits a random time between zero and {@code
 * min(maxBackoff, initialBackoff × multiplier^(n-1))} ("full jitter", which spreads the retries of
 * many clients), and at least what the server's {@code Retry-After} asks. It never waits past the
 * deadline of the call ({@link MesClient.Builder#callTimeout(Duration)}): when the next wait would
 * end after it, the call fails at once with the last error.
 *
 * <p>{@link #ofDefaults()}: 3 attempts, initial backoff 200 ms, max backoff 5 s, multiplier 2, full
 * jitter.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(5).maxBackoff(Duration.ofSeconds(10)).build();
 * }</pre>
 */
public final class RetryPolicy {

  /** How the wait before a retry is drawn. */
  public enum Jitter {
    /** A random wait between zero and the exponential backoff (the default). */
    FULL,
    /** Exactly the exponential backoff; for tests and single clients. */
    NONE
  }

  private static final RetryPolicy DEFAULTS = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final Jitter jitter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
  }

  /** 3 attempts, initial backoff 200 ms, max backoff 5 s, multiplier 2, full jitter. */
  public static RetryPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** A single attempt, never retried. */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The most attempts of a call, the first included; 1 means no retry. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The upper bound of the first wait. */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** The upper bound of any wait (a {@code Retry-After} may ask for more). */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** The growth of the bound from one wait to the next. */
  public double multiplier() {
    return multiplier;
  }

  /** How the wait is drawn within its bound. */
  public Jitter jitter() {
    return jitter;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && initialBackoff.equals(p.initialBackoff)
        && maxBackoff.equals(p.maxBackoff)
        && Double.compare(multiplier, p.multiplier) == 0
        && jitter == p.jitter;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + "]";
  }

  /** Builds a {@link RetryPolicy}; every setting starts at its default. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private Jitter jitter = Jitter.FULL;

    private Builder() {}

    private Builder(RetryPolicy p) {
      this.maxAttempts = p.maxAttempts;
      this.initialBackoff = p.initialBackoff;
      this.maxBackoff = p.maxBackoff;
      this.multiplier = p.multiplier;
      this.jitter = p.jitter;
    }

    /** The most attempts, at least 1 (default 3). */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The bound of the first wait, zero or more (default 200 ms). */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
      return this;
    }

    /** The bound of any wait, at least the initial backoff (default 5 s). */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
      return this;
    }

    /** The growth of the bound, at least 1 (default 2). */
    public Builder multiplier(double multiplier) {
      this.multiplier = multiplier;
      return this;
    }

    /** How the wait is drawn (default {@link Jitter#FULL}). */
    public Builder jitter(Jitter jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /**
     * Validates and builds the policy.
     *
     * @throws InvalidValueException if a setting is out of range
     */
    public RetryPolicy build() {
      if (maxAttempts < 1) {
        throw new InvalidValueException("retry maxAttempts must be at least 1, was " + maxAttempts);
      }
      if (initialBackoff.isNegative()) {
        throw new InvalidValueException("retry initialBackoff must not be negative");
      }
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new InvalidValueException("retry maxBackoff must be at least initialBackoff");
      }
      if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
        throw new InvalidValueException("retry multiplier must be a finite number >= 1");
      }
      return new RetryPolicy(this);
    }
  }
}
