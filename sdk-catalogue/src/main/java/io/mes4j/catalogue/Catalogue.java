package io.mes4j.catalogue;

import io.mes4j.catalogue.internal.CatalogueJson;
import io.mes4j.core.MesClient;
import io.mes4j.core.identity.ServiceId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import java.util.List;
import java.util.Objects;

/**
 * The catalogue of services of Mon espace santé (CAT-1) and, for a holder, the pairings of their
 * space (CAT-2, CAT-3). The app side of a pairing is {@link PairingFlow}.
 *
 * <p>Obtained from a shared {@link MesClient}; it holds no state of its own and is as thread-safe
 * and cheap as the client it wraps. Listing the catalogue needs no token.
 *
 * <pre>{@code
 * Catalogue catalogue = Catalogue.of(client);
 * List<CatalogueService> services = catalogue.services();
 * CatalogueService agenda = catalogue.service(ServiceId.of("urn:oid:2.999.1.1"));
 * List<Pairing> mine = Catalogue.of(holderClient).pairings().list(ins);
 * }</pre>
 */
public final class Catalogue {
  private final ApiExecutor executor;
  private final Pairings pairings;

  private Catalogue(ApiExecutor executor) {
    this.executor = executor;
    this.pairings = new Pairings(executor);
  }

  /** The catalogue API over this client (and its identity, for the pairings). */
  public static Catalogue of(MesClient client) {
    return new Catalogue(CoreAccess.executor(client));
  }

  /** Every referenced service, whatever its status, sorted by id (CAT-1). */
  public List<CatalogueService> services() {
    return CatalogueJson.services(
        CatalogueJson.read(
            executor
                .execute(
                    ApiRequest.builder("GET", "/catalogue/services")
                        .accept("application/json")
                        .authenticated(false)
                        .build())
                .body()));
  }

  /**
   * One service (CAT-1).
   *
   * @throws io.mes4j.core.error.ResourceNotFoundException if the catalogue does not list it
   */
  public CatalogueService service(ServiceId id) {
    Objects.requireNonNull(id, "id");
    return CatalogueJson.service(
        CatalogueJson.read(
            executor
                .execute(
                    ApiRequest.builder("GET", "/catalogue/services/{id}")
                        .path("/catalogue/services/" + ApiRequest.encodePathSegment(id.urn()))
                        .accept("application/json")
                        .authenticated(false)
                        .build())
                .body()));
  }

  /** The pairings of the holder's space (the client must be the holder's or a representative's). */
  public Pairings pairings() {
    return pairings;
  }
}
