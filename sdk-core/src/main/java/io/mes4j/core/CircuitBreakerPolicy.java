package io.mes4j.core;

import io.mes4j.core.error.InvalidValueException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * When a client stops calling a failing server for a while, failing fast with {@link
 * io.mes4j.core.error.CircuitOpenException} instead.
 *
 * <p>There is one circuit breaker per root client (its variants share it). It looks at the last
 * {@code slidingWindowSize} HTTP requests; once at least {@code minimumNumberOfCalls} were made and
 * {@code failureRateThreshold} percent of them failed, it opens for {@code
 * waitDurationInOpenState}, then lets {@code permittedCallsInHalfOpenState} trial requests through,
 * closing again if they succeed. Only server failures count: a {@code 5xx} other than {@code 501},
 * a connection failure or a timeout. A refusal ({@code 4xx}) is a success for the breaker.
 *
 * <p>{@link #ofDefaults()}: 50 % failures over a window of 20 calls, at least 10 calls, open for 30
 * s, 3 trial calls.
 */
public final class CircuitBreakerPolicy {

  private static final CircuitBreakerPolicy DEFAULTS = builder().build();
  private static final CircuitBreakerPolicy DISABLED = new CircuitBreakerPolicy(builder(), false);

  private final boolean enabled;
  private final float failureRateThreshold;
  private final int slidingWindowSize;
  private final int minimumNumberOfCalls;
  private final Duration waitDurationInOpenState;
  private final int permittedCallsInHalfOpenState;

  private CircuitBreakerPolicy(Builder b, boolean enabled) {
    this.enabled = enabled;
    this.failureRateThreshold = b.failureRateThreshold;
    this.slidingWindowSize = b.slidingWindowSize;
    this.minimumNumberOfCalls = b.minimumNumberOfCalls;
    this.waitDurationInOpenState = b.waitDurationInOpenState;
    this.permittedCallsInHalfOpenState = b.permittedCallsInHalfOpenState;
  }

  /** 50 % failures over a window of 20 calls, at least 10 calls, open for 30 s, 3 trial calls. */
  public static CircuitBreakerPolicy ofDefaults() {
    return DEFAULTS;
  }

  /** No circuit breaker: every call is sent. */
  public static CircuitBreakerPolicy disabled() {
    return DISABLED;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether the breaker is on. */
  public boolean enabled() {
    return enabled;
  }

  /** The failure percentage (0 excluded to 100) that opens the circuit. */
  public float failureRateThreshold() {
    return failureRateThreshold;
  }

  /** How many recent calls the failure rate is computed over. */
  public int slidingWindowSize() {
    return slidingWindowSize;
  }

  /** How many calls the window needs before the rate is judged. */
  public int minimumNumberOfCalls() {
    return minimumNumberOfCalls;
  }

  /** How long the circuit stays open. */
  public Duration waitDurationInOpenState() {
    return waitDurationInOpenState;
  }

  /** How many trial calls the half-open circuit lets through. */
  public int permittedCallsInHalfOpenState() {
    return permittedCallsInHalfOpenState;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CircuitBreakerPolicy p
        && enabled == p.enabled
        && Float.compare(failureRateThreshold, p.failureRateThreshold) == 0
        && slidingWindowSize == p.slidingWindowSize
        && minimumNumberOfCalls == p.minimumNumberOfCalls
        && waitDurationInOpenState.equals(p.waitDurationInOpenState)
        && permittedCallsInHalfOpenState == p.permittedCallsInHalfOpenState;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        enabled,
        failureRateThreshold,
        slidingWindowSize,
        minimumNumberOfCalls,
        waitDurationInOpenState,
        permittedCallsInHalfOpenState);
  }

  @Override
  public String toString() {
    if (!enabled) {
      return "CircuitBreakerPolicy[disabled]";
    }
    return "CircuitBreakerPolicy[failureRateThreshold="
        + failureRateThreshold
        + ", slidingWindowSize="
        + slidingWindowSize
        + ", minimumNumberOfCalls="
        + minimumNumberOfCalls
        + ", waitDurationInOpenState="
        + waitDurationInOpenState
        + ", permittedCallsInHalfOpenState="
        + permittedCallsInHalfOpenState
        + "]";
  }

  /** Builds an enabled {@link CircuitBreakerPolicy}; every setting starts at its default. */
  public static final class Builder {
    private float failureRateThreshold = 50f;
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls = 10;
    private Duration waitDurationInOpenState = Duration.ofSeconds(30);
    private int permittedCallsInHalfOpenState = 3;

    private Builder() {}

    /** The failure percentage that opens the circuit, in (0, 100] (default 50). */
    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percent;
      return this;
    }

    /** The number of recent calls judged, at least 1 (default 20). */
    public Builder slidingWindowSize(int calls) {
      this.slidingWindowSize = calls;
      return this;
    }

    /** The calls needed before judging, at least 1 (default 10). */
    public Builder minimumNumberOfCalls(int calls) {
      this.minimumNumberOfCalls = calls;
      return this;
    }

    /** How long the circuit stays open, positive (default 30 s). */
    public Builder waitDurationInOpenState(Duration wait) {
      this.waitDurationInOpenState = Objects.requireNonNull(wait, "waitDurationInOpenState");
      return this;
    }

    /** The trial calls of the half-open state, at least 1 (default 3). */
    public Builder permittedCallsInHalfOpenState(int calls) {
      this.permittedCallsInHalfOpenState = calls;
      return this;
    }

    /**
     * Validates and builds the policy.
     *
     * @throws InvalidValueException if a setting is out of range
     */
    public CircuitBreakerPolicy build() {
      if (!(failureRateThreshold > 0f && failureRateThreshold <= 100f)) {
        throw new InvalidValueException(
            "circuit breaker failureRateThreshold must be in (0, 100], was "
                + failureRateThreshold);
      }
      if (slidingWindowSize < 1) {
        throw new InvalidValueException("circuit breaker slidingWindowSize must be at least 1");
      }
      if (minimumNumberOfCalls < 1) {
        throw new InvalidValueException("circuit breaker minimumNumberOfCalls must be at least 1");
      }
      if (waitDurationInOpenState.isNegative() || waitDurationInOpenState.isZero()) {
        throw new InvalidValueException("circuit breaker waitDurationInOpenState must be positive");
      }
      if (permittedCallsInHalfOpenState < 1) {
        throw new InvalidValueException(
            "circuit breaker permittedCallsInHalfOpenState must be at least 1");
      }
      return new CircuitBreakerPolicy(this, true);
    }
  }
}
