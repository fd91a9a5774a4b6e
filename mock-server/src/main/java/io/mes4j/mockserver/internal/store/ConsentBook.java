package io.mes4j.mockserver.internal.store;

import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.policy.HolderSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Changes a dossier's consents and keeps the fast views the policy reads (the record's sets of
 * authorised, blocked, same-rights and opposed professionals, its médecin traitant and its {@link
 * HolderSettings}) in step with the active consents. Call under the record's write lock.
 */
public final class ConsentBook {
  private ConsentBook() {}

  /** The active consent of {@code category} naming {@code professionalId} (or the setting). */
  public static @Nullable ConsentRecord active(
      PatientRecord patient, ConsentCategory category, @Nullable String professionalId) {
    for (ConsentRecord consent : patient.consents()) {
      if (consent.active()
          && consent.category() == category
          && (category.singleton() || equal(consent.professionalId(), professionalId))) {
        return consent;
      }
    }
    return null;
  }

  /**
   * Records a new active consent: a singleton category's previous active consent becomes inactive
   * first. Returns the consents made inactive.
   */
  public static List<ConsentRecord> record(
      Store store, PatientRecord patient, ConsentRecord added) {
    List<ConsentRecord> replaced = new ArrayList<>();
    if (added.category().singleton()) {
      ConsentRecord previous = active(patient, added.category(), null);
      if (previous != null) {
        replaced.add(deactivate(patient, previous, added.recorded()));
      }
    }
    patient.add(added);
    store.indexConsent(added.id(), patient.ins().value());
    apply(patient, added);
    return replaced;
  }

  /** Makes a consent inactive (kept for history) and answers its new version. */
  public static ConsentRecord deactivate(PatientRecord patient, ConsentRecord consent, Instant at) {
    if (!consent.active()) {
      return consent;
    }
    ConsentRecord inactive = consent.inactive(at);
    patient.replace(inactive);
    withdraw(patient, inactive);
    return inactive;
  }

  /**
   * Builds the policy's views from the active consents, in recording order: for a fixtures file
   * that gives consents without the views (call on a record whose views are at their defaults).
   */
  public static void applyActive(PatientRecord patient) {
    for (ConsentRecord consent : patient.consents()) {
      if (consent.active()) {
        apply(patient, consent);
      }
    }
  }

  /** A new version of an active consent whose terms changed (a pairing's finalities, CAT-3). */
  public static ConsentRecord newVersion(PatientRecord patient, ConsentRecord consent, Instant at) {
    ConsentRecord next =
        new ConsentRecord(
            consent.id(),
            consent.category(),
            consent.professionalId(),
            consent.permit(),
            consent.active(),
            consent.recorded(),
            consent.performerSystem(),
            consent.performerId(),
            consent.version() + 1,
            at);
    patient.replace(next);
    return next;
  }

  private static void apply(PatientRecord patient, ConsentRecord consent) {
    String professional = consent.professionalId();
    switch (consent.category()) {
      case AUTHORISATION -> patient.authorised().add(professional);
      case BLOCK -> patient.blocked().add(professional);
      case SAME_RIGHTS -> patient.sameRights().add(professional);
      case DEPOSIT_OPPOSITION -> patient.depositOpposed().add(professional);
      case MEDECIN_TRAITANT -> patient.medecinTraitant(professional);
      case ETREAT, BTG, MASKED, DEFAULT_MASKING ->
          patient.settings(setting(patient.settings(), consent.category(), consent.permit()));
      case NOTIF_DOCUMENT, NOTIF_MESSAGE, NOTIF_APPOINTMENT ->
          notifications(patient, consent.category(), consent.permit());
      case PAIRING -> {
        // CAT-2: the pairing's terms are kept in Pairings; nothing of the record's views changes.
      }
    }
  }

  private static void withdraw(PatientRecord patient, ConsentRecord consent) {
    ConsentCategory category = consent.category();
    String professional = consent.professionalId();
    switch (category) {
      case AUTHORISATION -> removeUnlessStillActive(patient, patient.authorised(), consent);
      case BLOCK -> removeUnlessStillActive(patient, patient.blocked(), consent);
      case SAME_RIGHTS -> removeUnlessStillActive(patient, patient.sameRights(), consent);
      case DEPOSIT_OPPOSITION ->
          removeUnlessStillActive(patient, patient.depositOpposed(), consent);
      case MEDECIN_TRAITANT -> {
        if (professional != null && professional.equals(patient.medecinTraitant())) {
          patient.medecinTraitant(null);
        }
      }
      case ETREAT, BTG, MASKED, DEFAULT_MASKING ->
          // Without an active consent, the setting is back to its default.
          patient.settings(setting(patient.settings(), category, category.defaultPermit()));
      case NOTIF_DOCUMENT, NOTIF_MESSAGE, NOTIF_APPOINTMENT ->
          notifications(patient, category, category.defaultPermit());
      case PAIRING -> {
        // CAT-3: the tokens check the Consent's status on every call.
      }
    }
  }

  private static void removeUnlessStillActive(
      PatientRecord patient, Set<String> set, ConsentRecord consent) {
    String professional = consent.professionalId();
    if (professional != null && active(patient, consent.category(), professional) == null) {
      set.remove(professional);
    }
  }

  // AU-3: a preference that denies silences its notices; the emergency-access one has none.
  private static void notifications(
      PatientRecord patient, ConsentCategory category, boolean permit) {
    if (permit) {
      patient.silencedNotifications().removeAll(category.notices());
    } else {
      patient.silencedNotifications().addAll(category.notices());
    }
  }

  private static HolderSettings setting(
      HolderSettings settings, ConsentCategory category, boolean permit) {
    return switch (category) {
      case ETREAT ->
          new HolderSettings(
              permit, settings.btg(), settings.maskedInEmergency(), settings.maskByDefault());
      case BTG ->
          new HolderSettings(
              settings.etreat(), permit, settings.maskedInEmergency(), settings.maskByDefault());
      case MASKED ->
          new HolderSettings(settings.etreat(), settings.btg(), permit, settings.maskByDefault());
      case DEFAULT_MASKING ->
          new HolderSettings(
              settings.etreat(), settings.btg(), settings.maskedInEmergency(), permit);
      default -> throw new IllegalArgumentException(category + " is not a setting");
    };
  }

  private static boolean equal(@Nullable String a, @Nullable String b) {
    return a == null ? b == null : a.equals(b);
  }
}
