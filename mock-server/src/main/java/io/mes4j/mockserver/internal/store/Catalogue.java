package io.mes4j.mockserver.internal.store;

import io.mes4j.mockserver.internal.catalogue.CatalogueService;
import io.mes4j.mockserver.internal.catalogue.ServiceStatus;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The catalogue's referenced services (CAT-1), by id, sorted. */
public final class Catalogue {
  private final ConcurrentSkipListMap<String, CatalogueService> services =
      new ConcurrentSkipListMap<>();

  /** Creates or replaces a service. */
  public void put(CatalogueService service) {
    services.put(service.id(), service);
  }

  public Optional<CatalogueService> service(String id) {
    return Optional.ofNullable(services.get(id));
  }

  /** Every service, sorted by id. */
  public List<CatalogueService> all() {
    return List.copyOf(services.values());
  }

  /** Changes a service's status; empty if there is no such service. */
  public Optional<CatalogueService> status(String id, ServiceStatus status) {
    return Optional.ofNullable(services.computeIfPresent(id, (k, s) -> s.withStatus(status)));
  }
}
