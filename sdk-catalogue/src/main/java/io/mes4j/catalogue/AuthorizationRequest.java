package io.mes4j.catalogue;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An authorisation started by {@link PairingFlow#start}: the URL to send the holder to (with the
 * PKCE S256 challenge and a random {@code state}), to be completed with the callback.
 *
 * @param url the authorisation URL ({@code GET /oauth2/authorize?...})
 * @param state the random {@code state} the callback must carry back
 * @param account the application's key for the tokens to come
 * @param finalities the finalities asked
 */
public record AuthorizationRequest(
    URI url, String state, String account, List<Finality> finalities) {

  /** Checks presence and copies the finalities. */
  public AuthorizationRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(account, "account");
    finalities = List.copyOf(finalities);
  }
}
