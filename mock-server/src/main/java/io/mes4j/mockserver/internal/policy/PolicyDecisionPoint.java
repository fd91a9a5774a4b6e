package io.mes4j.mockserver.internal.policy;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.internal.Cause;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The server's one policy decision point: every endpoint asks it before acting, with the actor, the
 * action, its target, the dossier's state and the caller's relation to it, the holder's settings,
 * the access mode and the clock. It reads nothing else and changes nothing.
 *
 * <p>Reads are decided in two steps: the dossier as a whole ({@link Target#SPACE}: state,
 * authorisation, blocking, emergency settings) and then each document ({@link Target.Document}:
 * labels, habilitation matrix). A document hidden by its labels is {@code not-found}, so that a
 * caller cannot learn it exists (DOC-6).
 */
public final class PolicyDecisionPoint {
  /** Holder uploads (DOC-1): 5 MB. */
  public static final long HOLDER_CONTENT_LIMIT = 5L * 1024 * 1024;

  /** Professionals' content (choice): 20 MB. */
  public static final long PROFESSIONAL_CONTENT_LIMIT = 20L * 1024 * 1024;

  /** MIME types a holder may upload (DOC-1). */
  public static final Set<String> HOLDER_CONTENT_TYPES =
      Set.of(
          "application/pdf",
          "text/plain",
          "application/rtf",
          "text/rtf",
          "image/jpeg",
          "image/tiff");

  private final HabilitationMatrix matrix;

  public PolicyDecisionPoint(HabilitationMatrix matrix) {
    this.matrix = matrix;
  }

  public Decision decide(
      Actor actor,
      Action action,
      Target target,
      SpaceContext space,
      HolderSettings settings,
      Mode mode,
      Instant now) {
    Decision decision = evaluate(actor, action, target, space, settings, mode, now);
    // The request's journal entry carries the decisions taken while serving it.
    io.mes4j.mockserver.internal.journal.RequestContext.recordDecision(
        action.name(),
        decision.permitted(),
        decision.permitted() ? null : decision.denyCause().code());
    return decision;
  }

  private Decision evaluate(
      Actor actor,
      Action action,
      Target target,
      SpaceContext space,
      HolderSettings settings,
      Mode mode,
      Instant now) {
    // CAT-2, CAT-3: a service acts only within its consented finalities, for its paired patient,
    // and then as the usual rules say (ES-4 state, labels...).
    if (actor.is(Actor.Kind.SERVICE)) {
      Decision perimeter = servicePerimeter(actor, action, target, space);
      if (!perimeter.permitted()) {
        return perimeter;
      }
    }
    if (action.lifecycle()) {
      return lifecycle(actor, action, space);
    }
    // ES-4: only an ACTIVE space accepts deposits and reads; the refusal names the state.
    if (space.state() != SpaceState.ACTIVE) {
      return stateRefusal(space.state());
    }
    return switch (action) {
      case DEPOSIT_DOCUMENT -> deposit(actor, (Target.Deposit) target, space);
      case SEARCH_DOCUMENTS, READ_DOCUMENT -> read(actor, target, space, settings, mode);
      case READ_TRACES -> traces(actor, target, space);
      case READ_PROFILE -> read(actor, Target.SPACE, space, settings, mode);
      case WRITE_PROFILE, REMOVE_PROFILE ->
          profileChange(actor, (Target.ProfileChange) target, space);
      case REPLACE_DOCUMENT,
          UPDATE_DOCUMENT,
          ARCHIVE_DOCUMENT,
          UNARCHIVE_DOCUMENT,
          DELETE_DOCUMENT,
          MASK_DOCUMENT,
          UNMASK_DOCUMENT,
          HIDE_FROM_PATIENT,
          SHOW_TO_PATIENT,
          HIDE_FROM_REPRESENTATIVES,
          SHOW_TO_REPRESENTATIVES ->
          change(actor, action, (Target.Change) target, space, settings, mode);
      case DECLARE_AUTHORISATION, MANAGE_CONSENT, REVOKE_CONSENT, SEARCH_CONSENTS, READ_CONSENT ->
          consents(actor, action, target, space);
      case PAIR_SERVICE, WITHDRAW_PAIRING, WITHDRAW_FINALITY, REAPPROVE_PAIRING ->
          pairings(actor, action, space);
      case START_CONVERSATION,
          SEND_MESSAGE,
          READ_MESSAGES,
          MARK_MESSAGE_READ,
          SEARCH_CONVERSATIONS,
          CLOSE_CONVERSATION,
          FILE_ATTACHMENT ->
          MessagingPolicy.decide(actor, action, (Target.Conversation) target, space);
      case BOOK_APPOINTMENT,
          UPDATE_APPOINTMENT,
          SEARCH_APPOINTMENTS,
          READ_APPOINTMENT,
          ADD_REMINDER,
          REMOVE_REMINDER,
          SEARCH_REMINDERS,
          READ_PREVENTION,
          RECORD_PREVENTION ->
          agenda(actor, action, (Target.Agenda) target, space);
      default -> throw new IllegalStateException("decided by lifecycle(): " + action);
    };
  }

  // ES-1 to ES-6: the status is read in any state (TD0.2); the holder (or a minor's
  // representative) moves their space through its states, which the lifecycle then checks
  // (transition-not-allowed); the minor's attachments and invitations need an ACTIVE space (ES-4).
  private static Decision lifecycle(Actor actor, Action action, SpaceContext space) {
    boolean holderSide = actor.is(Actor.Kind.PATIENT) && (space.holder() || space.representative());
    switch (action) {
      case READ_SPACE_STATUS -> {
        if (actor.is(Actor.Kind.PROFESSIONAL) || actor.is(Actor.Kind.ESTABLISHMENT)) {
          return Decision.PERMIT;
        }
        return holderSide
            ? Decision.PERMIT
            : Decision.deny(Cause.FORBIDDEN, "This actor may not read this space's status");
      }
      case ACTIVATE_SPACE, OPPOSE_SPACE, CLOSE_SPACE, REOPEN_SPACE, DELETE_SPACE -> {
        if (holderSide) {
          return Decision.PERMIT;
        }
        return actor.is(Actor.Kind.PROFESSIONAL) || actor.is(Actor.Kind.ESTABLISHMENT)
            ? Decision.deny(
                Cause.HOLDER_ONLY, "Only the holder (or a minor's representative) may do this")
            : Decision.deny(Cause.FORBIDDEN, "A patient may change only their own space");
      }
      case ATTACH_MINOR, RECORD_AGREEMENT, ACCEPT_INVITATION, REFUSE_INVITATION -> {
        if (space.state() != SpaceState.ACTIVE) {
          return stateRefusal(space.state());
        }
        if (!actor.is(Actor.Kind.PATIENT)) {
          return Decision.deny(Cause.HOLDER_ONLY, "Only a legal representative may do this");
        }
        return space.holder()
            ? Decision.deny(Cause.FORBIDDEN, "A minor does not attach their own profile")
            : Decision.PERMIT;
      }
      case INVITE_REPRESENTATIVE, SEARCH_INVITATIONS -> {
        if (space.state() != SpaceState.ACTIVE) {
          return stateRefusal(space.state());
        }
        if (actor.is(Actor.Kind.PATIENT) && space.representative()) {
          return Decision.PERMIT;
        }
        return actor.is(Actor.Kind.PATIENT)
            ? Decision.deny(Cause.FORBIDDEN, "Only a legal representative of the minor may do this")
            : Decision.deny(Cause.HOLDER_ONLY, "Only a legal representative may do this");
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "Only the platform does this");
      }
    }
  }

  /**
   * CAT-1 to CAT-3: what a token's standing allows before any action, in the contract's order: its
   * grant and pairing still in force (else {@code token-revoked}), its service neither suspended
   * nor delisted ({@code service-suspended}), its pairing not waiting for the holder's re-approval
   * at 18 ({@code reapproval-required}, ES-6).
   */
  public Decision serviceStanding(ServiceStanding standing) {
    if (!standing.grantActive()) {
      return Decision.deny(
          Cause.TOKEN_REVOKED, "The token's grant was revoked: pair or authorise again");
    }
    if (!standing.pairingActive()) {
      return Decision.deny(
          Cause.TOKEN_REVOKED, "The holder withdrew this pairing: the token is no longer valid");
    }
    if (standing.serviceRefused()) {
      return Decision.deny(
          Cause.SERVICE_SUSPENDED, "The service is suspended or delisted from the catalogue");
    }
    if (standing.reapprovalRequired()) {
      return Decision.deny(
          Cause.REAPPROVAL_REQUIRED,
          "The holder came of age: the pairing must be approved again by the holder (ES-6)");
    }
    return Decision.PERMIT;
  }

  /**
   * The finality a service needs for {@code action} on {@code target} (CAT-1), or null if no
   * finality covers it (a service may then not do it at all).
   */
  public static @Nullable String finalityNeeded(Action action, Target target) {
    return switch (action) {
      case SEARCH_APPOINTMENTS, READ_APPOINTMENT, SEARCH_REMINDERS, READ_PREVENTION -> AGENDA_READ;
      case BOOK_APPOINTMENT, UPDATE_APPOINTMENT -> AGENDA_WRITE;
      case SEARCH_DOCUMENTS, READ_DOCUMENT -> DOCUMENTS_READ;
      case DEPOSIT_DOCUMENT -> DOCUMENTS_WRITE;
      case READ_PROFILE ->
          target instanceof Target.ProfileRead read && read.measurementsOnly()
              ? MEASUREMENTS_READ
              : null;
      case WRITE_PROFILE ->
          target instanceof Target.ProfileChange change
                  && change.section() == ProfileSection.MEASUREMENT
                  && !change.removal()
              ? MEASUREMENTS_WRITE
              : null;
      default -> null;
    };
  }

  private static Decision servicePerimeter(
      Actor actor, Action action, Target target, SpaceContext space) {
    String needed = finalityNeeded(action, target);
    if (needed == null) {
      return Decision.deny(Cause.FORBIDDEN, "No catalogue finality lets a service do this (CAT-1)");
    }
    if (!actor.finalities().contains(needed)) {
      return Decision.deny(
          Cause.FINALITY_NOT_CONSENTED,
          "The service's pairing does not grant the finality " + needed + " (CAT-2)");
    }
    if (!space.pairedService()) {
      return Decision.deny(Cause.FORBIDDEN, "The service is not paired with this patient");
    }
    return Decision.PERMIT;
  }

  // CAT-2, CAT-3, ES-6: the holder, or a minor's representative, pairs and withdraws; only the
  // holder approves again at 18 (the representatives no longer count from then).
  private static Decision pairings(Actor actor, Action action, SpaceContext space) {
    if (!actor.is(Actor.Kind.PATIENT)) {
      return Decision.deny(
          Cause.HOLDER_ONLY, "Only the holder (or a minor's representative) manages pairings");
    }
    if (action == Action.REAPPROVE_PAIRING) {
      return space.holder()
          ? Decision.PERMIT
          : Decision.deny(Cause.FORBIDDEN, "Only the holder approves a pairing again (ES-6)");
    }
    return space.holder() || space.representative()
        ? Decision.PERMIT
        : Decision.deny(
            Cause.FORBIDDEN, "A patient may manage only the pairings of their own space");
  }

  /** The finality a paired service needs to read documents (CAT-1). */
  public static final String DOCUMENTS_READ = "DOCUMENTS_READ";

  /** The finality a paired service needs to deposit documents (CAT-1). */
  public static final String DOCUMENTS_WRITE = "DOCUMENTS_WRITE";

  /** The finality a paired service needs to read the medical profile's measurements (CAT-1). */
  public static final String MEASUREMENTS_READ = "MEASUREMENTS_READ";

  /** The finality a paired service needs to record measurements (CAT-1). */
  public static final String MEASUREMENTS_WRITE = "MEASUREMENTS_WRITE";

  /** The finality a paired service needs to read a patient's appointments (CAT-2, AG-1). */
  public static final String AGENDA_READ = "AGENDA_READ";

  /** The finality a paired service needs to book or change a patient's appointments. */
  public static final String AGENDA_WRITE = "AGENDA_WRITE";

  // AG-1 to AG-3: the holder (or a minor's representative) does everything; professionals and
  // establishments book, see and change only the appointments they or their organisation take
  // part in (no authorisation needed: the appointment is theirs); a service only for the patient
  // it is paired with and within its finalities; reminders and the prevention calendar are the
  // holder's alone.
  private static Decision agenda(
      Actor actor, Action action, Target.Agenda agenda, SpaceContext space) {
    boolean appointment =
        action == Action.BOOK_APPOINTMENT
            || action == Action.UPDATE_APPOINTMENT
            || action == Action.SEARCH_APPOINTMENTS
            || action == Action.READ_APPOINTMENT;
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(Cause.FORBIDDEN, "A patient may use only their own agenda");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL, ESTABLISHMENT -> {
        if (!appointment) {
          return Decision.deny(
              Cause.HOLDER_ONLY, "Only the holder keeps reminders and the prevention calendar");
        }
        if (agenda.takesPart()) {
          return Decision.PERMIT;
        }
        return action == Action.BOOK_APPOINTMENT
            ? Decision.deny(
                Cause.FORBIDDEN,
                "A professional books only appointments they or their organisation take part in")
            : hidden();
      }
      case SERVICE -> {
        // CAT-1: AGENDA_READ also covers reading reminders and the prevention calendar; changing
        // them stays the holder's.
        boolean read = action == Action.SEARCH_REMINDERS || action == Action.READ_PREVENTION;
        if (!appointment && !read) {
          return Decision.deny(
              Cause.FORBIDDEN, "A service may not change reminders or the prevention calendar");
        }
        if (!agenda.pairedWithPatient()) {
          return Decision.deny(Cause.FORBIDDEN, "The service is not paired with this patient");
        }
        String needed =
            action == Action.BOOK_APPOINTMENT || action == Action.UPDATE_APPOINTMENT
                ? AGENDA_WRITE
                : AGENDA_READ;
        return agenda.finalities().contains(needed)
            ? Decision.PERMIT
            : Decision.deny(
                Cause.FINALITY_NOT_CONSENTED,
                "The service's pairing does not grant the finality " + needed + " (CAT-2)");
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not use the agenda");
      }
    }
  }

  // DOC-1
  private Decision deposit(Actor actor, Target.Deposit deposit, SpaceContext space) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(
              Cause.FORBIDDEN, "A patient may deposit only into their own dossier");
        }
        if (!HOLDER_CONTENT_TYPES.contains(deposit.contentType())) {
          return Decision.deny(
              Cause.UNSUPPORTED_MEDIA_TYPE,
              "A holder may upload only PDF, TXT, RTF, JPEG or TIFF documents");
        }
        if (deposit.size() > HOLDER_CONTENT_LIMIT) {
          return Decision.deny(Cause.TOO_LARGE, "A holder's upload is limited to 5 MB");
        }
        if (deposit.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)
            || deposit.labels().contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)) {
          return Decision.deny(
              Cause.LABEL_NOT_ALLOWED,
              "Only a professional may set the invisibility labels (DOC-8)");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL, ESTABLISHMENT -> {
        if (space.depositOpposed()) {
          return Decision.deny(
              Cause.DEPOSIT_OPPOSED, "The holder opposed this professional's deposits");
        }
        // DOC-8: MASQUE_PS is the holder's label (choice: refused, not ignored, at deposit).
        if (deposit.labels().contains(ConfidentialityLabel.MASQUE_PS)) {
          return Decision.deny(
              Cause.LABEL_NOT_ALLOWED, "Only the holder may mask a document (MASQUE_PS, DOC-8)");
        }
        // DOC-6: INVISIBLE_REPRESENTANTS_LEGAUX exists only on a minor's dossier.
        if (deposit.labels().contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)
            && !deposit.minorDossier()) {
          return Decision.deny(
              Cause.INVALID_REQUEST,
              "INVISIBLE_REPRESENTANTS_LEGAUX applies only to a minor's dossier (DOC-6)");
        }
        if (deposit.size() > PROFESSIONAL_CONTENT_LIMIT) {
          return Decision.deny(Cause.TOO_LARGE, "A document is limited to 20 MB");
        }
        return Decision.PERMIT;
      }
      case SERVICE -> {
        // CAT-1 DOCUMENTS_WRITE: the service deposits as its author (DOC-1), with no label the
        // holder or a professional alone may set (DOC-8).
        if (deposit.labels().contains(ConfidentialityLabel.MASQUE_PS)
            || deposit.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)
            || deposit.labels().contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)) {
          return Decision.deny(
              Cause.LABEL_NOT_ALLOWED, "A service may not set confidentiality labels (DOC-8)");
        }
        if (deposit.size() > PROFESSIONAL_CONTENT_LIMIT) {
          return Decision.deny(Cause.TOO_LARGE, "A document is limited to 20 MB");
        }
        return Decision.PERMIT;
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not deposit documents");
      }
    }
  }

  // DOC-7
  private Decision read(
      Actor actor, Target target, SpaceContext space, HolderSettings settings, Mode mode) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(Cause.FORBIDDEN, "A patient may read only their own dossier");
        }
        if (target instanceof Target.Document document) {
          Set<ConfidentialityLabel> labels = document.labels();
          if (labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT)) {
            return hidden();
          }
          if (!space.holder()
              && labels.contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX)) {
            return hidden();
          }
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL -> {
        Decision access = professionalAccess(actor, space, settings, mode);
        if (!access.permitted() || !(target instanceof Target.Document document)) {
          return access;
        }
        boolean author = document.authorId().equals(actor.id());
        boolean privileged = author || space.medecinTraitant() || space.sameRights();
        // DOC-6: masked to professionals, unless privileged; in an emergency, MASKED decides.
        if (document.labels().contains(ConfidentialityLabel.MASQUE_PS)
            && !privileged
            && !(mode.isEmergency() && settings.maskedInEmergency())) {
          return hidden();
        }
        // habilitations.md: the author, the médecin traitant and same rights are not limited.
        if (!privileged && !matrix.allows(actor.profession(), document.group())) {
          return Decision.deny(
              Cause.PROFESSION_NOT_ALLOWED,
              "The habilitation matrix does not let this profession read this type of document");
        }
        return Decision.PERMIT;
      }
      case SERVICE -> {
        // CAT-1 DOCUMENTS_READ: what the holder sees (DOC-5, DOC-6), for the paired patient only
        // (checked with the finality); a pairing made by a representative sees no more.
        if (target instanceof Target.Document document
            && (document.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)
                || document
                    .labels()
                    .contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX))) {
          return hidden();
        }
        return Decision.PERMIT;
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not read the dossier");
      }
    }
  }

  private static Decision professionalAccess(
      Actor actor, SpaceContext space, HolderSettings settings, Mode mode) {
    return switch (mode.kind()) {
      case NORMAL -> {
        if (space.blocked()) {
          yield Decision.deny(Cause.BLOCKED, "The holder blocked this professional");
        }
        if (!space.authorised() && !space.medecinTraitant() && !space.sameRights()) {
          yield Decision.deny(
              Cause.NOT_AUTHORISED, "The professional is not authorised on this dossier");
        }
        yield Decision.PERMIT;
      }
      case BRIS_DE_GLACE -> {
        // CON-2 (choice): blocked in every mode, bris de glace included.
        if (space.blocked()) {
          yield Decision.deny(Cause.BLOCKED, "The holder blocked this professional");
        }
        String reason = mode.reason();
        if (reason == null || reason.isBlank()) {
          yield Decision.deny(Cause.REASON_REQUIRED, "Bris de glace requires a reason");
        }
        if (!settings.btg()) {
          yield Decision.deny(
              Cause.EMERGENCY_DENIED, "The holder's BTG setting denies bris de glace access");
        }
        yield Decision.PERMIT;
      }
      case CENTRE_15 -> {
        if (!actor.hasRole(Actor.ROLE_REGULATION)) {
          yield Decision.deny(Cause.ROLE_REQUIRED, "Centre 15 access requires the regulation role");
        }
        // CON-2 (choice): centre 15 is governed by ETREAT alone.
        if (!settings.etreat()) {
          yield Decision.deny(
              Cause.EMERGENCY_DENIED, "The holder's ETREAT setting denies centre 15 access");
        }
        yield Decision.PERMIT;
      }
    };
  }

  // AU-2
  private static Decision traces(Actor actor, Target target, SpaceContext space) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(
              Cause.FORBIDDEN, "A patient may read only their own activity history");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL, ESTABLISHMENT -> {
        if (target instanceof Target.Trace trace
            && !space.medecinTraitant()
            && !actor.id().equals(trace.agentId())) {
          return hidden();
        }
        return Decision.PERMIT;
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not read the activity history");
      }
    }
  }

  // CON-1 to CON-5, DOC-1: the holder (or a minor's representative) manages every consent; a
  // professional declares the holder's consent for themself, sees and withdraws only that.
  private static Decision consents(Actor actor, Action action, Target target, SpaceContext space) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(
              Cause.FORBIDDEN, "A patient may manage only the consents of their own dossier");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL -> {
        if (target instanceof Target.Consents search) {
          // A professional may list only their own authorisations (choice).
          boolean onlyAuthorisations =
              search.categories().stream().allMatch(c -> c == ConsentCategory.AUTHORISATION);
          return onlyAuthorisations
              ? Decision.PERMIT
              : Decision.deny(
                  Cause.HOLDER_ONLY,
                  "Only the holder may list these consents; a professional lists only their own"
                      + " authorisations");
        }
        if (!(target instanceof Target.Consent consent)) {
          return Decision.deny(Cause.HOLDER_ONLY, "Only the holder may do this");
        }
        boolean own =
            consent.category() == ConsentCategory.AUTHORISATION
                && actor.id().equals(consent.professionalId());
        return switch (action) {
          case DECLARE_AUTHORISATION -> {
            if (!own) {
              yield Decision.deny(
                  Cause.HOLDER_ONLY,
                  "A professional declares the holder's consent only for themself (CON-1)");
            }
            // CON-2 (choice): a blocked professional may not put themself back on the list.
            if (space.blocked()) {
              yield Decision.deny(Cause.BLOCKED, "The holder blocked this professional");
            }
            yield Decision.PERMIT;
          }
          case SEARCH_CONSENTS, READ_CONSENT -> own ? Decision.PERMIT : hidden();
          case REVOKE_CONSENT ->
              own
                  ? Decision.PERMIT
                  : Decision.deny(Cause.HOLDER_ONLY, "Only the holder may revoke this consent");
          default ->
              Decision.deny(
                  Cause.HOLDER_ONLY,
                  "Only the holder (or a minor's legal representative) may do this");
        };
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not manage consents");
      }
    }
  }

  // DOC-3, DOC-4, DOC-5, DOC-8: changes to a stored document.
  private Decision change(
      Actor actor,
      Action action,
      Target.Change change,
      SpaceContext space,
      HolderSettings settings,
      Mode mode) {
    Target.Document document = change.document();
    boolean holderSide = actor.is(Actor.Kind.PATIENT) && (space.holder() || space.representative());
    if (actor.is(Actor.Kind.PATIENT) && !holderSide) {
      return Decision.deny(Cause.FORBIDDEN, "A patient may change only their own dossier");
    }
    boolean author = actor.id().equals(document.authorId());
    boolean professionalAuthor =
        author && (actor.is(Actor.Kind.PROFESSIONAL) || actor.is(Actor.Kind.ESTABLISHMENT));
    if (!author) {
      // DOC-6: whoever may not see the document because of its labels cannot learn it exists.
      Decision read = read(actor, document, space, settings, mode);
      if (!read.permitted() && read.denyCause() == Cause.NOT_FOUND) {
        return hidden();
      }
      // The first step of any PATCH or DELETE: only who may read it (or its author) goes on, so
      // that a patch's "test" operations reveal nothing to anyone else.
      if (action == Action.UPDATE_DOCUMENT) {
        return read;
      }
    }
    return switch (action) {
      case UPDATE_DOCUMENT -> Decision.PERMIT;
      case REPLACE_DOCUMENT -> {
        String organisation = change.actorOrganisation();
        boolean sameOrganisation =
            !actor.is(Actor.Kind.PATIENT)
                && organisation != null
                && organisation.equals(change.authorOrganisation());
        yield author || sameOrganisation
            ? Decision.PERMIT
            : Decision.deny(
                Cause.NOT_AUTHOR,
                "Only the author's organisation may replace this document (the holder replaces"
                    + " only their own uploads) (DOC-3)");
      }
      case ARCHIVE_DOCUMENT, UNARCHIVE_DOCUMENT ->
          author || holderSide
              ? Decision.PERMIT
              : Decision.deny(
                  Cause.NOT_AUTHOR, "Only the holder or the author may archive a document (DOC-4)");
      case DELETE_DOCUMENT ->
          author
              ? Decision.PERMIT
              : Decision.deny(
                  Cause.NOT_AUTHOR,
                  "Only the author may delete a document; the holder deletes only their own"
                      + " uploads (DOC-5)");
      case MASK_DOCUMENT, UNMASK_DOCUMENT ->
          holderSide
              ? Decision.PERMIT
              : Decision.deny(
                  Cause.LABEL_NOT_ALLOWED,
                  "Only the holder (or a representative) masks and unmasks (MASQUE_PS, DOC-8)");
      case HIDE_FROM_PATIENT, SHOW_TO_PATIENT ->
          professionalAuthor
              ? Decision.PERMIT
              : Decision.deny(
                  Cause.LABEL_NOT_ALLOWED,
                  "Only the author sets or lifts INVISIBLE_PATIENT (DOC-8)");
      case HIDE_FROM_REPRESENTATIVES, SHOW_TO_REPRESENTATIVES -> {
        if (action == Action.HIDE_FROM_REPRESENTATIVES && !change.minorDossier()) {
          yield Decision.deny(
              Cause.INVALID_REQUEST,
              "INVISIBLE_REPRESENTANTS_LEGAUX applies only to a minor's dossier (DOC-6)");
        }
        yield professionalAuthor
            ? Decision.PERMIT
            : Decision.deny(
                Cause.LABEL_NOT_ALLOWED,
                "Only the author sets or lifts INVISIBLE_REPRESENTANTS_LEGAUX (DOC-8)");
      }
      default -> throw new IllegalArgumentException("not a change: " + action);
    };
  }

  // PRO-1, PRO-2: the holder and a minor's representative write everything; professionals add
  // vaccinations and measurements, as they deposit (DOC-1: no authorisation needed, blocked or
  // not, unless the holder opposed their deposits); nobody else writes, and only the holder
  // removes.
  private static Decision profileChange(
      Actor actor, Target.ProfileChange change, SpaceContext space) {
    switch (actor.kind()) {
      case PATIENT -> {
        if (!space.holder() && !space.representative()) {
          return Decision.deny(
              Cause.FORBIDDEN, "A patient may change only their own medical profile");
        }
        return Decision.PERMIT;
      }
      case PROFESSIONAL -> {
        if (change.removal()) {
          return Decision.deny(
              Cause.HOLDER_ONLY, "Only the holder may remove an item of the medical profile");
        }
        if (change.section() != ProfileSection.VACCINATION
            && change.section() != ProfileSection.MEASUREMENT) {
          return Decision.deny(
              Cause.HOLDER_ONLY,
              "A professional may add only vaccinations and measurements to the medical profile");
        }
        if (space.depositOpposed()) {
          return Decision.deny(
              Cause.DEPOSIT_OPPOSED, "The holder opposed this professional's deposits");
        }
        return Decision.PERMIT;
      }
      case SERVICE -> {
        // CAT-1 MEASUREMENTS_WRITE: measurements only, never a removal (checked with the finality).
        return change.section() == ProfileSection.MEASUREMENT && !change.removal()
            ? Decision.PERMIT
            : Decision.deny(Cause.FORBIDDEN, "A service may only record measurements");
      }
      default -> {
        return Decision.deny(Cause.FORBIDDEN, "This actor may not change the medical profile");
      }
    }
  }

  private static Decision hidden() {
    return Decision.deny(Cause.NOT_FOUND, "Not found");
  }

  private static Decision stateRefusal(SpaceState state) {
    Cause cause =
        switch (state) {
          case PENDING -> Cause.ESPACE_PENDING;
          case OPPOSED -> Cause.ESPACE_OPPOSED;
          case CLOSED -> Cause.ESPACE_CLOSED;
          case DELETED -> Cause.ESPACE_DELETED;
          case ACTIVE -> throw new IllegalStateException("ACTIVE is not a refusal");
        };
    return Decision.deny(cause, "The space is " + state.name() + ", not ACTIVE");
  }
}
