package io.mes4j.mockserver.internal.policy;

import io.mes4j.mockserver.Notification;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of consent a dossier records (CON-1 to CON-5, DOC-1), with their code in the {@code
 * https://mes4j.io/fhir/CodeSystem/consent-category} system.
 *
 * <ul>
 *   <li>about one professional ({@link #aboutProfessional()}): an authorisation (CON-1), a block
 *       (CON-2), the médecin traitant and the same rights (CON-3), a feeding opposition (DOC-1);
 *       each says permit or deny by its nature ({@link #fixedPermit()});
 *   <li>holder settings, permit or deny as chosen: {@code ETREAT}, {@code BTG}, {@code MASKED}
 *       (CON-4), default masking (CON-5) and the notification preferences {@code NOTIF_DOCUMENT},
 *       {@code NOTIF_MESSAGE}, {@code NOTIF_APPOINTMENT} (AU-3: deny silences those notices), each
 *       with its default when none is recorded;
 *   <li>the pairings of catalogue services ({@code pairing}, CAT-2), one per service.
 * </ul>
 *
 * A {@linkplain #singleton() singleton} category has at most one active consent per dossier: a new
 * one makes the previous one inactive.
 */
public enum ConsentCategory {
  AUTHORISATION("authorisation", true, Boolean.TRUE, false, false),
  BLOCK("block", true, Boolean.FALSE, false, false),
  MEDECIN_TRAITANT("medecin-traitant", true, Boolean.TRUE, true, false),
  SAME_RIGHTS("same-rights", true, Boolean.TRUE, false, false),
  DEPOSIT_OPPOSITION("deposit-opposition", true, Boolean.FALSE, false, false),
  ETREAT("ETREAT", false, null, true, true),
  BTG("BTG", false, null, true, true),
  MASKED("MASKED", false, null, true, false),
  DEFAULT_MASKING("default-masking", false, null, true, false),
  NOTIF_DOCUMENT("NOTIF_DOCUMENT", false, null, true, true),
  NOTIF_MESSAGE("NOTIF_MESSAGE", false, null, true, true),
  NOTIF_APPOINTMENT("NOTIF_APPOINTMENT", false, null, true, true),
  /**
   * CAT-2, CAT-3: a catalogue service paired with the dossier, made only through {@code
   * /oauth2/authorize}; its {@link io.mes4j.mockserver.internal.store.ConsentRecord#professionalId}
   * holds the service id.
   */
  PAIRING("pairing", false, Boolean.TRUE, false, false);

  /** The code system of the categories. */
  public static final String SYSTEM = "https://mes4j.io/fhir/CodeSystem/consent-category";

  private final String code;
  private final boolean aboutProfessional;
  private final @Nullable Boolean fixedPermit;
  private final boolean singleton;
  private final boolean defaultPermit;

  ConsentCategory(
      String code,
      boolean aboutProfessional,
      @Nullable Boolean fixedPermit,
      boolean singleton,
      boolean defaultPermit) {
    this.code = code;
    this.aboutProfessional = aboutProfessional;
    this.fixedPermit = fixedPermit;
    this.singleton = singleton;
    this.defaultPermit = defaultPermit;
  }

  public String code() {
    return code;
  }

  /** Whether the consent names a professional ({@code provision.actor}). */
  public boolean aboutProfessional() {
    return aboutProfessional;
  }

  /** {@code permit} or {@code deny} by nature, or null for a setting that may be either. */
  public @Nullable Boolean fixedPermit() {
    return fixedPermit;
  }

  /** At most one active per dossier. */
  public boolean singleton() {
    return singleton;
  }

  /** For a setting, its value when no consent is recorded (CON-4 defaults, CON-5 off). */
  public boolean defaultPermit() {
    return defaultPermit;
  }

  /** The optional notices a notification preference governs (AU-3); empty for other categories. */
  public Set<Notification.Kind> notices() {
    return switch (this) {
      case NOTIF_DOCUMENT ->
          EnumSet.of(
              Notification.Kind.DOCUMENT_ADDED,
              Notification.Kind.DOCUMENT_REPLACED,
              Notification.Kind.DOCUMENT_PENDING);
      case NOTIF_MESSAGE -> EnumSet.of(Notification.Kind.NEW_MESSAGE);
      case NOTIF_APPOINTMENT ->
          EnumSet.of(Notification.Kind.APPOINTMENT_ADDED, Notification.Kind.APPOINTMENT_REMINDER);
      default -> EnumSet.noneOf(Notification.Kind.class);
    };
  }

  /** The category of {@code code} (exact case), or null. */
  public static @Nullable ConsentCategory fromCode(String code) {
    for (ConsentCategory category : values()) {
      if (category.code.equals(code)) {
        return category;
      }
    }
    return null;
  }
}
