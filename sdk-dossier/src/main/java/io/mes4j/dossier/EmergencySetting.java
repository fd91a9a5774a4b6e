package io.mes4j.dossier;

/**
 * The holder's three emergency settings (CON-4), each {@link Permission#PERMIT} or {@link
 * Permission#DENY}.
 */
public enum EmergencySetting {
  /**
   * Access by a SAMU centre 15 regulation doctor ({@code AccessMode.centre15()}); permit by
   * default.
   */
  ETREAT,
  /**
   * Bris de glace by any other professional ({@code AccessMode.breakGlass(reason)}); permit by
   * default.
   */
  BTG,
  /** Whether documents masked to professionals are visible in an emergency; deny by default. */
  MASKED;

  /** The setting's code on the wire (the consent category), e.g. {@code ETREAT}. */
  public String code() {
    return name();
  }
}
