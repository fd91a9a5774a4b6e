package io.mes4j.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.auth.TokenProvider;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What a root client and its variants share: the transport (connection pool), the circuit breaker,
 * the token provider (and so its cache) and the settings. Closed with the root.
 */
public final class ClientCore implements AutoCloseable {
  private final URI baseUri;
  private final String baseUrl;
  private final HttpTransport transport;
  private final TokenProvider tokens;
  private final @Nullable DpopKey dpopKey;
  private final Duration callTimeout;
  private final RetryPolicy retryPolicy;
  private final @Nullable CircuitBreaker breaker;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A core over {@code transport}, which it closes on {@link #close()}.
   *
   * @param baseUrl the validated base URL, without a trailing slash
   * @param dpopKey the key signing DPoP proofs, or {@code null} for bearer tokens only
   */
  public ClientCore(
      String baseUrl,
      HttpTransport transport,
      TokenProvider tokens,
      Duration callTimeout,
      RetryPolicy retryPolicy,
      CircuitBreakerPolicy breakerPolicy,
      @Nullable DpopKey dpopKey) {
    this.baseUrl = baseUrl;
    this.baseUri = URI.create(baseUrl);
    this.transport = transport;
    this.tokens = tokens;
    this.dpopKey = dpopKey;
    this.callTimeout = callTimeout;
    this.retryPolicy = retryPolicy;
    this.breaker =
        breakerPolicy.enabled() ? CircuitBreaker.of("mes4j", config(breakerPolicy)) : null;
  }

  private static CircuitBreakerConfig config(CircuitBreakerPolicy p) {
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(p.slidingWindowSize())
        .minimumNumberOfCalls(p.minimumNumberOfCalls())
        .failureRateThreshold(p.failureRateThreshold())
        .waitDurationInOpenState(p.waitDurationInOpenState())
        .permittedNumberOfCallsInHalfOpenState(p.permittedCallsInHalfOpenState())
        .writableStackTraceEnabled(false)
        .build();
  }

  /** The base URL, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  URI baseUri() {
    return baseUri;
  }

  HttpTransport transport() {
    return transport;
  }

  TokenProvider tokens() {
    return tokens;
  }

  /** The DPoP key of the client, if it uses DPoP. */
  public @Nullable DpopKey dpopKey() {
    return dpopKey;
  }

  Duration callTimeout() {
    return callTimeout;
  }

  RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Nullable CircuitBreaker breaker() {
    return breaker;
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Closes the transport; idempotent. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      transport.close();
    }
  }
}
