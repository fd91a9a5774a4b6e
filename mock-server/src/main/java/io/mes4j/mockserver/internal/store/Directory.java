package io.mes4j.mockserver.internal.store;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Who the server knows besides patients: professionals (by idNat_PS) and establishments. */
public final class Directory {
  /** A professional: identity, display name, TRE_G15 profession, roles and establishment. */
  public record Professional(
      String idNatPs, String name, String profession, Set<String> roles, String finess) {
    public Professional {
      roles = Set.copyOf(roles);
    }
  }

  /** An establishment: FINESS, idNat_Struct, name. */
  public record Establishment(String finess, String idNatStruct, String name) {}

  private final Map<String, Professional> professionals = new ConcurrentHashMap<>();
  private final Map<String, Establishment> establishments = new ConcurrentHashMap<>();

  public void add(Professional professional) {
    professionals.put(professional.idNatPs(), professional);
  }

  public void add(Establishment establishment) {
    establishments.put(establishment.idNatStruct(), establishment);
  }

  /** Every professional, in no order (fixtures export). */
  public java.util.Collection<Professional> professionals() {
    return java.util.List.copyOf(professionals.values());
  }

  /** Every establishment, in no order (fixtures export). */
  public java.util.Collection<Establishment> establishments() {
    return java.util.List.copyOf(establishments.values());
  }

  public Optional<Professional> professional(String idNatPs) {
    return Optional.ofNullable(professionals.get(idNatPs));
  }

  public Optional<Establishment> establishment(String idNatStruct) {
    return Optional.ofNullable(establishments.get(idNatStruct));
  }
}
