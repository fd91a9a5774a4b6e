package io.mes4j.core;

import io.mes4j.core.error.InvalidValueException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a professional accesses a dossier: {@linkplain #normal() normally}, in {@linkplain
 * #breakGlass(String) bris de glace} (emergency, with a mandatory reason) or as a {@linkplain
 * #centre15() centre 15} regulation doctor.
 *
 * <p>The mode travels in the access token ({@code mes_access_mode}, {@code mes_access_reason}): the
 * client asks its {@link io.mes4j.core.auth.TokenProvider} for a token in the mode of each call.
 *
 * <pre>{@code
 * MesClient emergency = client.withAccessMode(AccessMode.breakGlass("Patient unconscious"));
 * }</pre>
 *
 * <p>Immutable; {@link #toString()} never shows the reason, which may describe the patient.
 */
public final class AccessMode {

  /** The kind of access, with its code on the wire (JDV_J38). */
  public enum Kind {
    /** Normal access, under the patient's authorisations. */
    NORMAL("normal"),
    /** Bris de glace: emergency access, with a reason. */
    BRIS_DE_GLACE("bris_de_glace"),
    /** Access of a SAMU centre 15 regulation doctor. */
    CENTRE_15("centre_15");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The code on the wire, e.g. {@code bris_de_glace}. */
    public String code() {
      return code;
    }
  }

  private static final AccessMode NORMAL = new AccessMode(Kind.NORMAL, null);
  private static final AccessMode CENTRE_15 = new AccessMode(Kind.CENTRE_15, null);

  private final Kind kind;
  private final @Nullable String reason;

  private AccessMode(Kind kind, @Nullable String reason) {
    this.kind = kind;
    this.reason = reason;
  }

  /** Normal access, the default. */
  public static AccessMode normal() {
    return NORMAL;
  }

  /**
   * Bris de glace, emergency access to a dossier.
   *
   * @param reason why; required, not blank
   * @throws InvalidValueException if the reason is missing or blank
   */
  public static AccessMode breakGlass(@Nullable String reason) {
    if (reason == null || reason.isBlank()) {
      throw new InvalidValueException("bris de glace requires a non-blank reason");
    }
    return new AccessMode(Kind.BRIS_DE_GLACE, reason.strip());
  }

  /** Access of a centre 15 (SAMU) regulation doctor. */
  public static AccessMode centre15() {
    return CENTRE_15;
  }

  /** The kind of access. */
  public Kind kind() {
    return kind;
  }

  /** The reason, present for bris de glace only. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AccessMode other
        && kind == other.kind
        && Objects.equals(reason, other.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, reason);
  }

  /** The kind's code; never the reason. */
  @Override
  public String toString() {
    return "AccessMode[" + kind.code() + (reason == null ? "" : ", reason=<redacted>") + "]";
  }
}
