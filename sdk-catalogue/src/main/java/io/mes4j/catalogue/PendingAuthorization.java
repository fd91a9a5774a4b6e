package io.mes4j.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An authorisation started and not completed yet: what {@link PairingFlow#complete} needs to check
 * the callback and exchange the code. Kept in the {@link TokenStore} between the two.
 *
 * <p>{@link #toString()} never shows the verifier.
 *
 * @param state the random {@code state} sent, which the callback must carry back
 * @param codeVerifier the PKCE verifier whose S256 challenge was sent
 * @param account the application's key for the tokens to come
 * @param finalities the finalities asked
 * @param startedAt when the authorisation was started
 */
public record PendingAuthorization(
    String state,
    String codeVerifier,
    String account,
    List<Finality> finalities,
    Instant startedAt) {

  /** Checks presence and copies the finalities. */
  public PendingAuthorization {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(codeVerifier, "codeVerifier");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(startedAt, "startedAt");
    finalities = List.copyOf(finalities);
  }

  /** The verifier redacted. */
  @Override
  public String toString() {
    return "PendingAuthorization[account="
        + account
        + ", finalities="
        + finalities
        + ", startedAt="
        + startedAt
        + ", state and verifier <redacted>]";
  }
}
