package io.mes4j.dossier;

import java.util.Objects;

/**
 * A dossier's emergency settings (CON-4): centre 15 access ({@code ETREAT}), bris de glace ({@code
 * BTG}) and masked documents in an emergency ({@code MASKED}).
 *
 * @param etreat whether a SAMU centre 15 regulation doctor may read the dossier
 * @param btg whether another professional may read it by bris de glace
 * @param masked whether documents masked to professionals are visible in an emergency
 */
public record EmergencySettings(Permission etreat, Permission btg, Permission masked) {
  /**
   * The defaults while the holder chose nothing (CON-4): ETREAT permit, BTG permit, MASKED deny.
   */
  public static final EmergencySettings DEFAULTS =
      new EmergencySettings(Permission.PERMIT, Permission.PERMIT, Permission.DENY);

  /** Checks that no value is null. */
  public EmergencySettings {
    Objects.requireNonNull(etreat, "etreat");
    Objects.requireNonNull(btg, "btg");
    Objects.requireNonNull(masked, "masked");
  }

  /** The value of one setting. */
  public Permission get(EmergencySetting setting) {
    return switch (Objects.requireNonNull(setting, "setting")) {
      case ETREAT -> etreat;
      case BTG -> btg;
      case MASKED -> masked;
    };
  }

  /** These settings with {@code setting} set to {@code value}. */
  public EmergencySettings with(EmergencySetting setting, Permission value) {
    Objects.requireNonNull(value, "value");
    return switch (Objects.requireNonNull(setting, "setting")) {
      case ETREAT -> new EmergencySettings(value, btg, masked);
      case BTG -> new EmergencySettings(etreat, value, masked);
      case MASKED -> new EmergencySettings(etreat, btg, value);
    };
  }
}
