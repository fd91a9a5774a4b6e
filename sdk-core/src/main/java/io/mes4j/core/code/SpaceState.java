package io.mes4j.core.code;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The lifecycle state of a person's space (rules ES-1 to ES-5).
 *
 * <pre>{@code
 * PENDING --(window ends / holder activates)--> ACTIVE
 * PENDING --(holder opposes)--> OPPOSED
 * ACTIVE  --(holder closes)--> CLOSED --(reopened)--> ACTIVE
 * CLOSED  --(deletion or 10 years)--> DELETED
 * }</pre>
 *
 * <p>Only {@link #ACTIVE} accepts deposits, reads, messages and agenda changes (ES-4); a call on a
 * space in any other state is refused with the cause {@link #causeCode()} of that state.
 */
public enum SpaceState {
  /** Creation announced; the 42-day opposition window is open (ES-2). */
  PENDING("espace-pending"),
  /** Open: the only state that accepts deposits, reads, messages and agenda changes. */
  ACTIVE(null),
  /** The person refused the space during the opposition window (ES-3). */
  OPPOSED("espace-opposed"),
  /** Closed by the holder; data archived 10 years and may come back on reopening (ES-5). */
  CLOSED("espace-closed"),
  /** Data purged for good (ES-5). */
  DELETED("espace-deleted");

  private final @Nullable String causeCode;

  SpaceState(@Nullable String causeCode) {
    this.causeCode = causeCode;
  }

  /**
   * Returns the stable error cause with which a call on a space in this state is refused (ES-4), in
   * the {@code https://mes4j.io/fhir/CodeSystem/error-cause} system.
   *
   * <p>{@link #ACTIVE} refuses nothing for its state and has no cause: asking for it is a
   * programming error, hence an exception rather than an empty value. Use {@link #isActive()} first
   * when the state is not known.
   *
   * @return {@code espace-pending}, {@code espace-opposed}, {@code espace-closed} or {@code
   *     espace-deleted}
   * @throws IllegalStateException for {@link #ACTIVE}
   */
  public String causeCode() {
    String cause = causeCode;
    if (cause == null) {
      throw new IllegalStateException("an ACTIVE space has no refusal cause");
    }
    return cause;
  }

  /**
   * Tells whether this state accepts deposits, reads, messages and agenda changes.
   *
   * @return {@code true} for {@link #ACTIVE} only
   */
  public boolean isActive() {
    return this == ACTIVE;
  }

  /**
   * Finds the state whose refusal cause is {@code causeCode}, for example to map a server error.
   *
   * @param causeCode an error cause such as {@code espace-closed}
   * @return the state, or empty if {@code causeCode} is not a space-state cause
   */
  public static Optional<SpaceState> fromCauseCode(String causeCode) {
    for (SpaceState state : values()) {
      if (causeCode.equals(state.causeCode)) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
