package io.mes4j.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pairing completed by {@link PairingFlow#complete}: its tokens are in the {@link TokenStore}
 * under {@link #account()}.
 *
 * @param account the application's key the tokens are stored under
 * @param finalities the finalities the holder granted (a subset of those asked)
 * @param expiresAt when the access token expires (the flow refreshes it)
 * @param dpopBound whether the tokens are DPoP-bound
 */
public record PairingCompletion(
    String account, List<Finality> finalities, Instant expiresAt, boolean dpopBound) {

  /** Checks presence and copies the finalities. */
  public PairingCompletion {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(expiresAt, "expiresAt");
    finalities = List.copyOf(finalities);
  }
}
