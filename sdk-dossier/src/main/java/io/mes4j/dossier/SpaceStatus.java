package io.mes4j.dossier;

import io.mes4j.core.code.SpaceState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The status of a patient's space as a professional's software checks it before acting (PDSM4DMP
 * TD0.2; ES-1, ES-4): its state, whether the caller may read it, whether the caller is its médecin
 * traitant.
 *
 * @param state the space's state; only {@code ACTIVE} accepts deposits, reads, messages and agenda
 *     changes (ES-4)
 * @param callerAuthorised whether the caller may read the dossier in normal mode: authorised,
 *     médecin traitant or given the same rights, and not blocked (CON-1 to CON-3); always true for
 *     the holder and a minor's representative
 * @param callerIsMedecinTraitant whether the caller is the holder's médecin traitant (CON-3)
 * @param oppositionWindowEnd when a {@code PENDING} space becomes {@code ACTIVE} on its own (ES-2)
 * @param closedAt when a {@code CLOSED} space was closed; its data are purged 10 years later (ES-5)
 */
public record SpaceStatus(
    SpaceState state,
    boolean callerAuthorised,
    boolean callerIsMedecinTraitant,
    @Nullable Instant oppositionWindowEnd,
    @Nullable Instant closedAt) {
  /** Checks that the state is given. */
  public SpaceStatus {
    Objects.requireNonNull(state, "state");
  }

  /** When a {@code PENDING} space becomes {@code ACTIVE} on its own, if it is pending. */
  public Optional<Instant> oppositionWindowEndIfPending() {
    return Optional.ofNullable(oppositionWindowEnd);
  }

  /** When a {@code CLOSED} space was closed, if it is closed. */
  public Optional<Instant> closedAtIfClosed() {
    return Optional.ofNullable(closedAt);
  }
}
