package io.mes4j.catalogue;

import java.util.Optional;

/**
 * Where a {@link PairingFlow} keeps its pending authorisations and the tokens of each pairing: the
 * application backs it with its own storage (a database, encrypted at rest), so that tokens survive
 * restarts and are shared by its instances. {@link #inMemory()} keeps them in memory.
 *
 * <p>Tokens are keyed by an {@code account}: the application's own key for the user who paired (the
 * flow never reads personal data to make one). Implementations are safe for concurrent use.
 *
 * <pre>{@code
 * TokenStore store = TokenStore.inMemory();
 * PairingFlow flow = PairingFlow.builder()
 *     .baseUrl("https://api.example")
 *     .clientId(ServiceId.of("urn:oid:2.999.1.1"))
 *     .redirectUri(URI.create("https://agenda.example/callback"))
 *     .tokenStore(store)
 *     .build();
 * }</pre>
 */
public interface TokenStore {

  /** Keeps an authorisation started, under its {@code state}. */
  void putPending(PendingAuthorization pending);

  /**
   * Takes (reads and removes, atomically) the pending authorisation of a {@code state}, so a
   * callback completes at most once.
   */
  Optional<PendingAuthorization> takePending(String state);

  /** Stores (or replaces) the tokens of an account. */
  void put(String account, StoredTokens tokens);

  /** The tokens of an account, if any. */
  Optional<StoredTokens> get(String account);

  /** Forgets the tokens of an account. */
  void remove(String account);

  /** A store in memory, lost with the process. */
  static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }
}
