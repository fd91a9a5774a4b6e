package io.mes4j.mockserver.internal.auth;

import com.nimbusds.jose.jwk.JWK;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OAuth clients registered through {@code /_mock/clients} (client id, the identity it acts for, its
 * public key), and the client assertion ids already used (replay refused until they expire).
 */
public final class ClientRegistry {
  /** A registered client. */
  public record Client(String clientId, String subject, JWK publicKey) {
    @Override
    public String toString() {
      return "Client[" + clientId + "]";
    }
  }

  private static final int JTI_PURGE_THRESHOLD = 10_000;

  private final Map<String, Client> clients = new ConcurrentHashMap<>();
  private final Map<String, Instant> usedJtis = new ConcurrentHashMap<>();

  public void register(Client client) {
    clients.put(client.clientId(), client);
  }

  /** Every registered client, in no order (fixtures export). */
  public java.util.Collection<Client> all() {
    return java.util.List.copyOf(clients.values());
  }

  public Optional<Client> client(String clientId) {
    return Optional.ofNullable(clients.get(clientId));
  }

  /**
   * Records an assertion id; false if it was already used. Kept until {@code keepUntil}, after
   * which an assertion with that id would be expired anyway.
   */
  public boolean useJti(String clientId, String jti, Instant keepUntil, Instant now) {
    if (usedJtis.size() > JTI_PURGE_THRESHOLD) {
      usedJtis.values().removeIf(until -> until.isBefore(now));
    }
    return usedJtis.putIfAbsent(clientId + "\u0000" + jti, keepUntil) == null;
  }
}
