package io.mes4j.dossier;

import static io.mes4j.dossier.DocumentTestKit.client;
import static io.mes4j.dossier.DocumentTestKit.documents;
import static io.mes4j.dossier.DocumentTestKit.ids;
import static io.mes4j.dossier.DocumentTestKit.labReport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.error.TransitionNotAllowedException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The space's lifecycle (ES-1 to ES-6) through the SDK: every allowed and forbidden transition, the
 * clock-driven rules at both sides of their boundaries, and what each state lets through (ES-4).
 * The fixtures' PENDING space was announced, and their CLOSED space closed, at the clock's start.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class SpaceLifecycleTest {
  private static final Instant START = Instant.parse("2026-11-28T09:00:00Z");
  private static final Ins NEW_CHILD = Ins.of("116037511300106", InsSystem.TEST_NIR);

  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static SpaceLifecycle space(MockServer server, Ins holder) {
    return Dossier.of(client(server, holder.value())).space();
  }

  private static SpaceState state(MockServer server, Ins patient) {
    return space(server, Fixtures.DOCTOR).status(patient).orElseThrow().state();
  }

  private static SpaceLifecycle space(MockServer server, io.mes4j.core.identity.ProfessionalId id) {
    return Dossier.of(client(server, id.value())).space();
  }

  private static List<Notification.Kind> notices(MockServer server, Ins patient) {
    return server.control().outbox().stream()
        .filter(n -> n.patientIns().map(patient::equals).orElse(false))
        .map(Notification::kind)
        .toList();
  }

  private static List<Trace> history(MesClient reader, Ins patient) {
    return Dossier.of(reader)
        .history()
        .list(HistoryQuery.forPatient(patient).build())
        .streamAll()
        .toList();
  }

  private static Consumer<Throwable> transitionRefused() {
    return e -> assertThat(e).isInstanceOf(TransitionNotAllowedException.class);
  }

  // ES-1, TD0.2: the status for an INS

  @Test
  void status_tellsAProfessionalTheStateTheirAuthorisationAndWhetherTheyAreMedecinTraitant(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient stranger,
      @Identity(Fixtures.Ids.BLOCKED_DOCTOR) MesClient blocked) {
    // ES-1, ES-4
    // WHEN each asks the status of ADULT's space
    SpaceStatus byTreating = Dossier.of(treating).space().status(Fixtures.ADULT).orElseThrow();
    SpaceStatus byDoctor = Dossier.of(doctor).space().status(Fixtures.ADULT).orElseThrow();
    SpaceStatus byStranger = Dossier.of(stranger).space().status(Fixtures.ADULT).orElseThrow();
    SpaceStatus byBlocked = Dossier.of(blocked).space().status(Fixtures.ADULT).orElseThrow();

    // THEN
    assertThat(byTreating).extracting(SpaceStatus::state).isEqualTo(SpaceState.ACTIVE);
    assertThat(byTreating.callerAuthorised()).isTrue();
    assertThat(byTreating.callerIsMedecinTraitant()).isTrue();
    assertThat(byDoctor.callerAuthorised()).isTrue();
    assertThat(byDoctor.callerIsMedecinTraitant()).isFalse();
    assertThat(byStranger.callerAuthorised()).isFalse();
    assertThat(byBlocked.callerAuthorised()).isFalse();
  }

  @Test
  void status_namesEveryFixtureState_andIsEmptyForAnInsWithoutSpace(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // ES-1
    SpaceLifecycle space = Dossier.of(doctor).space();
    assertThat(space.status(Fixtures.PENDING).orElseThrow().state()).isEqualTo(SpaceState.PENDING);
    assertThat(space.status(Fixtures.PENDING).orElseThrow().oppositionWindowEndIfPending())
        .contains(START.plus(Duration.ofDays(42)));
    assertThat(space.status(Fixtures.OPPOSED).orElseThrow().state()).isEqualTo(SpaceState.OPPOSED);
    assertThat(space.status(Fixtures.CLOSED).orElseThrow().closedAtIfClosed()).contains(START);
    assertThat(space.status(Fixtures.DELETED).orElseThrow().state()).isEqualTo(SpaceState.DELETED);
    assertThat(space.status(NEW_CHILD)).isEmpty();
  }

  @Test
  void status_ofSomeoneElsesSpace_isForbiddenToAPatient(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // ES-1
    assertThatThrownBy(() -> Dossier.of(holder).space().status(Fixtures.PENDING))
        .isInstanceOf(ForbiddenException.class);
  }

  // ES-2: activation, early or at the end of the window

  @Test
  void activate_byTheHolderWhilePending_opensTheSpace_tracedAndAnnounced(MockServer server) {
    // ES-2, AU-1, AU-3
    // GIVEN the PENDING space, WHEN its holder activates it early
    SpaceState state = space(server, Fixtures.PENDING).activate(Fixtures.PENDING);

    // THEN it is ACTIVE: deposits are accepted, the activation is traced and announced
    assertThat(state).isEqualTo(SpaceState.ACTIVE);
    documents(client(server, Fixtures.Ids.DOCTOR))
        .deposit(labReport(Fixtures.PENDING, "urn:oid:1.2.3.90.1"));
    assertThat(history(client(server, Fixtures.Ids.PENDING), Fixtures.PENDING))
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("SPACE_ACTIVATE");
              assertThat(t.actorType()).isEqualTo(ActorType.PATIENT);
            });
    assertThat(notices(server, Fixtures.PENDING))
        .containsExactly(Notification.Kind.DOCUMENT_ADDED); // AU-3 lists no activation notice
  }

  @Test
  void oppose_onDay41OfTheWindow_isAccepted(MockServer server) {
    // ES-2, ES-3: day 41 is inside the window
    server.control().setClock(START.plus(Duration.ofDays(41)));
    assertThat(state(server, Fixtures.PENDING)).isEqualTo(SpaceState.PENDING);

    SpaceState state = space(server, Fixtures.PENDING).oppose(Fixtures.PENDING);

    assertThat(state).isEqualTo(SpaceState.OPPOSED);
    assertThat(notices(server, Fixtures.PENDING)).containsExactly(Notification.Kind.SPACE_OPPOSED);
    // and the window's end changes nothing any more
    server.control().setClock(START.plus(Duration.ofDays(43)));
    assertThat(state(server, Fixtures.PENDING)).isEqualTo(SpaceState.OPPOSED);
  }

  @Test
  void windowEnd_onDay42_activatesTheSpaceOnItsOwn_andOppositionIsThenRefused(MockServer server) {
    // ES-2, ES-3
    // GIVEN a millisecond before day 42, still PENDING
    server.control().setClock(START.plus(Duration.ofDays(42)).minusMillis(1));
    assertThat(state(server, Fixtures.PENDING)).isEqualTo(SpaceState.PENDING);

    // WHEN day 42 begins
    server.control().setClock(START.plus(Duration.ofDays(42)));

    // THEN ACTIVE, by the platform (traced as SYSTEM), and opposing is a typed refusal
    assertThat(state(server, Fixtures.PENDING)).isEqualTo(SpaceState.ACTIVE);
    assertThatThrownBy(() -> space(server, Fixtures.PENDING).oppose(Fixtures.PENDING))
        .isInstanceOf(TransitionNotAllowedException.class)
        .hasMessageContaining("ACTIVE");
    assertThat(history(client(server, Fixtures.Ids.PENDING), Fixtures.PENDING))
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("SPACE_ACTIVATE");
              assertThat(t.actorType()).isEqualTo(ActorType.SYSTEM);
            })
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("SPACE_OPPOSE");
              assertThat(t.refusalCause()).isEqualTo("transition-not-allowed");
            });
  }

  // ES-1, ES-3, ES-5: every transition the state does not allow

  static Stream<Arguments> forbiddenTransitions() {
    return Stream.of(
        Arguments.of("activate an ACTIVE space", Fixtures.ADULT, "activate"),
        Arguments.of("oppose an ACTIVE space (ES-3)", Fixtures.ADULT, "oppose"),
        Arguments.of("reopen an ACTIVE space", Fixtures.ADULT, "reopen"),
        Arguments.of("delete an ACTIVE space without closing", Fixtures.ADULT, "delete"),
        Arguments.of("close a PENDING space", Fixtures.PENDING, "close"),
        Arguments.of("reopen a PENDING space", Fixtures.PENDING, "reopen"),
        Arguments.of("activate an OPPOSED space", Fixtures.OPPOSED, "activate"),
        Arguments.of("oppose an OPPOSED space", Fixtures.OPPOSED, "oppose"),
        Arguments.of("close an OPPOSED space", Fixtures.OPPOSED, "close"),
        Arguments.of("activate a CLOSED space", Fixtures.CLOSED, "activate"),
        Arguments.of("oppose a CLOSED space (ES-3)", Fixtures.CLOSED, "oppose"),
        Arguments.of("close a CLOSED space", Fixtures.CLOSED, "close"),
        Arguments.of("reopen a DELETED space (ES-5)", Fixtures.DELETED, "reopen"),
        Arguments.of("activate a DELETED space", Fixtures.DELETED, "activate"),
        Arguments.of("close a DELETED space", Fixtures.DELETED, "close"),
        Arguments.of("delete a DELETED space", Fixtures.DELETED, "delete"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forbiddenTransitions")
  void forbiddenTransition_isRefusedWithTransitionNotAllowed_andChangesNothing(
      String name, Ins holder, String transition, MockServer server) {
    // ES-1, ES-3, ES-5
    SpaceState before = state(server, holder);
    SpaceLifecycle space = space(server, holder);

    assertThatThrownBy(
            () -> {
              switch (transition) {
                case "activate" -> space.activate(holder);
                case "oppose" -> space.oppose(holder);
                case "close" -> space.close(holder, false);
                case "reopen" -> space.reopen(holder);
                case "delete" -> space.requestDeletion(holder);
                default -> throw new IllegalArgumentException(transition);
              }
            })
        .satisfies(transitionRefused())
        .asInstanceOf(type(TransitionNotAllowedException.class))
        .satisfies(e -> assertThat(e.statusCode()).isEqualTo(409))
        .satisfies(e -> assertThat(e.getMessage()).contains(before.name()));
    assertThat(state(server, holder)).isEqualTo(before);
  }

  @Test
  void transitions_byAProfessional_areHolderOnly(@Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // ES-1
    assertThatThrownBy(() -> Dossier.of(doctor).space().close(Fixtures.ADULT, false))
        .isInstanceOf(HolderOnlyException.class);
  }

  // ES-4: what each state lets through, for each part of the dossier

  static Stream<Arguments> notActive() {
    return Stream.of(
        Arguments.of(Fixtures.PENDING, SpaceState.PENDING),
        Arguments.of(Fixtures.OPPOSED, SpaceState.OPPOSED),
        Arguments.of(Fixtures.CLOSED, SpaceState.CLOSED),
        Arguments.of(Fixtures.DELETED, SpaceState.DELETED));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("notActive")
  void everyDossierCall_onASpaceNotActive_failsNamingTheState(
      Ins patient, SpaceState state, MockServer server) {
    // ES-4: deposit, search, medical profile, consents and history all refuse, naming the state
    MesClient doctor = client(server, Fixtures.Ids.DOCTOR);
    MesClient holder = client(server, patient.value());
    Consumer<Throwable> namesState =
        e ->
            assertThat(e)
                .isInstanceOfSatisfying(
                    SpaceNotActiveException.class, s -> assertThat(s.state()).isEqualTo(state));

    assertThatThrownBy(
            () ->
                documents(doctor)
                    .deposit(labReport(patient, "urn:oid:1.2.3.91." + state.ordinal())))
        .satisfies(namesState);
    assertThatThrownBy(() -> ids(holder, DocumentSearch.forPatient(patient).build()))
        .satisfies(namesState);
    assertThatThrownBy(() -> Dossier.of(holder).profile().allergies(patient)).satisfies(namesState);
    assertThatThrownBy(() -> Dossier.of(holder).access().blocked(patient)).satisfies(namesState);
    assertThatThrownBy(() -> history(holder, patient)).satisfies(namesState);
  }

  // ES-1, ES-5: closure, reopening, deletion

  @Test
  void close_thenReopen_bringsTheArchivedDocumentsBack_tracedAndAnnounced(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // ES-1, ES-4, ES-5, AU-1, AU-3
    // GIVEN a document in ADULT's space
    DocumentEntry doc = documents(doctor).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.92.1"));
    SpaceLifecycle space = Dossier.of(holder).space();

    // WHEN the holder closes it: deposits are refused, naming CLOSED
    assertThat(space.close(Fixtures.ADULT, false)).isEqualTo(SpaceState.CLOSED);
    assertThatThrownBy(
            () -> documents(doctor).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.92.2")))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class, e -> assertThat(e.state()).isEqualTo(SpaceState.CLOSED));

    // THEN reopening brings the document back
    assertThat(space.reopen(Fixtures.ADULT)).isEqualTo(SpaceState.ACTIVE);
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build())).contains(doc.id());
    assertThat(history(holder, Fixtures.ADULT))
        .extracting(Trace::action)
        .contains("SPACE_CLOSE", "SPACE_REOPEN");
    assertThat(notices(server, Fixtures.ADULT))
        .contains(Notification.Kind.SPACE_CLOSED, Notification.Kind.SPACE_REOPENED);
  }

  @Test
  void closeWithDeletion_purgesForGood_andANewSpaceStartsEmpty(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // ES-5, ES-2
    // GIVEN a document in ADULT's space
    documents(doctor).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.93.1"));
    SpaceLifecycle space = Dossier.of(holder).space();

    // WHEN the holder closes it asking for deletion
    assertThat(space.close(Fixtures.ADULT, true)).isEqualTo(SpaceState.DELETED);

    // THEN it cannot be reopened
    assertThatThrownBy(() -> space.reopen(Fixtures.ADULT))
        .isInstanceOf(TransitionNotAllowedException.class)
        .hasMessageContaining("DELETED");
    // and a new space (announced, then activated) holds nothing of the old one
    server.control().createSpace(Fixtures.ADULT);
    assertThat(state(server, Fixtures.ADULT)).isEqualTo(SpaceState.PENDING);
    assertThat(notices(server, Fixtures.ADULT)).contains(Notification.Kind.SPACE_ANNOUNCED);
    space.activate(Fixtures.ADULT);
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build())).isEmpty();
    assertThat(Dossier.of(holder).access().authorisations(Fixtures.ADULT).streamAll()).isEmpty();
    assertThat(Dossier.of(doctor).space().status(Fixtures.ADULT).orElseThrow().callerAuthorised())
        .isFalse();
    assertThat(history(holder, Fixtures.ADULT))
        .extracting(Trace::action)
        .contains("SPACE_CLOSE", "SPACE_DELETE", "SPACE_CREATE", "SPACE_ACTIVATE");
    assertThat(notices(server, Fixtures.ADULT))
        .contains(Notification.Kind.SPACE_CLOSED, Notification.Kind.SPACE_DELETED);
  }

  @Test
  void requestDeletion_ofAClosedSpace_purgesIt(MockServer server) {
    // ES-5
    assertThat(space(server, Fixtures.CLOSED).requestDeletion(Fixtures.CLOSED))
        .isEqualTo(SpaceState.DELETED);
    assertThatThrownBy(() -> space(server, Fixtures.CLOSED).reopen(Fixtures.CLOSED))
        .isInstanceOf(TransitionNotAllowedException.class);
  }

  @Test
  void archive_onItsLastDay_canStillBeReopened_withItsDocuments(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // ES-5: the archive lasts 10 calendar years from the closure (UTC)
    DocumentEntry doc = documents(doctor).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.94.1"));
    Dossier.of(holder).space().close(Fixtures.ADULT, false);
    Instant tenYears = START.atZone(ZoneOffset.UTC).plusYears(10).toInstant();

    // WHEN the last day of the archive comes (a millisecond before ten years)
    server.control().setClock(tenYears.minusMillis(1));

    // THEN still CLOSED, and reopening brings the document back
    assertThat(state(server, Fixtures.ADULT)).isEqualTo(SpaceState.CLOSED);
    Dossier.of(holder).space().reopen(Fixtures.ADULT);
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build())).contains(doc.id());
  }

  @Test
  void archive_theDayAfterItsEnd_isPurged_andNothingComesBackInANewSpace(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // ES-5, AU-1: the platform purges, traced as SYSTEM
    documents(doctor).deposit(labReport(Fixtures.ADULT, "urn:oid:1.2.3.95.1"));
    Dossier.of(holder).space().close(Fixtures.ADULT, false);
    Instant tenYears = START.atZone(ZoneOffset.UTC).plusYears(10).toInstant();
    server.control().setClock(tenYears.minus(Duration.ofDays(1)));
    assertThat(state(server, Fixtures.ADULT)).isEqualTo(SpaceState.CLOSED);

    // WHEN ten years have passed
    server.control().setClock(tenYears.plus(Duration.ofDays(1)));

    // THEN DELETED: no reopening, and a new space starts empty
    assertThat(state(server, Fixtures.ADULT)).isEqualTo(SpaceState.DELETED);
    assertThatThrownBy(() -> Dossier.of(holder).space().reopen(Fixtures.ADULT))
        .isInstanceOf(TransitionNotAllowedException.class);
    server.control().createSpace(Fixtures.ADULT);
    Dossier.of(holder).space().activate(Fixtures.ADULT);
    assertThat(ids(holder, DocumentSearch.forPatient(Fixtures.ADULT).build())).isEmpty();
    assertThat(history(holder, Fixtures.ADULT))
        .anySatisfy(
            t -> {
              assertThat(t.action()).isEqualTo("SPACE_DELETE");
              assertThat(t.actorType()).isEqualTo(ActorType.SYSTEM);
            });
  }

  @Test
  void fixtureClosedSpace_isPurgedTenYearsAfterTheClockStart(MockServer server) {
    // ES-5
    Instant tenYears = START.atZone(ZoneOffset.UTC).plusYears(10).toInstant();
    server.control().setClock(tenYears.minusMillis(1));
    assertThat(state(server, Fixtures.CLOSED)).isEqualTo(SpaceState.CLOSED);
    server.control().setClock(tenYears);
    assertThat(state(server, Fixtures.CLOSED)).isEqualTo(SpaceState.DELETED);
  }

  @Test
  void createSpace_whileTheSpaceExists_isRefused(MockServer server) {
    // ES-1: a new space only after DELETED or OPPOSED
    assertThatThrownBy(() -> server.control().createSpace(Fixtures.ADULT))
        .isInstanceOf(IllegalStateException.class);
  }

  // ES-6: minors

  @Test
  void representative_readsTheMinorsDossierExceptTheTwoLabels_untilThe18thBirthday(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.MINOR) MesClient minor) {
    // ES-6, DOC-7
    // GIVEN three documents on MINOR's dossier
    DocumentEntry plain =
        documents(doctor).deposit(labReport(Fixtures.MINOR, "urn:oid:1.2.3.96.1"));
    DocumentEntry hiddenFromParents =
        documents(doctor)
            .deposit(
                labReport(
                    Fixtures.MINOR,
                    "urn:oid:1.2.3.96.2",
                    io.mes4j.core.code.ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX));
    DocumentEntry hiddenFromPatient =
        documents(doctor)
            .deposit(
                labReport(
                    Fixtures.MINOR,
                    "urn:oid:1.2.3.96.3",
                    io.mes4j.core.code.ConfidentialityLabel.INVISIBLE_PATIENT));
    DocumentSearch search = DocumentSearch.forPatient(Fixtures.MINOR).build();

    // THEN the representative reads all but the two labels
    assertThat(ids(parent, search))
        .contains(plain.id())
        .doesNotContain(hiddenFromParents.id(), hiddenFromPatient.id());

    // on the day before the 18th birthday (2033-06-19, UTC), still a representative
    server.control().setClock(Instant.parse("2033-06-19T23:59:59.999Z"));
    assertThat(ids(parent, search)).contains(plain.id()).doesNotContain(hiddenFromParents.id());
    assertThat(server.control().catalogueConsentsToReapprove(Fixtures.MINOR)).isFalse();

    // on the day of the 18th birthday, the representative reads nothing
    server.control().setClock(Instant.parse("2033-06-20T00:00:00Z"));
    assertThatThrownBy(() -> ids(parent, search)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> documents(parent).retrieve(plain))
        .isInstanceOf(ForbiddenException.class);
    // the holder, now of age, reads what was hidden from the representatives
    assertThat(ids(minor, search)).contains(plain.id(), hiddenFromParents.id());
    // catalogue consents must be approved again (the pairing tests check the refusal until then)
    assertThat(server.control().catalogueConsentsToReapprove(Fixtures.MINOR)).isTrue();
    assertThat(history(minor, Fixtures.MINOR))
        .filteredOn(t -> t.actorType() == ActorType.SYSTEM)
        .extracting(Trace::action)
        .contains("REPRESENTATION_END", "CATALOGUE_CONSENT_REAPPROVAL_REQUIRED");
    assertThat(notices(server, Fixtures.MINOR)).contains(Notification.Kind.MAJORITY_REACHED);
  }

  @Test
  void attachMinor_waitsForTheOtherParentsAgreement_thenGivesAccess(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient father) {
    // ES-6: the attachment is WAITING, without access, until the agreement is recorded
    // GIVEN a child's new space, activated
    server.control().createSpace(NEW_CHILD, "Dupont", "Léo", "M", LocalDate.of(2016, 3, 2));
    space(server, NEW_CHILD).activate(NEW_CHILD);
    documents(client(server, Fixtures.Ids.DOCTOR))
        .deposit(labReport(NEW_CHILD, "urn:oid:1.2.3.97.1"));
    SpaceLifecycle space = Dossier.of(father).space();

    // WHEN the father asks to attach it
    assertThat(space.attachMinor(NEW_CHILD)).isEqualTo(AttachmentStatus.WAITING);

    // THEN no access yet
    DocumentSearch search = DocumentSearch.forPatient(NEW_CHILD).build();
    assertThatThrownBy(() -> ids(father, search)).isInstanceOf(ForbiddenException.class);

    // WHEN the other parent's agreement is recorded, THEN access
    assertThat(space.recordOtherParentAgreement(NEW_CHILD)).isEqualTo(AttachmentStatus.ATTACHED);
    assertThat(ids(father, search)).hasSize(1);
    assertThat(history(father, NEW_CHILD))
        .extracting(Trace::action)
        .contains("MINOR_ATTACH", "MINOR_AGREEMENT_RECORD");
  }

  @Test
  void attachMinor_alreadyAttachedToSomeoneElse_isRefused_aSecondRepresentativeIsInvited(
      @Identity(Fixtures.Ids.ADULT) MesClient other) {
    // ES-6
    assertThatThrownBy(() -> Dossier.of(other).space().attachMinor(Fixtures.MINOR))
        .isInstanceOf(TransitionNotAllowedException.class);
  }

  @Test
  void invitation_accepted_makesTheInviteeARepresentative(
      MockServer server,
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.ADULT) MesClient invitee) {
    // ES-6, AU-3
    // GIVEN PARENT invites ADULT
    Invitation sent =
        Dossier.of(parent).space().inviteRepresentative(Fixtures.MINOR, Fixtures.ADULT);
    assertThat(sent.status()).isEqualTo(InvitationStatus.PENDING);
    assertThat(sent.expiresAt()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(server.control().outbox())
        .anySatisfy(
            n -> {
              assertThat(n.kind()).isEqualTo(Notification.Kind.REPRESENTATIVE_INVITED);
              assertThat(n.to()).startsWith(Fixtures.Ids.ADULT);
            });
    DocumentSearch search = DocumentSearch.forPatient(Fixtures.MINOR).build();
    assertThatThrownBy(() -> ids(invitee, search)).isInstanceOf(ForbiddenException.class);

    // WHEN ADULT accepts
    Invitation accepted = Dossier.of(invitee).space().acceptInvitation(sent.id());

    // THEN ACCEPTED, and ADULT reads the minor's dossier
    assertThat(accepted.status()).isEqualTo(InvitationStatus.ACCEPTED);
    assertThat(ids(invitee, search)).isNotNull();
    assertThat(Dossier.of(parent).space().invitations(Fixtures.MINOR))
        .extracting(Invitation::status)
        .containsExactly(InvitationStatus.ACCEPTED);
    // answering again is a typed refusal
    assertThatThrownBy(() -> Dossier.of(invitee).space().refuseInvitation(sent.id()))
        .isInstanceOf(TransitionNotAllowedException.class);
  }

  @Test
  void invitation_refused_givesNoAccess(
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.ADULT) MesClient invitee) {
    // ES-6
    Invitation sent =
        Dossier.of(parent).space().inviteRepresentative(Fixtures.MINOR, Fixtures.ADULT);

    assertThat(Dossier.of(invitee).space().refuseInvitation(sent.id()).status())
        .isEqualTo(InvitationStatus.REFUSED);
    assertThatThrownBy(() -> ids(invitee, DocumentSearch.forPatient(Fixtures.MINOR).build()))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> Dossier.of(invitee).space().acceptInvitation(sent.id()))
        .isInstanceOf(TransitionNotAllowedException.class);
  }

  @Test
  void invitation_expiresAfter30Days_andCanNoLongerBeAccepted(
      MockServer server,
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.ADULT) MesClient invitee) {
    // ES-6 (choice: 30 days)
    Invitation sent =
        Dossier.of(parent).space().inviteRepresentative(Fixtures.MINOR, Fixtures.ADULT);

    server.control().setClock(START.plus(Duration.ofDays(30)).minusMillis(1));
    assertThat(Dossier.of(parent).space().invitations(Fixtures.MINOR))
        .extracting(Invitation::status)
        .containsExactly(InvitationStatus.PENDING);

    server.control().setClock(START.plus(Duration.ofDays(30)));
    assertThat(Dossier.of(parent).space().invitations(Fixtures.MINOR))
        .extracting(Invitation::status)
        .containsExactly(InvitationStatus.EXPIRED);
    assertThatThrownBy(() -> Dossier.of(invitee).space().acceptInvitation(sent.id()))
        .isInstanceOf(TransitionNotAllowedException.class)
        .hasMessageContaining("EXPIRED");
  }

  @Test
  void invitation_ofSomeoneElse_isNotFoundForTheCaller(
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.PENDING) MesClient stranger) {
    // ES-6: only the invitee learns the invitation exists
    Invitation sent =
        Dossier.of(parent).space().inviteRepresentative(Fixtures.MINOR, Fixtures.ADULT);
    assertThatThrownBy(() -> Dossier.of(stranger).space().acceptInvitation(sent.id()))
        .isInstanceOf(io.mes4j.core.error.ResourceNotFoundException.class);
  }

  @Test
  void invite_byANonRepresentative_isForbidden(@Identity(Fixtures.Ids.ADULT) MesClient stranger) {
    // ES-6
    assertThatThrownBy(
            () -> Dossier.of(stranger).space().inviteRepresentative(Fixtures.MINOR, Fixtures.ADULT))
        .isInstanceOf(ForbiddenException.class);
  }
}
