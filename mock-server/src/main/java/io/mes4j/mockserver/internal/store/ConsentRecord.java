package io.mes4j.mockserver.internal.store;

import io.mes4j.mockserver.internal.policy.ConsentCategory;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One consent of a dossier (CON-1 to CON-5, DOC-1), immutable: revoking it stores an inactive copy,
 * kept for history.
 *
 * @param professionalId the professional it names (idNat_PS), or null for a holder setting
 * @param permit {@code provision.type}: permit (true) or deny
 * @param recorded when it was made ({@code Consent.dateTime})
 * @param performerSystem identifier system of who made it (INS system or idNat_PS)
 * @param performerId who made it: the holder, a representative, or the declaring professional
 */
public record ConsentRecord(
    String id,
    ConsentCategory category,
    @Nullable String professionalId,
    boolean permit,
    boolean active,
    Instant recorded,
    String performerSystem,
    String performerId,
    int version,
    Instant lastUpdated) {

  /** This consent made inactive at {@code at}, as a new version. */
  public ConsentRecord inactive(Instant at) {
    return new ConsentRecord(
        id,
        category,
        professionalId,
        permit,
        false,
        recorded,
        performerSystem,
        performerId,
        version + 1,
        at);
  }

  @Override
  public String toString() {
    return "ConsentRecord["
        + id
        + ", "
        + category.code()
        + ", "
        + (active ? "active" : "inactive")
        + "]";
  }
}
