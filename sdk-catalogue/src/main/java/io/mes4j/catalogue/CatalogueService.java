package io.mes4j.catalogue;

import io.mes4j.core.identity.ServiceId;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A service referenced in the catalogue (CAT-1).
 *
 * @param id the service's OID (ID-4), also its OAuth {@code client_id} in {@code urn:oid:} form
 * @param name its name
 * @param editor who publishes it
 * @param status whether it may be paired and called
 * @param finalities what it may be consented, each a perimeter of data and actions
 * @param redirectUris the redirect URIs registered for its pairing
 */
public record CatalogueService(
    ServiceId id,
    String name,
    String editor,
    ServiceStatus status,
    List<Finality> finalities,
    List<URI> redirectUris) {

  /** Checks presence and copies the lists. */
  public CatalogueService {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(editor, "editor");
    Objects.requireNonNull(status, "status");
    finalities = List.copyOf(finalities);
    redirectUris = List.copyOf(redirectUris);
  }

  /** Whether the service offers {@code finality}. */
  public boolean offers(Finality finality) {
    return finalities.contains(finality);
  }
}
