package io.mes4j.dossier;

import io.mes4j.core.Page;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.SearchForm;
import io.mes4j.dossier.internal.FhirConsents;
import io.mes4j.dossier.internal.FhirDocuments;
import io.mes4j.dossier.internal.FhirPages;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Who may read a dossier, and how (CON-1 to CON-5, DOC-1): authorisations, blocking, the médecin
 * traitant and the same rights, feeding oppositions, the emergency settings and default masking.
 * Each is a FHIR {@code Consent} on the server; a change takes effect on the very next call.
 *
 * <pre>{@code
 * // A professional declares that the holder consented (CON-1), then reads the dossier.
 * Authorisation mine = Dossier.of(doctor).access().declareConsent(ins);
 *
 * // The holder manages access.
 * AccessManagement access = Dossier.of(holder).access();
 * for (Authorisation a : access.authorisations(ins).iterateAll()) {
 *   if (a.active() && a.professional().equals(formerDoctor)) {
 *     access.revoke(a.id());                                   // CON-1
 *   }
 * }
 * access.block(ins, intruder);                                 // CON-2
 * access.designateMedecinTraitant(ins, gp);                    // CON-3
 * access.setEmergencySetting(ins, EmergencySetting.BTG, Permission.DENY); // CON-4
 * access.setDefaultMasking(ins, true);                         // CON-5
 * }</pre>
 *
 * <p>Only the holder, or the legal representative of a minor holder, may change access, except that
 * a professional may declare the holder's consent for themself, list their own authorisations and
 * withdraw them. Every refusal is a typed exception of {@code io.mes4j.core.error}: {@code
 * HolderOnlyException} (a professional doing what only the holder may), {@code BlockedException} (a
 * blocked professional declaring consent), {@code SpaceNotActiveException} (ES-4), {@code
 * InvalidRequestException} (e.g. a professional the server does not know; nothing is changed).
 */
public final class AccessManagement {
  private static final int PAGE = 100;

  private final ApiExecutor executor;

  AccessManagement(ApiExecutor executor) {
    this.executor = executor;
  }

  // CON-1

  /**
   * Declares, as the calling professional, that the holder consented to their reading the dossier
   * (CON-1). The declaration is traced; the holder sees it in {@link #authorisations(Ins)} and may
   * revoke it. Declaring again while authorised returns the entry in force.
   *
   * @return the authorisation, naming the caller
   * @throws io.mes4j.core.error.BlockedException the holder blocked the caller (CON-2)
   * @throws io.mes4j.core.error.ForbiddenException the caller is not a professional or patient
   */
  public Authorisation declareConsent(Ins patient) {
    return FhirConsents.authorisation(
        create(patient, FhirConsents.AUTHORISATION, null, true), patient);
  }

  /**
   * Authorises a professional to read the dossier, as its holder (CON-1). Authorising a
   * professional already authorised returns the entry in force.
   *
   * @throws io.mes4j.core.error.HolderOnlyException a professional authorising another one
   * @throws io.mes4j.core.error.InvalidRequestException a professional unknown to the server
   */
  public Authorisation authorise(Ins patient, ProfessionalId professional) {
    Objects.requireNonNull(professional, "professional");
    return FhirConsents.authorisation(
        create(patient, FhirConsents.AUTHORISATION, professional, true), patient);
  }

  /**
   * The dossier's authorisations, active and revoked, newest first (CON-1). The holder sees them
   * all; a professional sees only their own.
   */
  public Page<Authorisation> authorisations(Ins patient) {
    SearchForm form = search(patient).add("category", FhirConsents.AUTHORISATION);
    return FhirPages.page(
        executor,
        form.request(),
        "/fhir/Consent",
        consent -> FhirConsents.authorisation(FhirConsents.read(consent), patient));
  }

