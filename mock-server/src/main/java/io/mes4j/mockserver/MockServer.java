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
import io.mes4j.mockserver.internal.control.TenantEndpoints;
import io.mes4j.mockserver.internal.dossier.AuditEventEndpoints;
import io.mes4j.mockserver.internal.dossier.ConsentEndpoints;
import io.mes4j.mockserver.internal.dossier.DocumentEndpoints;
import io.mes4j.mockserver.internal.dossier.SpaceEndpoints;
import io.mes4j.mockserver.internal.faults.FaultEndpoints;
import io.mes4j.mockserver.internal.fhir.MetadataEndpoint;
import io.mes4j.mockserver.internal.fixtures.FixturesEndpoints;
import io.mes4j.mockserver.internal.fixtures.FixturesReader;
import io.mes4j.mockserver.internal.fixtures.FixturesService;
import io.mes4j.mockserver.internal.http.Dispatcher;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.http.Site;
import io.mes4j.mockserver.internal.journal.Journal;
import io.mes4j.mockserver.internal.journal.JournalEndpoints;
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
import java.util.Optional;
import java.util.TreeMap;
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
  /** Held so that the level set below stays (JDK loggers are weakly referenced). */
  private static final java.util.logging.Logger JDK_SERVER_LOG =
      java.util.logging.Logger.getLogger("com.sun.net.httpserver");

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
    // At FINE and below the JDK's server logs whole request lines, where an outside client's GET
    // search carries an INS: keep its logger at INFO at most, whatever the root logger says.
    java.util.logging.Level level = JDK_SERVER_LOG.getLevel();
    if (level == null || level.intValue() < java.util.logging.Level.INFO.intValue()) {
      JDK_SERVER_LOG.setLevel(java.util.logging.Level.INFO);
    }
  }

  /** How long before an appointment its reminder notice is sent by default: 24 hours (AU-3). */
  public static final Duration DEFAULT_APPOINTMENT_REMINDER_DELAY = Duration.ofHours(24);

  /** The request journal's default bound on entries: 10 000. */
  public static final int DEFAULT_JOURNAL_ENTRIES = Journal.DEFAULT_MAX_ENTRIES;

  /** The default request body limit: 32 MB (wire contract). */
  public static final long DEFAULT_BODY_LIMIT = 32L * 1024 * 1024;

  /** The most tenants one server holds. */
  public static final int MAX_TENANTS = 256;

  private final HttpServer http;
  private final ThreadPoolExecutor executor;
  private final Engine engine;
  private final MockControl control;
  private final String baseUrl;
  private final Dispatcher dispatcher;
  private final Site site;
  private final Builder builder;
  private final HabilitationMatrix matrix;
  private final @Nullable MockServer root;
  private final Map<String, MockServer> tenants;

  /** A tenant of {@code root}, served under {@code <root>/t/<name>}. */
  private MockServer(MockServer root, String name) {
    this.http = root.http;
    this.executor = root.executor;
    this.dispatcher = root.dispatcher;
    this.builder = root.builder;
    this.matrix = root.matrix;
    this.root = root;
    this.tenants = Map.of();
    this.baseUrl = root.baseUrl + Dispatcher.TENANT_PREFIX + name;
    this.engine = newEngine(baseUrl, builder, matrix);
    this.site = newSite(name, engine, builder, null);
    this.control = new MockControl(engine, builder.fixtures);
  }

  private static Engine newEngine(String baseUrl, Builder builder, HabilitationMatrix matrix) {
    ServerClock clock =
        builder.clockStart == null ? ServerClock.system() : ServerClock.fixed(builder.clockStart);
    Engine engine = new Engine(baseUrl, clock, matrix, builder.seed, builder.fixtures);
    engine.journalLimit(builder.journalEntries, builder.journalBytes);
    byte[] file = builder.fixturesFile;
    if (file != null) {
      // The fixtures file replaces the default fixtures, at start and on every reset to them.
      FixturesService fixtures = new FixturesService(engine);
      Instant clockStart = builder.clockStart;
      FixturesReader.Loaded first = builder.takeFirstLoad();
      engine.fixturesFile(
          new Runnable() {
            private FixturesReader.@Nullable Loaded pending = first;

            @Override
            public void run() {
              FixturesReader.Loaded loaded = pending != null ? pending : FixturesReader.read(file);
              pending = null;
              fixtures.load(loaded, clockStart);
            }
          });
    }
    return engine;
  }

  private static Site newSite(
      @Nullable String tenant,
      Engine engine,
      Builder builder,
      TenantEndpoints.@Nullable Tenants tenants) {
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
    new FixturesEndpoints(engine).register(router);
    new JournalEndpoints(engine.journal()).register(router);
    new FaultEndpoints(engine.faults()).register(router);
    if (tenants != null) {
      new TenantEndpoints(tenants).register(router);
    }
    ServerClock clock = engine.clock();
    return new Site(
        tenant, router, request -> clock.runDue(), engine.journal(), engine.faults(), clock::now);
  }

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
    this.builder = builder;
    this.matrix =
        builder.habilitations == null
            ? HabilitationMatrix.defaults()
            : HabilitationMatrix.load(builder.habilitations);
    this.root = null;
    this.tenants = new ConcurrentHashMap<>();
    this.engine = newEngine(baseUrl, builder, matrix);
    this.site = newSite(null, engine, builder, new TenantAccess());
    this.dispatcher = new Dispatcher(site, builder.bodyLimit);
    http.createContext("/", dispatcher);
    http.setExecutor(executor);
    this.control = new MockControl(engine, builder.fixtures);
  }

  /**
   * A tenant of this server: an isolated server under {@code <baseUrl>/t/<name>} with its own state
   * (the same fixtures), clock, signing key, journal, faults and control plane, sharing this one's
   * port and threads. Made on first use, the same one after; closing it removes it. Parallel test
   * classes each take one (see {@link io.mes4j.mockserver.junit.MesMockServer#tenant()}).
   *
   * <pre>{@code
   * MockServer mine = server.tenant("billing-tests");
   * MesClient client = MesClient.builder().baseUrl(mine.baseUrl())
   *     .credentials(mine.tokenProvider(Fixtures.Ids.DOCTOR)).build();
   * }</pre>
   *
   * @param name 1 to 40 of {@code [a-z0-9-]}
   * @throws IllegalArgumentException if the name is invalid
   * @throws IllegalStateException if this is a tenant, or the server holds {@value #MAX_TENANTS}
   */
  public MockServer tenant(String name) {
    Objects.requireNonNull(name, "name");
    if (root != null) {
      throw new IllegalStateException("a tenant has no tenants of its own");
    }
    if (!Dispatcher.TENANT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a tenant name is 1 to 40 of [a-z0-9-]");
    }
    synchronized (tenants) {
      MockServer existing = tenants.get(name);
      if (existing != null) {
        return existing;
      }
      if (tenants.size() >= MAX_TENANTS) {
        throw new IllegalStateException("this server holds " + MAX_TENANTS + " tenants already");
      }
      MockServer tenant = new MockServer(this, name);
      dispatcher.addTenant(tenant.site);
      tenants.put(name, tenant);
      return tenant;
    }
  }

  /** This server's tenant name, or empty for a root server. */
  public Optional<String> tenantName() {
    return Optional.ofNullable(site.tenant());
  }

  private void removeTenant(String name) {
    synchronized (tenants) {
      tenants.remove(name);
      dispatcher.removeTenant(name);
    }
  }

  /** The control plane's view of this server's tenants. */
  private final class TenantAccess implements TenantEndpoints.Tenants {
    @Override
    public Created create(String name) {
      boolean existed = tenants.containsKey(name);
      try {
        return new Created(tenant(name).baseUrl(), !existed);
      } catch (IllegalStateException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    }

    @Override
    public Map<String, String> list() {
      Map<String, String> list = new TreeMap<>();
      synchronized (tenants) {
        tenants.forEach((name, tenant) -> list.put(name, tenant.baseUrl()));
      }
      return list;
    }

    @Override
    public boolean delete(String name) {
      synchronized (tenants) {
        if (!tenants.containsKey(name)) {
          return false;
        }
        removeTenant(name);
        return true;
      }
    }
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
    Runnable remove = site.addListener(listener);
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

  /**
   * Stops serving at once (in-flight exchanges are dropped) and releases the threads; for a tenant,
   * removes the tenant only.
   */
  @Override
  public void close() {
    MockServer owner = root;
    if (owner != null) {
      String name = site.tenant();
      if (name != null) {
        owner.removeTenant(name);
      }
      return;
    }
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
    private byte @Nullable [] fixturesFile;
    private FixturesReader.@Nullable Loaded firstLoad;
    private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
    private long bodyLimit = DEFAULT_BODY_LIMIT;
    private long seed;
    private @Nullable Path habilitations;
    private Duration appointmentReminderDelay = DEFAULT_APPOINTMENT_REMINDER_DELAY;
    private int journalEntries = Journal.DEFAULT_MAX_ENTRIES;
    private long journalBytes = Journal.DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * The request journal's bounds: at most {@code entries} entries and about {@code bytes} bytes,
     * the oldest dropped beyond either; by default {@value #DEFAULT_JOURNAL_ENTRIES} entries and 16
     * MB. {@code entries} 0 turns the journal off.
     */
    public Builder journalLimit(int entries, long bytes) {
      if (entries < 0 || bytes < 1) {
        throw new IllegalArgumentException(
            "journal bounds must be entries >= 0 and bytes >= 1, got " + entries + ", " + bytes);
      }
      this.journalEntries = entries;
      this.journalBytes = bytes;
      return this;
    }

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

    /**
     * A fixtures file (see {@link MockControl#exportFixtures()}) to start from and to return to on
     * {@link MockControl#reset()}, its clock included (unless {@link #clock(Instant)} is given too,
     * which then wins). The file is read and checked now.
     *
     * <pre>{@code
     * MockServer server = MockServer.builder().fixtures(Path.of("state.json")).start();
     * }</pre>
     *
     * @throws InvalidFixturesException naming the line and the field of an invalid file
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public Builder fixtures(Path file) {
      Objects.requireNonNull(file, "file");
      byte[] json;
      try {
        json = java.nio.file.Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the fixtures file", e);
      }
      this.firstLoad = MockControl.read(json);
      this.fixturesFile = json;
      return this;
    }

    private FixturesReader.@Nullable Loaded takeFirstLoad() {
      FixturesReader.Loaded first = firstLoad;
      firstLoad = null;
      return first;
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
