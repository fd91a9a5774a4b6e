package io.mes4j.catalogue;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TokenStore} in memory: for tests, command-line tools and single-instance applications
 * that can pair again after a restart.
 *
 * <pre>{@code
 * TokenStore store = new InMemoryTokenStore();
 * }</pre>
 */
public final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentHashMap<String, PendingAuthorization> pending = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, StoredTokens> tokens = new ConcurrentHashMap<>();

  /** An empty store. */
  public InMemoryTokenStore() {}

  @Override
  public void putPending(PendingAuthorization authorization) {
    Objects.requireNonNull(authorization, "authorization");
    pending.put(authorization.state(), authorization);
  }

  @Override
  public Optional<PendingAuthorization> takePending(String state) {
    return Optional.ofNullable(pending.remove(state));
  }

  @Override
  public void put(String account, StoredTokens stored) {
    tokens.put(
        Objects.requireNonNull(account, "account"), Objects.requireNonNull(stored, "tokens"));
  }

  @Override
  public Optional<StoredTokens> get(String account) {
    return Optional.ofNullable(tokens.get(account));
  }

  @Override
  public void remove(String account) {
    tokens.remove(account);
  }

  /** Counts only; never a token. */
  @Override
  public String toString() {
    return "InMemoryTokenStore[pending=" + pending.size() + ", accounts=" + tokens.size() + "]";
  }
}
