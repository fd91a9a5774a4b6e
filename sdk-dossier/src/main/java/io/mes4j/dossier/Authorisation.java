package io.mes4j.dossier;

import io.mes4j.core.identity.ProfessionalId;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a dossier's list of authorised professionals (CON-1): a professional the holder
 * added, or who declared that the holder consented. Revoked entries stay in the list, inactive.
 *
 * @param id the entry's id, for {@link AccessManagement#revoke(String)}
 * @param professional the professional authorised
 * @param declaredByType who made the entry: {@link ActorType#PATIENT} (the holder), {@link
 *     ActorType#LEGAL_REPRESENTATIVE} or {@link ActorType#HEALTHCARE_PROFESSIONAL} (a declaration)
 * @param declaredBy the identifier of who made it (an INS value or an idNat_PS)
 * @param date when it was made, on the server's clock
 * @param active whether it is in force (false once revoked)
 */
public record Authorisation(
    String id,
    ProfessionalId professional,
    ActorType declaredByType,
    String declaredBy,
    Instant date,
    boolean active) {

  /** Checks that no value is null. */
  public Authorisation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(professional, "professional");
    Objects.requireNonNull(declaredByType, "declaredByType");
    Objects.requireNonNull(declaredBy, "declaredBy");
    Objects.requireNonNull(date, "date");
  }

  /** Whether a professional declared the holder's consent (rather than the holder adding them). */
  public boolean declaredByProfessional() {
    return declaredByType == ActorType.HEALTHCARE_PROFESSIONAL;
  }

  /** No identifier: they are personal data. */
  @Override
  public String toString() {
    return "Authorisation["
        + id
        + ", declared by "
        + declaredByType
        + ", "
        + date
        + (active ? ", active" : ", inactive")
        + "]";
  }
}
