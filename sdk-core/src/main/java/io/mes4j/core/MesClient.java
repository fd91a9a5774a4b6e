package io.mes4j.core;

import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.internal.ApacheHttpTransport;
import io.mes4j.core.internal.ClientCore;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.ResilientExecutor;
import io.mes4j.core.internal.UserAgent;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The root of mes4j: one client per server, built once and shared by the whole application.
 *
 * <p>A client holds the connection pool, the circuit breaker and the token provider (with its cache
 * of tokens). The capability modules ({@code sdk-dossier}, {@code sdk-messaging}…) take a client
 * and make their calls through it. It is immutable and safe for concurrent use.
 *
 * <pre>{@code
 * TokenProvider tokens = ClientCredentialsTokenProvider.builder()
 *     .issuer("https://auth.example")
 *     .clientId("my-app")
 *     .privateKey(privateKey, "key-1")
 *     .build();
 * try (MesClient client = MesClient.builder()
 *     .baseUrl("https://api.example")
 *     .credentials(tokens)
 *     .applicationId("cabinet-42")
 *     .build()) {
 *   MesClient emergency = client.withAccessMode(AccessMode.breakGlass("Patient unconscious"));
 *   // hand client or emergency to the modules
 * }
 * }</pre>
 *
 * <p><b>Variants.</b> {@link #withAccessMode(AccessMode)} and {@link #withApplicationId(String)}
 * derive variants that share the root's connection pool, circuit breaker and token provider; they
 * are cheap. {@link #close()} on the root closes the pool, after which the root and every variant
 * refuse calls; {@code close()} on a variant does nothing. {@link #toBuilder()} starts a builder
 * with this client's settings, whose {@code build()} makes a new, independent root (its own pool).
 *
 * <p><b>DPoP.</b> With {@link Builder#dpop(boolean)} (or a token provider binding its own tokens)
 * the client's tokens are bound to a key (RFC 9449): each request carries {@code Authorization:
 * DPoP} and a fresh proof, and is sent once more with the server's nonce when it asks for one.
 *
 * <p><b>Calls.</b> Every call carries a bearer token for its access mode, a {@code X-Request-Id}
 * and the {@linkplain #userAgent() user agent}; idempotent calls are retried per the {@link
 * RetryPolicy}, all within the {@linkplain Builder#callTimeout(Duration) call timeout}.
 */
public final class MesClient implements AutoCloseable {

  static {
    CoreAccess.registerExecutorAccess(client -> client.executor);
  }

  private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final Builder settings;
  private final ClientCore core;
  private final boolean root;
  private final AccessMode accessMode;
  private final @Nullable String applicationId;
  private final String userAgent;
  private final ResilientExecutor executor;

  private MesClient(
      Builder settings,
      ClientCore core,
      boolean root,
      AccessMode accessMode,
      @Nullable String applicationId) {
    this.settings = settings;
    this.core = core;
    this.root = root;
    this.accessMode = accessMode;
    this.applicationId = applicationId;
    this.userAgent = UserAgent.of(applicationId);
    this.executor = new ResilientExecutor(core, accessMode, userAgent);
  }

  /** A builder; {@link Builder#baseUrl(String)} and {@link Builder#credentials} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder with this client's settings (its access mode and application id included); {@code
   * build()} makes a new root client with its own connection pool.
   */
  public Builder toBuilder() {
    Builder b = settings.copy();
    b.accessMode = accessMode;
    b.applicationId = applicationId;
    return b;
  }

  /**
   * A variant making its calls in {@code accessMode}; it shares this client's pool, circuit breaker
   * and token provider.
   */
  public MesClient withAccessMode(AccessMode accessMode) {
    Objects.requireNonNull(accessMode, "accessMode");
    return new MesClient(settings, core, false, accessMode, applicationId);
  }

  /**
   * A variant announcing another application id in its user agent; it shares this client's pool,
   * circuit breaker and token provider.
   *
   * @throws InvalidValueException if the id is not 1 to 64 letters, digits, {@code .}, {@code _} or
   *     {@code -}
   */
  public MesClient withApplicationId(String applicationId) {
    return new MesClient(settings, core, false, accessMode, checkApplicationId(applicationId));
  }

  /** The base URL of the server, without a trailing slash. */
  public String baseUrl() {
    return core.baseUrl();
  }

  /** The access mode of the calls of this client (unless a call says otherwise). */
  public AccessMode accessMode() {
    return accessMode;
  }

  /** The DPoP key signing this client's proofs, when it uses DPoP. */
  public Optional<DpopKey> dpopKey() {
    return Optional.ofNullable(core.dpopKey());
  }

  /** The user agent sent, e.g. {@code mes4j/0.1.0 java/17.0.15 app/cabinet-42}. */
  public String userAgent() {
    return userAgent;
  }

  /**
   * Closes the connection pool if this is the root client; the root and all its variants refuse
   * calls afterwards. On a variant this does nothing: the root owns the pool.
   */
  @Override
  public void close() {
    if (root) {
      core.close();
    }
  }

  @Override
  public String toString() {
    return "MesClient[" + core.baseUrl() + ", " + accessMode + ", " + userAgent + "]";
  }

  private static @Nullable String checkApplicationId(@Nullable String id) {
    if (id == null) {
      return null;
    }
    if (!APPLICATION_ID.matcher(id).matches()) {
      throw new InvalidValueException(
          "applicationId must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    return id;
  }

  /**
   * Builds a {@link MesClient}. Required: {@link #baseUrl(String)} and {@link
   * #credentials(TokenProvider)}; every other setting has a default.
   */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable TokenProvider credentials;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration responseTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
    private CircuitBreakerPolicy circuitBreakerPolicy = CircuitBreakerPolicy.ofDefaults();
    private @Nullable String applicationId;
    private AccessMode accessMode = AccessMode.normal();
    private int maxConnections = 20;
    private boolean dpop;
    private @Nullable DpopKey dpopKey;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.baseUrl = baseUrl;
      b.credentials = credentials;
      b.connectTimeout = connectTimeout;
      b.responseTimeout = responseTimeout;
      b.callTimeout = callTimeout;
      b.retryPolicy = retryPolicy;
      b.circuitBreakerPolicy = circuitBreakerPolicy;
      b.applicationId = applicationId;
      b.accessMode = accessMode;
      b.maxConnections = maxConnections;
      b.dpop = dpop;
      b.dpopKey = dpopKey;
      return b;
    }

    /** The server's base URL, {@code http} or {@code https} (required). */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** Where tokens come from (required). */
    public Builder credentials(TokenProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** The limit to open a connection (default 5 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
      return this;
    }

    /** The limit of each wait for data from the server (default 30 s). */
    public Builder responseTimeout(Duration responseTimeout) {
      this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
      return this;
    }

    /**
     * The limit of a whole call, retries and their waits included (default 60 s). A call still
     * running then is aborted with a {@link io.mes4j.core.error.CallTimeoutException}; no retry
     * wait ends after it.
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
      return this;
    }

    /** How failed calls are retried (default {@link RetryPolicy#ofDefaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * When to stop calling a failing server (default {@link CircuitBreakerPolicy#ofDefaults()}).
     */
    public Builder circuitBreakerPolicy(CircuitBreakerPolicy circuitBreakerPolicy) {
      this.circuitBreakerPolicy =
          Objects.requireNonNull(circuitBreakerPolicy, "circuitBreakerPolicy");
      return this;
    }

    /** An id of the application, appended to the user agent as {@code app/<id>} (optional). */
    public Builder applicationId(@Nullable String applicationId) {
      this.applicationId = applicationId;
      return this;
    }

    /** The access mode of the calls (default {@link AccessMode#normal()}). */
    public Builder accessMode(AccessMode accessMode) {
      this.accessMode = Objects.requireNonNull(accessMode, "accessMode");
      return this;
    }

    /**
     * Turns DPoP on (RFC 9449, default off): the client gets tokens bound to a key and signs a
     * proof for every request, retrying once with the server's nonce when asked. The key is the
     * token provider's when it binds its tokens itself (a catalogue pairing), else {@link
     * #dpopKey(DpopKey) the one given}, else an EC P-256 key generated for this client.
     */
    public Builder dpop(boolean dpop) {
      this.dpop = dpop;
      return this;
    }

    /** Turns DPoP on with this key (see {@link #dpop(boolean)}). */
    public Builder dpopKey(DpopKey dpopKey) {
      this.dpopKey = Objects.requireNonNull(dpopKey, "dpopKey");
      this.dpop = true;
      return this;
    }

    /** The most open connections to the server (default 20). */
    public Builder maxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Validates the settings and builds a root client with its own connection pool.
     *
     * @throws InvalidValueException if a setting is missing or invalid; the message says which
     */
    public MesClient build() {
      String base = checkBaseUrl(baseUrl);
      if (credentials == null) {
        throw new InvalidValueException(
            "credentials are required: give a TokenProvider (e.g."
                + " ClientCredentialsTokenProvider or TokenProvider.staticToken)");
      }
      checkPositive("connectTimeout", connectTimeout);
      checkPositive("responseTimeout", responseTimeout);
      checkPositive("callTimeout", callTimeout);
      if (maxConnections < 1) {
        throw new InvalidValueException("maxConnections must be at least 1, was " + maxConnections);
      }
      String appId = checkApplicationId(applicationId);
      DpopKey key = dpopKeyOf(credentials);
      Builder frozen = copy();
      frozen.baseUrl = base;
      frozen.dpopKey = key;
      frozen.dpop = key != null;
      ClientCore core =
          new ClientCore(
              base,
              new ApacheHttpTransport(connectTimeout, responseTimeout, maxConnections),
              credentials,
              callTimeout,
              retryPolicy,
              circuitBreakerPolicy,
              key);
      return new MesClient(frozen, core, true, accessMode, appId);
    }

    private @Nullable DpopKey dpopKeyOf(TokenProvider provider) {
      DpopKey bound = provider.dpopKey().orElse(null);
      if (bound != null) {
        if (dpopKey != null && !dpopKey.thumbprint().equals(bound.thumbprint())) {
          throw new InvalidValueException(
              "the token provider binds its tokens to another DPoP key than dpopKey(...)");
        }
        return bound;
      }
      if (dpopKey != null) {
        return dpopKey;
      }
      return dpop ? DpopKey.generate() : null;
    }

    private static void checkPositive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new InvalidValueException(name + " must be positive, was " + d);
      }
    }

    private static String checkBaseUrl(@Nullable String url) {
      if (url == null || url.isBlank()) {
        throw new InvalidValueException("baseUrl is required, e.g. https://api.example");
      }
      URI uri;
      try {
        uri = new URI(url.strip());
      } catch (URISyntaxException e) {
        throw new InvalidValueException("baseUrl is not a valid URL: " + e.getReason());
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new InvalidValueException("baseUrl must be an http or https URL");
      }
      if (uri.getHost() == null) {
        throw new InvalidValueException("baseUrl must name a host");
      }
      if (uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null) {
        throw new InvalidValueException("baseUrl must hold no query, fragment or user info");
      }
      String s = uri.toString();
      while (s.endsWith("/")) {
        s = s.substring(0, s.length() - 1);
      }
      return s;
    }
  }
}
