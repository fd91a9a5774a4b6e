package io.mes4j.mockserver.internal.policy;

/**
 * The holder's access settings (CON-4, CON-5): centre 15 access ({@code ETREAT}), bris de glace
 * ({@code BTG}), masked documents in an emergency ({@code MASKED}), and default masking.
 */
public record HolderSettings(
    boolean etreat, boolean btg, boolean maskedInEmergency, boolean maskByDefault) {
  /** CON-4 defaults (choice): ETREAT permit, BTG permit, MASKED deny; no default masking. */
  public static final HolderSettings DEFAULTS = new HolderSettings(true, true, false, false);
}