  /**
   * Revokes any consent by its id: an authorisation (the professional can no longer read from the
   * next call on, CON-1), a block, a designation, same rights, an opposition or a setting (which
   * then returns to its default). The consent stays in the history, inactive. Revoking an inactive
   * consent changes nothing.
   *
   * @throws io.mes4j.core.error.ResourceNotFoundException unknown, or not the caller's to see
   * @throws io.mes4j.core.error.HolderOnlyException the caller may see it but not revoke it
   */
  public void revoke(String consentId) {
    Objects.requireNonNull(consentId, "consentId");
    executor.execute(
        ApiRequest.builder("DELETE", "/fhir/Consent/{id}")
            .path("/fhir/Consent/" + ApiRequest.encodePathSegment(consentId))
            .build());
  }

  // CON-2

  /**
   * Blocks a professional (CON-2): they can no longer read the dossier, whatever their
   * authorisation and in every mode but centre 15, and can still deposit (DOC-1).
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void block(Ins patient, ProfessionalId professional) {
    create(
        patient, FhirConsents.BLOCK, Objects.requireNonNull(professional, "professional"), false);
  }

  /**
   * Lifts the block of a professional (CON-2).
   *
   * @return whether a block was lifted (false: the professional was not blocked)
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public boolean unblock(Ins patient, ProfessionalId professional) {
    return revokeActive(patient, FhirConsents.BLOCK, professional);
  }

  /** The professionals the holder blocked (CON-2). */
  public List<ProfessionalId> blocked(Ins patient) {
    return activeProfessionals(patient, FhirConsents.BLOCK);
  }

  // CON-3

  /**
   * Designates the médecin traitant (CON-3), who sees masked documents and every trace; the
   * previous one, if any, loses the designation.
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void designateMedecinTraitant(Ins patient, ProfessionalId professional) {
    create(
        patient,
        FhirConsents.MEDECIN_TRAITANT,
        Objects.requireNonNull(professional, "professional"),
        true);
  }

  /** The médecin traitant, if the holder designated one (CON-3). */
  public Optional<ProfessionalId> medecinTraitant(Ins patient) {
    return activeProfessionals(patient, FhirConsents.MEDECIN_TRAITANT).stream().findFirst();
  }

  /**
   * Gives a professional the médecin traitant's rights on masked documents (CON-3).
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void grantSameRights(Ins patient, ProfessionalId professional) {
    create(
        patient,
        FhirConsents.SAME_RIGHTS,
        Objects.requireNonNull(professional, "professional"),
        true);
  }

  /**
   * Takes back the same rights given to a professional (CON-3).
   *
   * @return whether they had them
   */
  public boolean revokeSameRights(Ins patient, ProfessionalId professional) {
    return revokeActive(patient, FhirConsents.SAME_RIGHTS, professional);
  }

  /** The professionals given the same rights as the médecin traitant (CON-3). */
  public List<ProfessionalId> sameRights(Ins patient) {
    return activeProfessionals(patient, FhirConsents.SAME_RIGHTS);
  }

  // DOC-1

  /**
   * Opposes a professional's deposits (DOC-1, a feeding opposition): their deposits into this
   * dossier are refused ({@code DepositOpposedException}); other professionals are not affected.
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void opposeDeposits(Ins patient, ProfessionalId professional) {
    create(
        patient,
        FhirConsents.DEPOSIT_OPPOSITION,
        Objects.requireNonNull(professional, "professional"),
        false);
  }

  /**
   * Withdraws a feeding opposition (DOC-1).
   *
   * @return whether there was one
   */
  public boolean withdrawDepositOpposition(Ins patient, ProfessionalId professional) {
    return revokeActive(patient, FhirConsents.DEPOSIT_OPPOSITION, professional);
  }

  /** The professionals whose deposits the holder opposed (DOC-1). */
  public List<ProfessionalId> depositOppositions(Ins patient) {
    return activeProfessionals(patient, FhirConsents.DEPOSIT_OPPOSITION);
  }

  // CON-4, CON-5

