package io.mes4j.catalogue;

import io.mes4j.core.error.InvalidValueException;
import java.util.Locale;

/** The status of a catalogue service (CAT-1), as the catalogue lists it. */
public enum ServiceStatus {
  /** Online: may be paired, its tokens work. */
  EN_LIGNE,
  /** Offline: cannot be newly paired; tokens it already holds keep working. */
  HORS_LIGNE,
  /** Suspended: no pairing, no token, every call refused. */
  SUSPENDUE,
  /** Delisted: no pairing, no token, every call refused. */
  DEREFERENCEE;

  /**
   * The status of a wire code such as {@code EN_LIGNE}.
   *
   * @throws InvalidValueException if the code is not a status
   */
  public static ServiceStatus fromCode(String code) {
    try {
      return valueOf(code.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidValueException("unknown catalogue service status: " + code);
    }
  }

  /** Whether the service may be newly paired. */
  public boolean isPairable() {
    return this == EN_LIGNE;
  }
}
