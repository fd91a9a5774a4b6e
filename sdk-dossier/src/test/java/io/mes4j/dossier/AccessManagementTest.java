package io.mes4j.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.BlockedException;
import io.mes4j.core.error.DepositOpposedException;
import io.mes4j.core.error.EmergencyAccessDeniedException;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.ReasonRequiredException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Consent and access management end to end, through the SDK against the reference server: each
 * change takes effect on the next call, and each refusal arrives as its typed exception.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class AccessManagementTest {
  private static final Ins ADULT = Fixtures.ADULT;
  private static final byte[] PDF = "%PDF-1.4 compte rendu".getBytes(StandardCharsets.US_ASCII);
  private static final AtomicInteger UNIQUE = new AtomicInteger();

  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static DocumentEntry deposit(MesClient author, Ins patient) {
    return Dossier.of(author)
        .documents()
        .deposit(
            DocumentDeposit.builder()
                .patient(patient)
                .type(DocumentType.LABORATORY_REPORT)
                .title("Bilan")
                .content(PDF, "application/pdf")
                .uniqueId("urn:oid:1.2.250.1.999.77." + UNIQUE.incrementAndGet())
                .build());
  }

  private static long visible(MesClient reader, Ins patient) {
    return Dossier.of(reader)
        .documents()
        .search(DocumentSearch.forPatient(patient).build())
        .total()
        .orElseThrow();
  }

  private static List<Authorisation> authorisations(MesClient caller, Ins patient) {
    return Dossier.of(caller).access().authorisations(patient).streamAll().toList();
  }

  @Test
  void declareConsent_byUnauthorisedProfessional_letsThemSearchAndIsListedAndTraced(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-1: GIVEN a professional not authorised on the dossier
    assertThatThrownBy(() -> visible(stranger, ADULT)).isInstanceOf(NotAuthorisedException.class);

    // WHEN they declare that the holder consented
    Authorisation declared = Dossier.of(stranger).access().declareConsent(ADULT);

    // THEN they may search, and the holder sees the declaration, traced (AU-1)
    assertThat(declared.professional()).isEqualTo(Fixtures.DOCTOR_UNAUTHORISED);
    assertThat(declared.declaredByProfessional()).isTrue();
    assertThat(declared.active()).isTrue();
    assertThat(visible(stranger, ADULT)).isZero();
    assertThat(authorisations(holder, ADULT))
        .anySatisfy(
            a -> {
              assertThat(a.id()).isEqualTo(declared.id());
              assertThat(a.declaredByType()).isEqualTo(ActorType.HEALTHCARE_PROFESSIONAL);
              assertThat(a.declaredBy()).isEqualTo(Fixtures.DOCTOR_UNAUTHORISED.value());
            });
    assertThat(Dossier.of(holder).history().list(HistoryQuery.forPatient(ADULT).build()).items())
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("CONSENT_CREATE");
              assertThat(t.actorId()).isEqualTo(Fixtures.DOCTOR_UNAUTHORISED.value());
              assertThat(t.succeeded()).isTrue();
            });
  }

  @Test
  void declareConsent_twice_returnsTheEntryInForce(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-1: GIVEN a declaration
    Authorisation first = Dossier.of(stranger).access().declareConsent(ADULT);

    // WHEN the professional declares again
    Authorisation again = Dossier.of(stranger).access().declareConsent(ADULT);

    // THEN no second entry is made
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(authorisations(holder, ADULT))
        .filteredOn(a -> a.professional().equals(Fixtures.DOCTOR_UNAUTHORISED))
        .hasSize(1);
  }

  @Test
  void revoke_byHolder_refusesTheVeryNextCall(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-1: GIVEN an authorised doctor who reads the dossier
    assertThat(visible(doctor, ADULT)).isZero();
    Authorisation entry =
        authorisations(holder, ADULT).stream()
            .filter(a -> a.active() && a.professional().equals(Fixtures.DOCTOR))
            .findFirst()
            .orElseThrow();
    assertThat(entry.declaredByType()).isEqualTo(ActorType.PATIENT);

    // WHEN the holder revokes the authorisation
    Dossier.of(holder).access().revoke(entry.id());

    // THEN the doctor's next call is refused, and the entry stays, inactive
    assertThatThrownBy(() -> visible(doctor, ADULT)).isInstanceOf(NotAuthorisedException.class);
    assertThat(authorisations(holder, ADULT))
        .filteredOn(a -> a.id().equals(entry.id()))
        .singleElement()
        .satisfies(a -> assertThat(a.active()).isFalse());
  }

  @Test
  void authorise_byHolder_letsTheProfessionalRead(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-1: the holder adds a professional
    Authorisation added =
        Dossier.of(holder).access().authorise(ADULT, Fixtures.DOCTOR_UNAUTHORISED);

    assertThat(added.declaredByType()).isEqualTo(ActorType.PATIENT);
    assertThat(visible(stranger, ADULT)).isZero();
  }

  @Test
  void authorisations_asProfessional_listOnlyTheirOwn(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // CON-1 (choice): a professional lists only their own authorisations
    assertThat(authorisations(doctor, ADULT))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(a.professional()).isEqualTo(Fixtures.DOCTOR));
  }

  @Test
  void revoke_byProfessionalOfTheirOwnAuthorisation_withdrawsIt(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // CON-1 (choice): a professional may withdraw their own authorisation
    Authorisation mine = authorisations(doctor, ADULT).get(0);

    Dossier.of(doctor).access().revoke(mine.id());

    assertThatThrownBy(() -> visible(doctor, ADULT)).isInstanceOf(NotAuthorisedException.class);
  }

  @Test
  void authorise_byProfessionalForAnother_throwsHolderOnly(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger) {
    // CON-1: a professional declares only for themself
    assertThatThrownBy(
            () -> Dossier.of(doctor).access().authorise(ADULT, Fixtures.DOCTOR_UNAUTHORISED))
        .isInstanceOfSatisfying(
            HolderOnlyException.class, e -> assertThat(e.causeCode()).isEqualTo("holder-only"));
    assertThatThrownBy(() -> visible(stranger, ADULT)).isInstanceOf(NotAuthorisedException.class);
  }

  @Test
  void block_thenUnblock_refusesReadsButNotDepositsThenReadsAgain(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-2: GIVEN the holder blocks an authorised doctor
    AccessManagement access = Dossier.of(holder).access();
    access.block(ADULT, Fixtures.DOCTOR);

    // THEN the doctor cannot read, in normal mode or by bris de glace, but still deposits (DOC-1)
    assertThatThrownBy(() -> visible(doctor, ADULT)).isInstanceOf(BlockedException.class);
    assertThatThrownBy(
            () -> visible(doctor.withAccessMode(AccessMode.breakGlass("détresse")), ADULT))
        .isInstanceOf(BlockedException.class);
    assertThat(deposit(doctor, ADULT).id()).isNotBlank();
    assertThat(access.blocked(ADULT))
        .containsExactlyInAnyOrder(Fixtures.DOCTOR, Fixtures.BLOCKED_DOCTOR);

    // WHEN the holder unblocks them
    assertThat(access.unblock(ADULT, Fixtures.DOCTOR)).isTrue();

    // THEN they read again; a second unblock finds nothing to lift
    assertThat(visible(doctor, ADULT)).isEqualTo(1);
    assertThat(access.unblock(ADULT, Fixtures.DOCTOR)).isFalse();
    assertThat(access.blocked(ADULT)).containsExactly(Fixtures.BLOCKED_DOCTOR);
  }

  @Test
  void block_byProfessional_throwsHolderOnlyAndChangesNothing(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.NURSE) MesClient nurse,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-2: only the holder blocks
    AccessManagement byDoctor = Dossier.of(doctor).access();
    assertThatThrownBy(() -> byDoctor.block(ADULT, Fixtures.NURSE))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(() -> byDoctor.unblock(ADULT, Fixtures.BLOCKED_DOCTOR))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(() -> byDoctor.designateMedecinTraitant(ADULT, Fixtures.DOCTOR))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(
            () -> byDoctor.setEmergencySetting(ADULT, EmergencySetting.BTG, Permission.DENY))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(() -> byDoctor.emergencySettings(ADULT))
        .isInstanceOf(HolderOnlyException.class);

    assertThat(visible(nurse, ADULT)).isZero();
    assertThat(Dossier.of(holder).access().blocked(ADULT)).containsExactly(Fixtures.BLOCKED_DOCTOR);
    assertThat(Dossier.of(holder).access().medecinTraitant(ADULT))
        .contains(Fixtures.DOCTOR_TREATING);
  }

  @Test
  void declareConsent_byBlockedProfessional_throwsBlocked(
      @Identity(Fixtures.Ids.BLOCKED_DOCTOR) MesClient blocked) {
    // CON-2 (choice): a blocked professional cannot declare their way back in
    assertThatThrownBy(() -> Dossier.of(blocked).access().declareConsent(ADULT))
        .isInstanceOf(BlockedException.class);
  }

  @Test
  void defaultMasking_hidesNewDocumentsFromOrdinaryDoctorsButNotFromThePrivileged(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-5: GIVEN the holder masks every new document by default
    AccessManagement access = Dossier.of(holder).access();
    assertThat(access.defaultMasking(ADULT)).isFalse();
    access.setDefaultMasking(ADULT, true);
    assertThat(access.defaultMasking(ADULT)).isTrue();

    // WHEN a professional deposits
    DocumentEntry stored = deposit(author, ADULT);

    // THEN it is masked: absent for an ordinary authorised doctor (DOC-6), there for the médecin
    // traitant (CON-3) and the holder
    assertThat(stored.isMasked()).isTrue();
    assertThat(visible(doctor, ADULT)).isZero();
    assertThat(visible(treating, ADULT)).isEqualTo(1);
    assertThat(visible(holder, ADULT)).isEqualTo(1);

    // CON-3: same rights let the doctor see it, until taken back
    access.grantSameRights(ADULT, Fixtures.DOCTOR);
    assertThat(access.sameRights(ADULT))
        .containsExactlyInAnyOrder(Fixtures.SAME_RIGHTS_DOCTOR, Fixtures.DOCTOR);
    assertThat(visible(doctor, ADULT)).isEqualTo(1);
    assertThat(access.revokeSameRights(ADULT, Fixtures.DOCTOR)).isTrue();
    assertThat(visible(doctor, ADULT)).isZero();

    // CON-5: turned off, new documents are not masked
    access.setDefaultMasking(ADULT, false);
    assertThat(deposit(author, ADULT).isMasked()).isFalse();
    assertThat(visible(doctor, ADULT)).isEqualTo(1);
  }

  @Test
  void designateMedecinTraitant_movesTheRightsFromThePreviousOne(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN a masked document (CON-5)
    AccessManagement access = Dossier.of(holder).access();
    access.setDefaultMasking(ADULT, true);
    deposit(author, ADULT);
    assertThat(visible(doctor, ADULT)).isZero();

    // WHEN the holder designates another médecin traitant (CON-3)
    access.designateMedecinTraitant(ADULT, Fixtures.DOCTOR);

    // THEN the new one sees masked documents; the previous one, never separately authorised, is
    // no longer let in at all
    assertThat(access.medecinTraitant(ADULT)).contains(Fixtures.DOCTOR);
    assertThat(visible(doctor, ADULT)).isEqualTo(1);
    assertThatThrownBy(() -> visible(treating, ADULT)).isInstanceOf(NotAuthorisedException.class);
  }

  @Test
  void emergencySettings_startAtTheirDefaultsAndEachReplacesItsValue(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-4: defaults ETREAT permit, BTG permit, MASKED deny
    AccessManagement access = Dossier.of(holder).access();
    assertThat(access.emergencySettings(ADULT)).isEqualTo(EmergencySettings.DEFAULTS);

    access.setEmergencySetting(ADULT, EmergencySetting.BTG, Permission.DENY);
    access.setEmergencySetting(ADULT, EmergencySetting.MASKED, Permission.PERMIT);
    access.setEmergencySetting(ADULT, EmergencySetting.BTG, Permission.PERMIT);
    access.setEmergencySetting(ADULT, EmergencySetting.ETREAT, Permission.DENY);

    assertThat(access.emergencySettings(ADULT))
        .isEqualTo(new EmergencySettings(Permission.DENY, Permission.PERMIT, Permission.PERMIT));
  }

  @Test
  void breakGlass_whenBtgDenied_throwsEmergencyAccessDenied(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-4: GIVEN bris de glace works by default
    MesClient emergency = stranger.withAccessMode(AccessMode.breakGlass("patient inconscient"));
    assertThat(visible(emergency, ADULT)).isZero();

    // WHEN the holder denies BTG
    Dossier.of(holder).access().setEmergencySetting(ADULT, EmergencySetting.BTG, Permission.DENY);

    // THEN bris de glace is refused with its cause
    assertThatThrownBy(() -> visible(emergency, ADULT))
        .isInstanceOfSatisfying(
            EmergencyAccessDeniedException.class,
            e -> assertThat(e.causeCode()).isEqualTo("emergency-denied"));
  }

  @Test
  void centre15_whenEtreatDenied_throwsEmergencyAccessDenied(
      @Identity(Fixtures.Ids.REGULATION_DOCTOR) MesClient regulation,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-4: ETREAT governs centre 15 access
    MesClient samu = regulation.withAccessMode(AccessMode.centre15());
    assertThat(visible(samu, ADULT)).isZero();

    Dossier.of(holder)
        .access()
        .setEmergencySetting(ADULT, EmergencySetting.ETREAT, Permission.DENY);

    assertThatThrownBy(() -> visible(samu, ADULT))
        .isInstanceOf(EmergencyAccessDeniedException.class);
  }

  @Test
  void maskedPermit_showsMaskedDocumentsInAnEmergencyAndNotifiesHolderAndMedecinTraitant(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient author,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // GIVEN a masked document (CON-5)
    AccessManagement access = Dossier.of(holder).access();
    access.setDefaultMasking(ADULT, true);
    deposit(author, ADULT);
    MesClient emergency = stranger.withAccessMode(AccessMode.breakGlass("arrêt cardiaque"));

    // CON-4: MASKED deny (default) hides it in an emergency; permit shows it
    assertThat(visible(emergency, ADULT)).isZero();
    access.setEmergencySetting(ADULT, EmergencySetting.MASKED, Permission.PERMIT);
    assertThat(visible(emergency, ADULT)).isEqualTo(1);

    // AU-3: the holder and the médecin traitant are told of the emergency access
    List<Notification> notices =
        server.control().outbox().stream()
            .filter(n -> n.kind() == Notification.Kind.EMERGENCY_ACCESS)
            .toList();
    assertThat(notices).anySatisfy(n -> assertThat(n.toPatient()).isTrue());
    assertThat(notices)
        .anySatisfy(n -> assertThat(n.to()).startsWith(Fixtures.DOCTOR_TREATING.value()));
  }

  @Test
  void breakGlass_withoutReason_throwsReasonRequired(MockServer server) {
    // DOC-7: the SDK refuses a bris de glace without reason before sending anything...
    assertThatThrownBy(() -> AccessMode.breakGlass(" ")).isInstanceOf(InvalidValueException.class);

    // ...and the server refuses a token that carries none
    try (MesClient noReason =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(
                request ->
                    AccessToken.of(
                        server
                            .control()
                            .tokenBreakGlassWithoutReason(Fixtures.DOCTOR_UNAUTHORISED)))
            .build()) {
      assertThatThrownBy(() -> visible(noReason, ADULT))
          .isInstanceOf(ReasonRequiredException.class);
    }
  }

  @Test
  void opposeDeposits_refusesThatProfessionalsDepositsOnly(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.NURSE) MesClient nurse,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // DOC-1: GIVEN the holder opposes the doctor's deposits
    AccessManagement access = Dossier.of(holder).access();
    access.opposeDeposits(ADULT, Fixtures.DOCTOR);
    assertThat(access.depositOppositions(ADULT)).containsExactly(Fixtures.DOCTOR);

    // THEN the doctor's deposits are refused, another professional's are not
    assertThatThrownBy(() -> deposit(doctor, ADULT))
        .isInstanceOfSatisfying(
            DepositOpposedException.class,
            e -> assertThat(e.causeCode()).isEqualTo("deposit-opposed"));
    assertThat(deposit(nurse, ADULT).id()).isNotBlank();

    // WHEN the opposition is withdrawn, THEN the doctor deposits again
    assertThat(access.withdrawDepositOpposition(ADULT, Fixtures.DOCTOR)).isTrue();
    assertThat(deposit(doctor, ADULT).id()).isNotBlank();
    assertThat(access.depositOppositions(ADULT)).isEmpty();
  }

  @Test
  void authorise_unknownProfessional_throwsInvalidRequestAndChangesNothing(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // Rule 11: a valid idNat_PS the server does not know is bad input
    List<Authorisation> before = authorisations(holder, ADULT);
    ProfessionalId unknown = ProfessionalId.of("810000009992");

    assertThatThrownBy(() -> Dossier.of(holder).access().authorise(ADULT, unknown))
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(authorisations(holder, ADULT)).isEqualTo(before);
  }

  @Test
  void revoke_unknownId_throwsNotFound(@Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CON-1: an unknown consent
    assertThatThrownBy(() -> Dossier.of(holder).access().revoke("cons-nope"))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void representative_managesTheMinorsConsents(
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient otherPatient) {
    // CON-1: GIVEN a doctor not authorised on the minor's dossier
    Ins minor = Fixtures.MINOR;
    assertThatThrownBy(() -> visible(doctor, minor)).isInstanceOf(NotAuthorisedException.class);

    // WHEN the legal representative authorises them
    Authorisation added = Dossier.of(parent).access().authorise(minor, Fixtures.DOCTOR);

    // THEN they read; the entry names the representative; a block by the representative holds
    assertThat(added.declaredByType()).isEqualTo(ActorType.LEGAL_REPRESENTATIVE);
    assertThat(added.declaredBy()).isEqualTo(Fixtures.PARENT.value());
    assertThat(visible(doctor, minor)).isZero();
    Dossier.of(parent).access().block(minor, Fixtures.DOCTOR);
    assertThatThrownBy(() -> visible(doctor, minor)).isInstanceOf(BlockedException.class);

    // and another patient may not touch the minor's consents
    assertThatThrownBy(() -> Dossier.of(otherPatient).access().authorise(minor, Fixtures.NURSE))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void consents_ofAClosedSpace_throwSpaceNotActive(
      @Identity(Fixtures.Ids.CLOSED) MesClient closedHolder) {
    // ES-4: only an ACTIVE space takes consent changes
    assertThatThrownBy(
            () -> Dossier.of(closedHolder).access().authorise(Fixtures.CLOSED, Fixtures.DOCTOR))
        .isInstanceOf(SpaceNotActiveException.class);
  }
}
