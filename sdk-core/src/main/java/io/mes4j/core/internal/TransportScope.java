package io.mes4j.core.internal;

import java.time.Instant;
import java.util.Optional;

/**
 * Lends the transport of the client making a call to the token provider it calls on the same
 * thread, so that fetching a token uses the client's connection pool.
 *
 * <p>{@link io.mes4j.core.auth.ClientCredentialsTokenProvider} reads {@link #current()}; outside
 * any client call it opens a short-lived connection of its own.
 */
public final class TransportScope implements AutoCloseable {
  private static final ThreadLocal<TransportScope> CURRENT = new ThreadLocal<>();

  private final HttpTransport transport;
  private final Instant deadline;
  private final TransportScope previous;

  private TransportScope(HttpTransport transport, Instant deadline, TransportScope previous) {
    this.transport = transport;
    this.deadline = deadline;
    this.previous = previous;
  }

  /** Lends {@code transport} until the scope is closed. */
  public static TransportScope open(HttpTransport transport, Instant deadline) {
    TransportScope scope = new TransportScope(transport, deadline, CURRENT.get());
    CURRENT.set(scope);
    return scope;
  }

  /** The scope lent on this thread, if any. */
  public static Optional<TransportScope> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** The lent transport. */
  public HttpTransport transport() {
    return transport;
  }

  /** The deadline of the call in progress. */
  public Instant deadline() {
    return deadline;
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