  /**
   * The emergency settings (CON-4); those the holder never set have their defaults ({@link
   * EmergencySettings#DEFAULTS}).
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public EmergencySettings emergencySettings(Ins patient) {
    SearchForm form = search(patient).add("status", "active");
    for (EmergencySetting setting : EmergencySetting.values()) {
      form.add("category", setting.code());
    }
    EmergencySettings settings = EmergencySettings.DEFAULTS;
    for (FhirConsents.ConsentView view : views(form)) {
      for (EmergencySetting setting : EmergencySetting.values()) {
        if (setting.code().equals(view.category())) {
          settings = settings.with(setting, Permission.of(view.permit()));
        }
      }
    }
    return settings;
  }

  /**
   * Sets one emergency setting (CON-4), replacing its previous value.
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void setEmergencySetting(Ins patient, EmergencySetting setting, Permission value) {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(value, "value");
    create(patient, setting.code(), null, value.permitted());
  }

  /**
   * Whether every new document is masked to professionals by default (CON-5); false unless the
   * holder chose it.
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public boolean defaultMasking(Ins patient) {
    SearchForm form =
        search(patient).add("status", "active").add("category", FhirConsents.DEFAULT_MASKING);
    return views(form).stream().anyMatch(FhirConsents.ConsentView::permit);
  }

  /**
   * Chooses whether every new document is masked to professionals ({@code MASQUE_PS}) by default
   * (CON-5); documents already deposited keep their labels.
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void setDefaultMasking(Ins patient, boolean masked) {
    create(patient, FhirConsents.DEFAULT_MASKING, null, masked);
  }

  /**
   * Whether the holder receives the notices of this kind (AU-3); true unless turned off.
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public boolean notifications(Ins patient, NotificationPreference preference) {
    Objects.requireNonNull(preference, "preference");
    SearchForm form = search(patient).add("status", "active").add("category", preference.code());
    return views(form).stream().allMatch(FhirConsents.ConsentView::permit);
  }

  /**
   * Turns the notices of this kind on or off (AU-3). The emergency-access notice cannot be turned
   * off.
   *
   * <pre>{@code
   * access.setNotifications(ins, NotificationPreference.NOTIF_MESSAGE, false);
   * }</pre>
   *
   * @throws io.mes4j.core.error.HolderOnlyException the caller is not the holder
   */
  public void setNotifications(Ins patient, NotificationPreference preference, boolean enabled) {
    Objects.requireNonNull(preference, "preference");
    create(patient, preference.code(), null, enabled);
  }

  // The wire

  private FhirConsents.ConsentView create(
      Ins patient, String category, @Nullable ProfessionalId professional, boolean permit) {
    Objects.requireNonNull(patient, "patient");
    ApiResponse response =
        executor.execute(
            ApiRequest.builder("POST", "/fhir/Consent")
                .body(
                    FhirPages.write(FhirConsents.consent(patient, category, professional, permit)),
                    ApiRequest.FHIR_JSON)
                .withNewIdempotencyKey()
                .build());
    return FhirConsents.read(FhirPages.read(response.body()));
  }

  private static SearchForm search(Ins patient) {
    Objects.requireNonNull(patient, "patient");
    // POST _search: the INS travels in the body, never in a URL.
    return new SearchForm("Consent")
        .add("patient.identifier", FhirDocuments.patientToken(patient))
        .add("_count", Integer.toString(PAGE));
  }

  private List<FhirConsents.ConsentView> views(SearchForm form) {
    return FhirPages.page(executor, form.request(), "/fhir/Consent", FhirConsents::read)
        .streamAll()
        .toList();
  }

  private List<ProfessionalId> activeProfessionals(Ins patient, String category) {
    SearchForm form = search(patient).add("status", "active").add("category", category);
    return views(form).stream()
        .map(FhirConsents.ConsentView::professional)
        .filter(Objects::nonNull)
        .map(ProfessionalId::of)
        .distinct()
        .toList();
  }

  private boolean revokeActive(Ins patient, String category, ProfessionalId professional) {
    Objects.requireNonNull(professional, "professional");
    SearchForm form =
        search(patient)
            .add("status", "active")
            .add("category", category)
            .add("actor.identifier", ProfessionalId.SYSTEM + "|" + professional.value());
    List<FhirConsents.ConsentView> active = views(form);
    for (FhirConsents.ConsentView view : active) {
      revoke(view.id());
    }
    return !active.isEmpty();
  }
}
