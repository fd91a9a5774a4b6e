package io.mes4j.catalogue;

import io.mes4j.catalogue.internal.Forms;
import io.mes4j.catalogue.internal.OAuthEndpoints;
import io.mes4j.catalogue.internal.Pkce;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.error.OAuthException;
import io.mes4j.core.identity.ServiceId;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The app side of a pairing (CAT-2): an OAuth 2 authorisation code flow with PKCE (S256), for a
 * catalogue service whose {@code client_id} is its {@link ServiceId}.
 *
 * <ol>
 *   <li>{@link #start(String, Set)} makes the authorisation URL (a random {@code state}, a PKCE
 *       challenge) and keeps the verifier in the {@link TokenStore};
 *   <li>the holder consents (in a browser, or through {@link Pairings#approve});
 *   <li>{@link #complete(URI)} checks the callback's {@code state}, exchanges the code and stores
 *       the tokens under the account;
 *   <li>{@link #tokenProvider(String)} gives a {@link TokenProvider} for a {@link
 *       io.mes4j.core.MesClient} acting as the service, which refreshes the access token before it
 *       expires (one refresh at a time per account; the refresh token rotates);
 *   <li>{@link #revoke(String)} revokes the grant and forgets the tokens.
 * </ol>
 *
 * <p>With {@link Builder#dpop(boolean)} the tokens are DPoP-bound (RFC 9449) to the flow's key; a
 * client built with the flow's token provider signs its proofs with that key. Keep the key (give it
 * with {@link Builder#dpopKey(DpopKey)}) as long as the refresh token: a bound refresh token needs
 * it.
 *
 * <pre>{@code
 * PairingFlow flow = PairingFlow.builder()
 *     .baseUrl("https://api.example")
 *     .clientId(ServiceId.of("urn:oid:2.999.1.1"))
 *     .redirectUri(URI.create("https://agenda.example/callback"))
 *     .tokenStore(TokenStore.inMemory())
 *     .dpop(true)
 *     .build();
 * AuthorizationRequest auth = flow.start("user-42", Set.of(Finality.AGENDA_READ));
 * // send the holder to auth.url(); the server redirects back to the callback
 * PairingCompletion done = flow.complete(callbackUri);
 * MesClient asService = MesClient.builder()
 *     .baseUrl("https://api.example")
 *     .credentials(flow.tokenProvider("user-42"))
 *     .build();
 * }</pre>
 */
public final class PairingFlow implements AutoCloseable {
  private static final String DEFAULT_ACCOUNT = "default";

  private final String baseUrl;
  private final ServiceId clientId;
  private final URI redirectUri;
  private final TokenStore store;
  private final @Nullable DpopKey dpopKey;
  private final Clock clock;
  private final Duration refreshMargin;
  private final OAuthEndpoints endpoints;
  private final ConcurrentHashMap<String, ReentrantLock> refreshLocks = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, String> refused = new ConcurrentHashMap<>();

  private PairingFlow(Builder b, String baseUrl, @Nullable DpopKey key) {
    this.baseUrl = baseUrl;
    this.clientId = Objects.requireNonNull(b.clientId);
    this.redirectUri = Objects.requireNonNull(b.redirectUri);
    this.store = Objects.requireNonNull(b.tokenStore);
    this.dpopKey = key;
    this.clock = b.clock;
    this.refreshMargin = b.refreshMargin;
    this.endpoints = new OAuthEndpoints(baseUrl, key);
  }

  /** A builder; base URL, client id, redirect URI and token store are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The DPoP key the tokens are bound to, when the flow uses DPoP. */
  public Optional<DpopKey> dpopKey() {
    return Optional.ofNullable(dpopKey);
  }

  /** Starts an authorisation for the default account; see {@link #start(String, Set)}. */
  public AuthorizationRequest start(Set<Finality> finalities) {
    return start(DEFAULT_ACCOUNT, finalities);
  }

  /**
   * Starts an authorisation: a random {@code state} and PKCE verifier, kept in the store until
   * {@link #complete(URI)}; the URL asks for {@code finalities} (CAT-2).
   *
   * @param account the application's key for the tokens to come (e.g. its user id)
   * @param finalities the finalities asked, at least one
   * @throws InvalidValueException if no finality is asked or the account is blank
   */
  public AuthorizationRequest start(String account, Set<Finality> finalities) {
    if (account == null || account.isBlank()) {
      throw new InvalidValueException("account must not be blank");
    }
    if (finalities == null || finalities.isEmpty()) {
      throw new InvalidValueException("ask at least one finality");
    }
    List<Finality> asked = sorted(finalities);
    String state = Pkce.newState();
    String verifier = Pkce.newVerifier();
    store.putPending(new PendingAuthorization(state, verifier, account, asked, clock.instant()));
    List<Map.Entry<String, String>> query = new ArrayList<>();
    query.add(Map.entry("response_type", "code"));
    query.add(Map.entry("client_id", clientId.urn()));
    query.add(Map.entry("redirect_uri", redirectUri.toString()));
    query.add(Map.entry("scope", scope(asked)));
    query.add(Map.entry("state", state));
    query.add(Map.entry("code_challenge", Pkce.challenge(verifier)));
    query.add(Map.entry("code_challenge_method", "S256"));
    URI url = URI.create(baseUrl + "/oauth2/authorize?" + Forms.encode(query));
    return new AuthorizationRequest(url, state, account, asked);
  }

  /**
   * Completes an authorisation from its callback ({@code <redirect_uri>?code=…&state=…}): checks
   * the {@code state}, exchanges the code with the PKCE verifier, and stores the tokens under the
   * account the authorisation was started for.
   *
   * @throws StateMismatchException if the callback's {@code state} is not one this flow started and
   *     did not complete yet
   * @throws OAuthException if the callback carries an error ({@code access_denied} when the holder
   *     refused) or the token endpoint refuses the code ({@code invalid_grant}…)
   * @throws InvalidValueException if the callback is not for this flow's redirect URI
   */
  public PairingCompletion complete(URI callback) {
    Objects.requireNonNull(callback, "callback");
    if (!sameEndpoint(callback, redirectUri)) {
      throw new InvalidValueException("the callback is not for this flow's redirect URI");
    }
    List<Map.Entry<String, String>> params = Forms.query(callback);
    String state = Forms.first(params, "state").orElse("");
    PendingAuthorization pending = state.isEmpty() ? null : store.takePending(state).orElse(null);
    if (pending == null) {
      throw new StateMismatchException(
          "the callback's state matches no authorisation this flow started (or it was completed)");
    }
    Optional<String> error = Forms.first(params, "error");
    if (error.isPresent()) {
      String description = Forms.first(params, "error_description").orElse(null);
      throw new OAuthException(
          "the authorisation came back with "
              + error.get()
              + (description == null ? "" : ": " + description),
          0,
          null,
          error.get(),
          description,
          0);
    }
    String code =
        Forms.first(params, "code")
            .filter(c -> !c.isBlank())
            .orElseThrow(() -> new MesClientException("the callback carries no code"));
    List<Map.Entry<String, String>> form = new ArrayList<>();
    form.add(Map.entry("grant_type", "authorization_code"));
    form.add(Map.entry("code", code));
    form.add(Map.entry("redirect_uri", redirectUri.toString()));
    form.add(Map.entry("client_id", clientId.urn()));
    form.add(Map.entry("code_verifier", pending.codeVerifier()));
    Instant asked = clock.instant();
    StoredTokens tokens = stored(endpoints.token(form), asked, pending.finalities(), null);
    store.put(pending.account(), tokens);
    refused.remove(pending.account());
    return new PairingCompletion(
        pending.account(), tokens.finalities(), tokens.expiresAt(), tokens.dpopBound());
  }

  /**
   * Refreshes the access token of an account now, with rotation: the new refresh token replaces the
   * spent one in the store.
   *
   * @throws MesClientException if the account has no tokens or no refresh token
   * @throws OAuthException if the server refuses ({@code invalid_grant}: the pairing was withdrawn,
   *     the grant revoked, the refresh token spent, or the service suspended)
   */
  public StoredTokens refresh(String account) {
    return refreshOnce(account, null);
  }

  /**
   * Refreshes unless another thread did since {@code stale} was read: one refresh at a time per
   * account, the others waiting for its tokens.
   */
  private StoredTokens refreshOnce(String account, @Nullable String stale) {
    ReentrantLock lock = refreshLocks.computeIfAbsent(account, a -> new ReentrantLock());
    lock.lock();
    try {
      StoredTokens current =
          store
              .get(account)
              .orElseThrow(() -> new MesClientException("no tokens for this account: pair first"));
      if (stale != null && !current.accessToken().equals(stale) && !expiring(current)) {
        return current; // another thread refreshed meanwhile
      }
      String refreshToken =
          current
              .refresh()
              .orElseThrow(() -> new MesClientException("no refresh token for this account"));
      List<Map.Entry<String, String>> form = new ArrayList<>();
      form.add(Map.entry("grant_type", "refresh_token"));
      form.add(Map.entry("refresh_token", refreshToken));
      form.add(Map.entry("client_id", clientId.urn()));
      Instant asked = clock.instant();
      StoredTokens fresh = stored(endpoints.token(form), asked, current.finalities(), refreshToken);
      store.put(account, fresh);
      refused.remove(account);
      return fresh;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Revokes the account's grant (RFC 7009: every token of it is refused on the next call) and
   * forgets its tokens. The pairing itself stays until the holder withdraws it.
   */
  public void revoke(String account) {
    Optional<StoredTokens> stored = store.get(account);
    if (stored.isEmpty()) {
      return;
    }
    StoredTokens tokens = stored.get();
    List<Map.Entry<String, String>> form = new ArrayList<>();
    if (tokens.refreshToken() != null) {
      form.add(Map.entry("token", tokens.refreshToken()));
      form.add(Map.entry("token_type_hint", "refresh_token"));
    } else {
      form.add(Map.entry("token", tokens.accessToken()));
      form.add(Map.entry("token_type_hint", "access_token"));
    }
    form.add(Map.entry("client_id", clientId.urn()));
    endpoints.revoke(form);
    store.remove(account);
  }

  /**
   * A token provider for a {@link io.mes4j.core.MesClient} acting as the service for an account: it
   * gives the stored access token and refreshes it {@linkplain Builder#refreshMargin(Duration)
   * before it expires} or after the server refused it. Its tokens are bound to {@link #dpopKey()}
   * when the flow uses DPoP, and a client built with it then uses that key.
   */
  public TokenProvider tokenProvider(String account) {
    Objects.requireNonNull(account, "account");
    return new ServiceTokens(account);
  }

  /** The default account's token provider; see {@link #tokenProvider(String)}. */
  public TokenProvider tokenProvider() {
    return tokenProvider(DEFAULT_ACCOUNT);
  }

  /** Closes the flow's connections to the token endpoint. */
  @Override
  public void close() {
    endpoints.close();
  }

  @Override
  public String toString() {
    return "PairingFlow["
        + baseUrl
        + ", clientId="
        + clientId
        + (dpopKey != null ? ", DPoP" : "")
        + "]";
  }

  private final class ServiceTokens implements TokenProvider {
    private final String account;

    ServiceTokens(String account) {
      this.account = account;
    }

    @Override
    public AccessToken token(TokenRequest request) {
      StoredTokens current =
          store
              .get(account)
              .orElseThrow(() -> new MesClientException("no tokens for this account: pair first"));
      String stale = refused.get(account);
      if (expiring(current) || current.accessToken().equals(stale)) {
        current = refreshOnce(account, current.accessToken());
      }
      return current.dpopBound()
          ? AccessToken.dpopBound(current.accessToken(), current.expiresAt())
          : AccessToken.of(current.accessToken(), current.expiresAt());
    }

    @Override
    public void invalidate(AccessToken token) {
      refused.put(account, token.value());
    }

    @Override
    public Optional<DpopKey> dpopKey() {
      return Optional.ofNullable(dpopKey);
    }

    @Override
    public String toString() {
      return "PairingFlow.tokenProvider[" + clientId + "]";
    }
  }

  private boolean expiring(StoredTokens tokens) {
    return !clock.instant().plus(refreshMargin).isBefore(tokens.expiresAt());
  }

  private StoredTokens stored(
      OAuthEndpoints.TokenAnswer answer,
      Instant asked,
      List<Finality> askedFinalities,
      @Nullable String previousRefresh) {
    List<Finality> granted =
        answer.scope() == null
            ? askedFinalities
            : Arrays.stream(answer.scope().trim().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .map(Finality::of)
                .toList();
    long life = answer.expiresIn() > 0 ? answer.expiresIn() : 300;
    String refresh = answer.refreshToken() != null ? answer.refreshToken() : previousRefresh;
    return new StoredTokens(
        answer.accessToken(), refresh, asked.plusSeconds(life), answer.dpopBound(), granted);
  }

  private static List<Finality> sorted(Collection<Finality> finalities) {
    Set<Finality> unique = new LinkedHashSet<>(finalities);
    List<Finality> list = new ArrayList<>(unique);
    list.sort((a, b) -> a.code().compareTo(b.code()));
    return list;
  }

  private static String scope(List<Finality> finalities) {
    return String.join(" ", finalities.stream().map(Finality::code).toList());
  }

  private static boolean sameEndpoint(URI callback, URI redirect) {
    return Objects.equals(lower(callback.getScheme()), lower(redirect.getScheme()))
        && Objects.equals(lower(callback.getRawAuthority()), lower(redirect.getRawAuthority()))
        && Objects.equals(callback.getRawPath(), redirect.getRawPath());
  }

  private static @Nullable String lower(@Nullable String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link PairingFlow}. */
  public static final class Builder {
    private @Nullable String baseUrl;
    private @Nullable ServiceId clientId;
    private @Nullable URI redirectUri;
    private @Nullable TokenStore tokenStore;
    private boolean dpop;
    private @Nullable DpopKey dpopKey;
    private Clock clock = Clock.systemUTC();
    private Duration refreshMargin = Duration.ofSeconds(30);

    private Builder() {}

    /** The server's base URL; the endpoints are {@code <base>/oauth2/authorize|token|revoke}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
      return this;
    }

    /** The service, whose {@code urn:oid:} form is the OAuth {@code client_id}. */
    public Builder clientId(ServiceId clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /** The redirect URI registered for the service (compared exactly by the server). */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
      return this;
    }

    /** Where pending authorisations and tokens are kept. */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** DPoP-binds the tokens to an EC P-256 key generated for the flow (default off). */
    public Builder dpop(boolean dpop) {
      this.dpop = dpop;
      return this;
    }

    /** DPoP-binds the tokens to this key. */
    public Builder dpopKey(DpopKey dpopKey) {
      this.dpopKey = Objects.requireNonNull(dpopKey, "dpopKey");
      this.dpop = true;
      return this;
    }

    /** The clock of the expiries (default the system clock; for tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long before its expiry an access token is refreshed (default 30 s). */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = Objects.requireNonNull(refreshMargin, "refreshMargin");
      return this;
    }

    /**
     * Validates the settings and builds the flow.
     *
     * @throws InvalidValueException if a setting is missing or invalid
     */
    public PairingFlow build() {
      if (baseUrl == null || baseUrl.isBlank()) {
        throw new InvalidValueException("baseUrl is required, e.g. https://api.example");
      }
      String base = baseUrl.strip();
      while (base.endsWith("/")) {
        base = base.substring(0, base.length() - 1);
      }
      try {
        URI u = new URI(base);
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
          throw new InvalidValueException("baseUrl must be an http or https URL with a host");
        }
      } catch (URISyntaxException e) {
        throw new InvalidValueException("baseUrl is not a valid URL");
      }
      if (clientId == null) {
        throw new InvalidValueException("clientId (the service id) is required");
      }
      if (redirectUri == null || !redirectUri.isAbsolute()) {
        throw new InvalidValueException("an absolute redirectUri is required");
      }
      if (tokenStore == null) {
        throw new InvalidValueException("tokenStore is required, e.g. TokenStore.inMemory()");
      }
      if (refreshMargin.isNegative()) {
        throw new InvalidValueException("refreshMargin must not be negative");
      }
      DpopKey key = dpopKey != null ? dpopKey : dpop ? DpopKey.generate() : null;
      return new PairingFlow(this, base, key);
    }
  }
}
