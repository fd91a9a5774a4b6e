package io.mes4j.mockserver.internal.policy;

import io.mes4j.core.code.SpaceState;

/**
 * The state of the dossier and the caller's relation to it: holder, legal representative, médecin
 * traitant, authorised (CON-1), blocked (CON-2), same rights as the médecin traitant (CON-3),
 * feeding opposition (DOC-1), and for a catalogue service whether it is paired with this dossier
 * (CAT-2).
 */
public record SpaceContext(
    SpaceState state,
    boolean holder,
    boolean representative,
    boolean medecinTraitant,
    boolean authorised,
    boolean blocked,
    boolean sameRights,
    boolean depositOpposed,
    boolean pairedService) {

  /** The context of a caller that is not a catalogue service. */
  public SpaceContext(
      SpaceState state,
      boolean holder,
      boolean representative,
      boolean medecinTraitant,
      boolean authorised,
      boolean blocked,
      boolean sameRights,
      boolean depositOpposed) {
    this(
        state,
        holder,
        representative,
        medecinTraitant,
        authorised,
        blocked,
        sameRights,
        depositOpposed,
        false);
  }
}
