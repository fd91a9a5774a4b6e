package io.mes4j.mockserver.internal.policy;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as the token says: its kind, its identifier (INS value, idNat_PS, idNat_Struct or
 * {@code urn:oid:…}), its identifier system, and for a professional the profession and roles; for a
 * catalogue service, the finalities it may use now (its token's, within its pairing's current ones)
 * and the patient (INS value) it is paired with (CAT-2, CAT-3).
 */
public record Actor(
    Kind kind,
    String id,
    String system,
    @Nullable String profession,
    Set<String> roles,
    String displayName,
    Set<String> finalities,
    @Nullable String pairedPatient) {

  /** The kinds of actor, with their {@code mes_actor} claim and their AU-1 actor type. */
  public enum Kind {
    PATIENT("patient", "PATIENT"),
    PROFESSIONAL("professional", "HEALTHCARE_PROFESSIONAL"),
    ESTABLISHMENT("establishment", "HEALTHCARE_FACILITY"),
    SERVICE("service", "SERVICE_TIERS"),
    SYSTEM("system", "SYSTEM");

    private final String claim;
    private final String actorType;

    Kind(String claim, String actorType) {
      this.claim = claim;
      this.actorType = actorType;
    }

    public String claim() {
      return claim;
    }

    public String actorType() {
      return actorType;
    }

    public static @Nullable Kind fromClaim(@Nullable String claim) {
      for (Kind kind : values()) {
        if (kind.claim.equals(claim)) {
          return kind;
        }
      }
      return null;
    }
  }

  public static final String ROLE_REGULATION = "regulation";

  public Actor {
    roles = Set.copyOf(roles);
    finalities = Set.copyOf(finalities);
  }

  /** An actor that is not a paired service. */
  public Actor(
      Kind kind,
      String id,
      String system,
      @Nullable String profession,
      Set<String> roles,
      String displayName) {
    this(kind, id, system, profession, roles, displayName, Set.of(), null);
  }

  public boolean is(Kind other) {
    return kind == other;
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  @Override
  public String toString() {
    return "Actor[" + kind + ", id=<redacted>]";
  }
}
