package io.mes4j.mockserver.internal.store;

import io.mes4j.mockserver.internal.catalogue.Finality;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terms of the pairings (CAT-2, CAT-3), by the id of their {@code Consent} (category {@code
 * pairing}, kept with the dossier's consents, which says whether it is active and its version): the
 * service, the patient, the finalities consented now, and whether the holder must approve it again
 * (ES-6). Changed under the patient record's write lock; read from anywhere.
 */
public final class Pairings {
  /** One pairing's terms. {@code patient} is an INS value. */
  public record Terms(
      String consentId,
      String serviceId,
      String patient,
      Set<Finality> finalities,
      boolean reapprovalRequired) {
    public Terms {
      finalities = Set.copyOf(finalities);
    }

    public Terms withFinalities(Set<Finality> newFinalities) {
      return new Terms(consentId, serviceId, patient, newFinalities, reapprovalRequired);
    }

    public Terms withReapprovalRequired(boolean required) {
      return new Terms(consentId, serviceId, patient, finalities, required);
    }

    /** The codes of its finalities. */
    public Set<String> codes() {
      return finalities.stream()
          .map(Finality::code)
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
      return "Terms[" + consentId + ", " + serviceId + ", patient=<redacted>]";
    }
  }

  private final Map<String, Terms> terms = new ConcurrentHashMap<>();

  public void put(Terms pairing) {
    terms.put(pairing.consentId(), pairing);
  }

  public Optional<Terms> terms(String consentId) {
    return Optional.ofNullable(terms.get(consentId));
  }

  /** The terms of every pairing, sorted by consent id (fixtures export). */
  public List<Terms> all() {
    return terms.values().stream()
        .sorted(java.util.Comparator.comparing(Terms::consentId))
        .toList();
  }

  /** The terms of every pairing of {@code patient} (an INS value), active or not. */
  public List<Terms> ofPatient(String patient) {
    return terms.values().stream().filter(t -> t.patient().equals(patient)).toList();
  }
}
