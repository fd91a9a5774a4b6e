package io.mes4j.mockserver.internal.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue service's status (CAT-1): {@code EN_LIGNE} is paired and called; {@code HORS_LIGNE}
 * cannot be newly paired but its tokens keep working; {@code SUSPENDUE} and {@code DEREFERENCEE}
 * get no pairing, no token, and every call is refused.
 */
public enum ServiceStatus {
  EN_LIGNE,
  HORS_LIGNE,
  SUSPENDUE,
  DEREFERENCEE;

  /** Whether every call of the service is refused ({@code service-suspended}). */
  public boolean refused() {
    return this == SUSPENDUE || this == DEREFERENCEE;
  }

  /** Whether a new pairing may be made. */
  public boolean pairable() {
    return this == EN_LIGNE;
  }

  /** The status named {@code code} (exact case), or null. */
  public static @Nullable ServiceStatus fromCode(@Nullable String code) {
    for (ServiceStatus status : values()) {
      if (status.name().equals(code)) {
        return status;
      }
    }
    return null;
  }
}
