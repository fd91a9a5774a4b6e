package io.mes4j.mockserver;

import com.sun.net.httpserver.HttpServer;
import io.mes4j.core.AccessMode;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.agenda.AgendaEndpoints;
import io.mes4j.mockserver.internal.auth.OAuthEndpoints;
import io.mes4j.mockserver.internal.clock.ServerClock;
import io.mes4j.mockserver.internal.control.ControlEndpoints;
import io.mes4j.mockserver.internal.dossier.AuditEventEndpoints;
import io.mes4j.mockserver.internal.dossier.ConsentEndpoints;
import io.mes4j.mockserver.internal.dossier.DocumentEndpoints;
import io.mes4j.mockserver.internal.dossier.SpaceEndpoints;
import io.mes4j.mockserver.internal.fhir.MetadataEndpoint;
import io.mes4j.mockserver.internal.http.Dispatcher;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.messaging.MessagingEndpoints;
import io.mes4j.mockserver.internal.policy.HabilitationMatrix;
import io.mes4j.mockserver.internal.profile.ProfileEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The mes4j reference server: an in-memory server that reproduces Mon espace santé's behaviour
 * (documents, consents, audit, OAuth) over the wire contract, for tests.
 *
 * <p>It serves with the JDK's HTTP server on {@code 127.0.0.1} and an ephemeral port by default,
 * starts in-process in milliseconds and stops promptly on {@link #close()}. Its state and clock are
 * driven through {@link #control()} (or the HTTP control plane under {@code /_mock}).
 *
 * <pre>{@code
 * try (MockServer server = MockServer.start()) {
 *   String token = server.control().token(Fixtures.DOCTOR.value());
 *   // call server.baseUrl() + "/fhir/..." with "Authorization: Bearer " + token
 * }
 * }</pre>
 */
public final class MockServer implements AutoCloseable {
  static {
    // Small answers must not wait for Nagle's algorithm; set before the first HttpServer exists.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // The JDK closes keep-alive connections beyond 200 idle ones; a test suite with many clients
    // then sees its pooled connections dropped under it.
    if (System.getProperty("sun.net.httpserver.maxIdleConnections") == null) {
      System.setProperty("sun.net.httpserver.maxIdleConnections", "1024");
    }
  }

  /** How long before an appointment its reminder notice is sent by default: 24 hours (AU-3). */
  public static final Duration DEFAULT_APPOINTMENT_REMINDER_DELAY = Duration.ofHours(24);

  /** The default request body limit: 32 MB (wire contract). */
  public static final long DEFAULT_BODY_LIMIT = 32L * 1024 * 1024;

  private final HttpServer http;
  private final ThreadPoolExecutor executor;
  private final Engine engine;
  private final MockControl control;
  private final String baseUrl;
  private final Dispatcher dispatcher;

  private MockServer(Builder builder) {
    int threads = builder.threads;
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "mes4j-mock-" + counter.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor =
        new ThreadPoolExecutor(
            threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    this.executor.allowCoreThreadTimeOut(true);
    try {
      this.http = HttpServer.create(new InetSocketAddress(builder.host, builder.port), 1024);
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("cannot bind " + builder.host + ":" + builder.port, e);
    }
    String host = builder.host.contains(":") ? "[" + builder.host + "]" : builder.host;
    this.baseUrl = "http://" + host + ":" + http.getAddress().getPort();
    ServerClock clock =
        builder.clockStart == null ? ServerClock.system() : ServerClock.fixed(builder.clockStart);
    HabilitationMatrix matrix =
        builder.habilitations == null
            ? HabilitationMatrix.defaults()
            : HabilitationMatrix.load(builder.habilitations);
    this.engine = new Engine(baseUrl, clock, matrix, builder.seed, builder.fixtures);
    Router router = new Router();
    new MetadataEndpoint(engine).register(router);
    new DocumentEndpoints(engine).register(router);
    new AuditEventEndpoints(engine).register(router);
    new ProfileEndpoints(engine).register(router);
    new ConsentEndpoints(engine).register(router);
    new SpaceEndpoints(engine).register(router);
    new MessagingEndpoints(engine).register(router);
    new AgendaEndpoints(engine, builder.appointmentReminderDelay).register(router);
    new OAuthEndpoints(engine).register(router);
    new ControlEndpoints(engine).register(router);
    this.dispatcher = new Dispatcher(router, builder.bodyLimit, request -> clock.runDue());
    http.createContext("/", dispatcher);
    http.setExecutor(executor);
    this.control = new MockControl(engine, builder.fixtures);
  }

  /** A builder, to choose port, clock, fixtures, threads or limits. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a server with the defaults: 127.0.0.1, ephemeral port, system clock, default fixtures.
   */
  public static MockServer start() {
    return builder().start();
  }

  private MockServer startServing() {
    http.start();
    return this;
  }

  /** The base URL, such as {@code http://127.0.0.1:54321} (no trailing slash). */
  public String baseUrl() {
    return baseUrl;
  }

  /** The port the server listens on. */
  public int port() {
    return http.getAddress().getPort();
  }

  /**
   * Adds a listener that sees every answer from now on, e.g. to validate every FHIR resource a test
   * made the server emit. Closing the returned handle removes it.
   *
   * <pre>{@code
   * try (AutoCloseable tap = server.addResponseListener(r -> { if (r.isFhirJson()) seen.add(r); })) {
   *   ...
   * }
   * }</pre>
   */
  public Registration addResponseListener(ResponseListener listener) {
    Objects.requireNonNull(listener, "listener");
    Runnable remove = dispatcher.addListener(listener);
    return remove::run;
  }

  /** A handle that removes what it registered when closed. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    /** Removes the registration; closing twice does nothing more. */
    @Override
    void close();
  }

  /** The control API: reset, tokens, clock, clients, outbox. */
  public MockControl control() {
    return control;
  }

  /**
   * A token provider for the SDK that mints tokens for {@code subject} in the mode each call asks
   * for (see {@link MockControl#token(String, io.mes4j.core.AccessMode)}), one per mode, reused.
   * Tokens carry no expiry for the SDK: when the server clock moves past it, the server's 401 makes
   * the SDK drop it and fetch a new one.
   */
  public TokenProvider tokenProvider(String subject) {
    Objects.requireNonNull(subject, "subject");
    control.token(subject); // fails now, not at the first call, if the subject is unusable
    // One token per access mode, reused until the server refuses it (its clock moved past the
    // expiry): minting and verifying a token on every call costs milliseconds.
    Map<AccessMode, AccessToken> minted = new ConcurrentHashMap<>();
    return new TokenProvider() {
      @Override
      public AccessToken token(TokenRequest request) {
        return minted.computeIfAbsent(
            request.accessMode(), mode -> AccessToken.of(control.token(subject, mode)));
      }

      @Override
      public void invalidate(AccessToken token) {
        minted.values().remove(token);
      }

      @Override
      public String toString() {
        return "MockServer.tokenProvider[<redacted>]";
      }
    };
  }

  /** Stops serving at once (in-flight exchanges are dropped) and releases the threads. */
  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "MockServer[" + baseUrl + "]";
  }

  /** Options of a {@link MockServer}; {@link #start()} builds and starts it. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private @Nullable Instant clockStart;
    private FixtureSet fixtures = FixtureSet.DEFAULT;
    private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private long bodyLimit = DEFAULT_BODY_LIMIT;
    private long seed;
    private @Nullable Path habilitations;
    private Duration appointmentReminderDelay = DEFAULT_APPOINTMENT_REMINDER_DELAY;

    private Builder() {}

    /** The interface to listen on; {@code 127.0.0.1} by default. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port; 0 (the default) takes an ephemeral port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * A fixed clock starting at {@code start}: it then moves only through {@link
     * MockControl#setClock} and {@link MockControl#advanceClock}. Without it, the system clock.
     */
    public Builder clock(Instant start) {
      this.clockStart = Objects.requireNonNull(start, "start");
      return this;
    }

    /** The state to start from and to return to on {@link MockControl#reset()}. */
    public Builder fixtures(FixtureSet fixtures) {
      this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
      return this;
    }

    /** Threads serving requests; by default max(8, 4 × processors). */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /** The largest request body accepted (413 beyond); 32 MB by default. */
    public Builder requestBodyLimit(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("the body limit must be positive, got " + bytes);
      }
      this.bodyLimit = bytes;
      return this;
    }

    /** The seed of generated identifiers (the same seed, the same ids); 0 by default. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * A habilitation matrix replacing the default (CSV: {@code group,<profession codes…>,*} then
     * one row of {@code Y}/{@code -} per document group).
     */
    public Builder habilitations(Path csv) {
      this.habilitations = Objects.requireNonNull(csv, "csv");
      return this;
    }

    /**
     * How long before a booked appointment's start the holder's reminder notice is sent, on the
     * server clock (AU-3, AG-1); {@link #DEFAULT_APPOINTMENT_REMINDER_DELAY} (24 hours) by default.
     */
    public Builder appointmentReminderDelay(Duration delay) {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative() || delay.isZero()) {
        throw new IllegalArgumentException("the reminder delay must be positive, got " + delay);
      }
      this.appointmentReminderDelay = delay;
      return this;
    }

    /** Builds and starts the server. */
    public MockServer start() {
      return new MockServer(this).startServing();
    }
  }
}
