package io.mes4j.mockserver;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A fault rule for {@code /fhir} and {@code /oauth2} (never {@code /_mock}): on requests matching a
 * method and path pattern, at a rate, answer an error status (with {@code Retry-After}), drop the
 * connection, and/or add latency. Immutable: each method returns a new rule. The wire shape is
 * {@code PUT /_mock/faults} in the wire contract.
 *
 * <pre>{@code
 * server.control().faults(42,
 *     Fault.on("/fhir/**").rate(0.05).status(503),
 *     Fault.on("/fhir/**").rate(0.05).status(429).retryAfter(Duration.ofSeconds(1)),
 *     Fault.on("/fhir/**").rate(0.05).drop(),
 *     Fault.on("/fhir/**").rate(0.05).latencyUniform(Duration.ofMillis(50), Duration.ofMillis(400)));
 * }</pre>
 */
public final class Fault {
  /** How a latency is distributed. */
  public enum Distribution {
    /** Always the same delay. */
    FIXED,
    /** Uniform between a minimum and a maximum. */
    UNIFORM,
    /** Log-normal around a median with a shape sigma, optionally capped. */
    LOGNORMAL
  }

  /** The longest delay a rule may add: one minute. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(1);

  private final @Nullable String method;
  private final String path;
  private final double rate;
  private final int status;
  private final @Nullable Duration retryAfter;
  private final boolean drop;
  private final @Nullable Distribution distribution;
  private final long minMs;
  private final long maxMs;
  private final double sigma;

  private Fault(
      @Nullable String method,
      String path,
      double rate,
      int status,
      @Nullable Duration retryAfter,
      boolean drop,
      @Nullable Distribution distribution,
      long minMs,
      long maxMs,
      double sigma) {
    this.method = method;
    this.path = path;
    this.rate = rate;
    this.status = status;
    this.retryAfter = retryAfter;
    this.drop = drop;
    this.distribution = distribution;
    this.minMs = minMs;
    this.maxMs = maxMs;
    this.sigma = sigma;
  }

  /**
   * A rule on paths matching {@code pathPattern} (a glob: {@code *} within a segment, {@code **}
   * across; or {@code regex:…}), any method, rate 1, doing nothing until told what to do.
   */
  public static Fault on(String pathPattern) {
    return new Fault(
        null,
        Objects.requireNonNull(pathPattern, "pathPattern"),
        1.0,
        0,
        null,
        false,
        null,
        0,
        0,
        0);
  }

  /** Only requests with this method. */
  public Fault method(String method) {
    return new Fault(
        Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT),
        path,
        rate,
        status,
        retryAfter,
        drop,
        distribution,
        minMs,
        maxMs,
        sigma);
  }

  /** The share of matching requests this rule takes, 0 to 1 (see the wire contract). */
  public Fault rate(double rate) {
    return new Fault(
        method, path, rate, status, retryAfter, drop, distribution, minMs, maxMs, sigma);
  }

  /** Answers this status (400 to 599) instead of serving the request. */
  public Fault status(int status) {
    return new Fault(
        method, path, rate, status, retryAfter, drop, distribution, minMs, maxMs, sigma);
  }

  /** With {@link #status}: a {@code Retry-After} of this many whole seconds. */
  public Fault retryAfter(Duration retryAfter) {
    return new Fault(
        method,
        path,
        rate,
        status,
        Objects.requireNonNull(retryAfter, "retryAfter"),
        drop,
        distribution,
        minMs,
        maxMs,
        sigma);
  }

  /** Closes the connection without an answer instead of serving the request. */
  public Fault drop() {
    return new Fault(
        method, path, rate, status, retryAfter, true, distribution, minMs, maxMs, sigma);
  }

  /** Waits {@code delay} first. */
  public Fault latencyFixed(Duration delay) {
    long ms = Objects.requireNonNull(delay, "delay").toMillis();
    return new Fault(method, path, rate, status, retryAfter, drop, Distribution.FIXED, ms, ms, 0);
  }

  /** Waits a delay drawn uniformly between {@code min} and {@code max} first. */
  public Fault latencyUniform(Duration min, Duration max) {
    return new Fault(
        method,
        path,
        rate,
        status,
        retryAfter,
        drop,
        Distribution.UNIFORM,
        Objects.requireNonNull(min, "min").toMillis(),
        Objects.requireNonNull(max, "max").toMillis(),
        0);
  }

  /**
   * Waits a log-normal delay first: {@code median × e^(sigma × N(0,1))}, at most {@code max} (or
   * {@link #MAX_DELAY}).
   */
  public Fault latencyLogNormal(Duration median, double sigma, @Nullable Duration max) {
    return new Fault(
        method,
        path,
        rate,
        status,
        retryAfter,
        drop,
        Distribution.LOGNORMAL,
        Objects.requireNonNull(median, "median").toMillis(),
        max == null ? MAX_DELAY.toMillis() : max.toMillis(),
        sigma);
  }

  /** The method it applies to, or empty for any. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /** The path pattern. */
  public String path() {
    return path;
  }

  /** The rate, 0 to 1. */
  public double rate() {
    return rate;
  }

  /** The status answered, or 0 for none. */
  public int status() {
    return status;
  }

  /** The {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the connection is dropped. */
  public boolean dropsConnection() {
    return drop;
  }

  /** The latency's distribution, or empty for none. */
  public Optional<Distribution> distribution() {
    return Optional.ofNullable(distribution);
  }

  /**
   * The latency's first parameter in milliseconds: the fixed delay, the uniform minimum or the
   * log-normal median.
   */
  public long latencyMinMs() {
    return minMs;
  }

  /** The latency's upper bound in milliseconds: the fixed delay, the uniform maximum or the cap. */
  public long latencyMaxMs() {
    return maxMs;
  }

  /** The log-normal shape (0 otherwise). */
  public double sigma() {
    return sigma;
  }

  /** What the rule does, e.g. {@code POST /fhir/** 5% -> 429 Retry-After 1s}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(method == null ? "*" : method).append(' ').append(path).append(' ');
    sb.append(rate * 100).append("% ->");
    if (distribution != null) {
      sb.append(" latency ").append(distribution.name().toLowerCase(Locale.ROOT));
    }
    if (status != 0) {
      sb.append(' ').append(status);
    }
    if (retryAfter != null) {
      sb.append(" Retry-After ").append(retryAfter.toSeconds()).append('s');
    }
    if (drop) {
      sb.append(" drop");
    }
    return sb.toString();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Fault f
        && Objects.equals(method, f.method)
        && path.equals(f.path)
        && Double.compare(rate, f.rate) == 0
        && status == f.status
        && Objects.equals(retryAfter, f.retryAfter)
        && drop == f.drop
        && distribution == f.distribution
        && minMs == f.minMs
        && maxMs == f.maxMs
        && Double.compare(sigma, f.sigma) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        method, path, rate, status, retryAfter, drop, distribution, minMs, maxMs, sigma);
  }
}
