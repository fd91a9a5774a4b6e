package io.mes4j.mockserver.internal.dossier;

import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.catalogue.PairingOperations;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.notify.SpaceNotices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.store.Attachment;
import io.mes4j.mockserver.internal.store.Invitation;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The space's state machine (ES-1 to ES-6) and its clock-driven rules, run as jobs on the server
 * clock: the end of the 42-day opposition window (ES-2), the end of the 10-year archive (ES-5),
 * invitation expiry and the 18th birthday (ES-6). Each transition is traced (AU-1; actor {@code
 * SYSTEM} for the platform's own) and announced (AU-3).
 *
 * <p>A job checks, under the record's lock, that what it was scheduled for still holds (the same
 * announcement, the same closure, the invitation still pending), so that a job made moot by a later
 * change does nothing.
 */
public final class SpaceLifecycle {
  /** ES-2: the opposition window, from the announcement. */
  public static final Period OPPOSITION_WINDOW = Period.ofDays(42);

  /** ES-5: how long a closed space's data are archived, from the closure (calendar, UTC). */
  public static final Period ARCHIVE = Period.ofYears(10);

  /** ES-6 (choice): how long an invitation of a second representative stays pending. */
  public static final Period INVITATION_VALIDITY = Period.ofDays(30);

  private final Engine engine;

  public SpaceLifecycle(Engine engine) {
    this.engine = engine;
  }

  /** Schedules the clock-driven rules of a freshly loaded state's records (start-up only). */
  public void scheduleAll(ServerState state) {
    for (PatientRecord patient : state.store().all()) {
      Instant announced = patient.announcedAt();
      if (patient.state() == SpaceState.PENDING && announced != null) {
        scheduleWindow(state, patient, announced);
      }
      Instant closed = patient.closedAt();
      if (patient.state() == SpaceState.CLOSED && closed != null) {
        scheduleArchive(state, patient, closed);
      }
      if (!patient.representatives().isEmpty()) {
        scheduleMajority(state, patient);
      }
    }
  }

  // ES-1 to ES-5: the holder's transitions (call under the record's write lock, decision made)

  /**
   * Moves the space as the holder asks, traces and announces it; returns the new state.
   *
   * @throws HttpError {@code transition-not-allowed} if the current state does not allow it
   */
  SpaceState transition(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Action action,
      Mode mode,
      Instant now,
      boolean deleteData) {
    SpaceState from = patient.state();
    SpaceState to =
        switch (action) {
          case ACTIVATE_SPACE -> from == SpaceState.PENDING ? SpaceState.ACTIVE : null;
          case OPPOSE_SPACE -> from == SpaceState.PENDING ? SpaceState.OPPOSED : null;
          case CLOSE_SPACE -> from == SpaceState.ACTIVE ? SpaceState.CLOSED : null;
          case REOPEN_SPACE -> from == SpaceState.CLOSED ? SpaceState.ACTIVE : null;
          case DELETE_SPACE -> from == SpaceState.CLOSED ? SpaceState.DELETED : null;
          default -> throw new IllegalArgumentException("not a holder transition: " + action);
        };
    if (to == null) {
      AuditTrail.recordObject(
          state, now, patient, actor, action, mode, null, Cause.TRANSITION_NOT_ALLOWED);
      throw refusal(from, action);
    }
    switch (action) {
      case ACTIVATE_SPACE -> patient.state(SpaceState.ACTIVE); // no notice: AU-3 lists none
      case OPPOSE_SPACE -> {
        patient.state(SpaceState.OPPOSED);
        patient.purge();
        notice(
            state,
            patient,
            Notification.Kind.SPACE_OPPOSED,
            "Votre opposition à la création de votre profil est enregistrée",
            now);
      }
      case CLOSE_SPACE -> {
        patient.state(SpaceState.CLOSED);
        patient.closedAt(now);
        notice(
            state,
            patient,
            Notification.Kind.SPACE_CLOSED,
            deleteData
                ? "Votre profil est fermé et ses données seront supprimées"
                : "Votre profil est fermé ; ses données sont conservées 10 ans",
            now);
        if (!deleteData) {
          scheduleArchive(state, patient, now);
        }
      }
      case REOPEN_SPACE -> {
        patient.state(SpaceState.ACTIVE);
        patient.closedAt(null);
        notice(
            state,
            patient,
            Notification.Kind.SPACE_REOPENED,
            "Votre profil est rouvert ; vos données sont de retour",
            now);
      }
      case DELETE_SPACE -> purge(state, patient, now);
      default -> throw new IllegalArgumentException(action.name());
    }
    AuditTrail.recordObject(state, now, patient, actor, action, mode, null, null);
    if (action == Action.CLOSE_SPACE && deleteData) {
      // ES-5: the deletion asked on closure is a second transition, CLOSED to DELETED, now.
      purge(state, patient, now);
      AuditTrail.recordObject(state, now, patient, actor, Action.DELETE_SPACE, mode, null, null);
    }
    return patient.state();
  }

  private void purge(ServerState state, PatientRecord patient, Instant now) {
    notice(
        state,
        patient,
        Notification.Kind.SPACE_DELETED,
        "Les données de votre profil ont été supprimées définitivement",
        now);
    patient.purge();
    patient.state(SpaceState.DELETED);
    patient.closedAt(null);
  }

  /**
   * ES-2: opens a new space for an INS (the control plane stands for the platform's creation): a
   * record without a space, or whose space was DELETED or OPPOSED, becomes PENDING with an empty
   * dossier and the announcement opens the 42-day window. Call under the record's write lock.
   *
   * @throws HttpError {@code transition-not-allowed} if the space is PENDING, ACTIVE or CLOSED
   */
  public void announce(ServerState state, PatientRecord patient, Instant now) {
    SpaceState from = patient.state();
    if (from != SpaceState.DELETED && from != SpaceState.OPPOSED) {
      AuditTrail.recordObject(
          state,
          now,
          patient,
          systemActor(),
          Action.ANNOUNCE_SPACE,
          Mode.NORMAL,
          null,
          Cause.TRANSITION_NOT_ALLOWED);
      throw new HttpError(
          Cause.TRANSITION_NOT_ALLOWED,
          "The space is " + from + "; a new space is opened only after DELETED or OPPOSED (ES-1)");
    }
    patient.purge(); // nothing of a deleted space ever comes back (ES-5)
    announceNew(state, patient, now);
  }

  /** ES-2: a new record's space, PENDING, announced now. */
  public void announceNew(ServerState state, PatientRecord patient, Instant now) {
    patient.state(SpaceState.PENDING);
    patient.announcedAt(now);
    patient.closedAt(null);
    AuditTrail.recordObject(
        state, now, patient, systemActor(), Action.ANNOUNCE_SPACE, Mode.NORMAL, null, null);
    notice(
        state,
        patient,
        Notification.Kind.SPACE_ANNOUNCED,
        "Votre profil Mon espace santé va être créé ; vous pouvez vous y opposer pendant 6"
            + " semaines",
        now);
    scheduleWindow(state, patient, now);
  }

  // ES-6: minors (call under the minor's record write lock, decision made)

  /** Attaches the minor to the caller's account, WAITING for the other parent's agreement. */
  Attachment attach(ServerState state, PatientRecord minor, Actor actor, Mode mode, Instant now) {
    requireMinor(minor, now, actor, Action.ATTACH_MINOR, state, mode);
    Attachment existing = minor.attachments().get(actor.id());
    if (existing == null && !minor.attachments().isEmpty()) {
      AuditTrail.recordObject(
          state, now, minor, actor, Action.ATTACH_MINOR, mode, null, Cause.TRANSITION_NOT_ALLOWED);
      throw new HttpError(
          Cause.TRANSITION_NOT_ALLOWED,
          "The minor's profile is already attached; a second representative is invited (ES-6)");
    }
    Attachment attachment =
        existing != null ? existing : new Attachment(actor.id(), Attachment.Status.WAITING, now);
    minor.attachments().put(actor.id(), attachment);
    AuditTrail.recordObject(state, now, minor, actor, Action.ATTACH_MINOR, mode, null, null);
    return attachment;
  }

  /** Records the other parent's agreement: the caller's WAITING attachment takes effect. */
  Attachment recordAgreement(
      ServerState state, PatientRecord minor, Actor actor, Mode mode, Instant now) {
    requireMinor(minor, now, actor, Action.RECORD_AGREEMENT, state, mode);
    Attachment existing = minor.attachments().get(actor.id());
    if (existing == null) {
      AuditTrail.recordObject(
          state,
          now,
          minor,
          actor,
          Action.RECORD_AGREEMENT,
          mode,
          null,
          Cause.TRANSITION_NOT_ALLOWED);
      throw new HttpError(
          Cause.TRANSITION_NOT_ALLOWED,
          "No attachment of this minor's profile to the caller: attach it first (ES-6)");
    }
    Attachment attached = existing;
    if (existing.status() == Attachment.Status.WAITING) {
      attached = new Attachment(actor.id(), Attachment.Status.ATTACHED, now);
      minor.attachments().put(actor.id(), attached);
      boolean first = minor.representatives().isEmpty();
      minor.representatives().add(actor.id());
      if (first) {
        scheduleMajority(state, minor);
      }
    }
    AuditTrail.recordObject(state, now, minor, actor, Action.RECORD_AGREEMENT, mode, null, null);
    return attached;
  }

  /** Invites a second representative; an invitation still pending for them is returned as is. */
  Invitation invite(
      ServerState state, PatientRecord minor, Actor actor, Ins invitee, Mode mode, Instant now) {
    if (invitee.value().equals(minor.ins().value())
        || minor.representatives().contains(invitee.value())) {
      AuditTrail.recordObject(
          state,
          now,
          minor,
          actor,
          Action.INVITE_REPRESENTATIVE,
          mode,
          null,
          Cause.INVALID_REQUEST);
      throw HttpError.badRequest("The invitee is the minor or already a representative");
    }
    for (Invitation invitation : minor.invitations()) {
      if (invitation.invitee().equals(invitee.value())
          && invitation.status() == Invitation.Status.PENDING) {
        return invitation;
      }
    }
    Instant expires = now.atZone(ZoneOffset.UTC).plus(INVITATION_VALIDITY).toInstant();
    Instant majority = minor.majority();
    if (expires.isAfter(majority)) {
      expires = majority; // nothing outlives the 18th birthday
    }
    Invitation invitation =
        new Invitation(
            state.ids().next("inv-"),
            minor.ins().value(),
            actor.id(),
            invitee.value(),
            invitee.system().uri(),
            Invitation.Status.PENDING,
            now,
            expires,
            now);
    minor.invitations().add(invitation);
    state.store().indexInvitation(invitation.id(), minor.ins().value());
    AuditTrail.recordObject(
        state,
        now,
        minor,
        actor,
        Action.INVITE_REPRESENTATIVE,
        mode,
        "Invitation/" + invitation.id(),
        null);
    SpaceNotices.invitation(state.outbox(), minor, invitee, now);
    scheduleExpiry(state, minor, invitation);
    return invitation;
  }

  /** The invitee answers a pending invitation; accepting makes them a representative. */
  Invitation answer(
      ServerState state,
      PatientRecord minor,
      Invitation invitation,
      Actor actor,
      boolean accept,
      Mode mode,
      Instant now) {
    Action action = accept ? Action.ACCEPT_INVITATION : Action.REFUSE_INVITATION;
    if (invitation.status() != Invitation.Status.PENDING) {
      AuditTrail.recordObject(
          state,
          now,
          minor,
          actor,
          action,
          mode,
          "Invitation/" + invitation.id(),
          Cause.TRANSITION_NOT_ALLOWED);
      throw new HttpError(
          Cause.TRANSITION_NOT_ALLOWED,
          "The invitation is "
              + invitation.status()
              + "; only a PENDING invitation is "
              + (accept ? "accepted" : "refused")
              + " (ES-6)");
    }
    Invitation answered =
        invitation.withStatus(accept ? Invitation.Status.ACCEPTED : Invitation.Status.REFUSED, now);
    minor.replace(answered);
    if (accept) {
      minor.representatives().add(actor.id());
      minor
          .attachments()
          .put(actor.id(), new Attachment(actor.id(), Attachment.Status.ATTACHED, now));
    }
    AuditTrail.recordObject(
        state, now, minor, actor, action, mode, "Invitation/" + invitation.id(), null);
    return answered;
  }

  private void requireMinor(
      PatientRecord minor, Instant now, Actor actor, Action action, ServerState state, Mode mode) {
    if (!minor.minorAt(now)) {
      AuditTrail.recordObject(
          state, now, minor, actor, action, mode, null, Cause.TRANSITION_NOT_ALLOWED);
      throw new HttpError(
          Cause.TRANSITION_NOT_ALLOWED, "The holder is of age: no representative (ES-6)");
    }
  }

  // The clock-driven rules

  private void scheduleWindow(ServerState state, PatientRecord patient, Instant announced) {
    Instant end = announced.atZone(ZoneOffset.UTC).plus(OPPOSITION_WINDOW).toInstant();
    engine
        .clock()
        .schedule(
            end,
            at ->
                underLock(
                    patient,
                    () -> {
                      if (patient.state() != SpaceState.PENDING
                          || !announced.equals(patient.announcedAt())) {
                        return;
                      }
                      // ES-2: the window ended without opposition.
                      patient.state(SpaceState.ACTIVE);
                      AuditTrail.recordObject(
                          state,
                          at,
                          patient,
                          systemActor(),
                          Action.ACTIVATE_SPACE,
                          Mode.NORMAL,
                          null,
                          null);
                    }));
  }

  private void scheduleArchive(ServerState state, PatientRecord patient, Instant closed) {
    Instant end = closed.atZone(ZoneOffset.UTC).plus(ARCHIVE).toInstant();
    engine
        .clock()
        .schedule(
            end,
            at ->
                underLock(
                    patient,
                    () -> {
                      if (patient.state() != SpaceState.CLOSED
                          || !closed.equals(patient.closedAt())) {
                        return;
                      }
                      // ES-5: the 10-year archive elapsed.
                      purge(state, patient, at);
                      AuditTrail.recordObject(
                          state,
                          at,
                          patient,
                          systemActor(),
                          Action.DELETE_SPACE,
                          Mode.NORMAL,
                          null,
                          null);
                    }));
  }

  private void scheduleExpiry(ServerState state, PatientRecord minor, Invitation invitation) {
    engine
        .clock()
        .schedule(
            invitation.expiresAt(),
            at -> underLock(minor, () -> expire(state, minor, invitation.id(), at)));
  }

  private void expire(ServerState state, PatientRecord minor, String id, Instant at) {
    Invitation current = minor.invitation(id);
    if (current == null || current.status() != Invitation.Status.PENDING) {
      return;
    }
    minor.replace(current.withStatus(Invitation.Status.EXPIRED, at));
    AuditTrail.recordObject(
        state,
        at,
        minor,
        systemActor(),
        Action.EXPIRE_INVITATION,
        Mode.NORMAL,
        "Invitation/" + id,
        null);
  }

  private void scheduleMajority(ServerState state, PatientRecord minor) {
    Instant majority = minor.majority();
    engine
        .clock()
        .schedule(
            majority,
            at ->
                underLock(
                    minor,
                    () -> {
                      if (minor.representatives().isEmpty()) {
                        return;
                      }
                      // ES-6: at 18 the representatives lose access (the policy already denies
                      // them from this instant); pending invitations expire; every catalogue
                      // consent must be approved again.
                      notice(
                          state,
                          minor,
                          Notification.Kind.MAJORITY_REACHED,
                          "Vous avez 18 ans : votre profil est désormais le vôtre seul ; vos"
                              + " consentements aux services devront être approuvés à nouveau",
                          at);
                      minor.representatives().clear();
                      minor.attachments().clear();
                      for (Invitation invitation : minor.invitations()) {
                        expire(state, minor, invitation.id(), at);
                      }
                      Actor system = systemActor();
                      AuditTrail.recordObject(
                          state,
                          at,
                          minor,
                          system,
                          Action.END_REPRESENTATION,
                          Mode.NORMAL,
                          null,
                          null);
                      minor.catalogueConsentsToReapprove(true);
                      // CAT-2: the service's calls are refused until the adult approves again.
                      PairingOperations.requireReapproval(state, minor);
                      AuditTrail.recordObject(
                          state,
                          at,
                          minor,
                          system,
                          Action.REQUIRE_CONSENT_REAPPROVAL,
                          Mode.NORMAL,
                          null,
                          null);
                    }));
  }

  private static void underLock(PatientRecord patient, Runnable action) {
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  private static void notice(
      ServerState state,
      PatientRecord patient,
      Notification.Kind kind,
      String subject,
      Instant at) {
    SpaceNotices.toHolder(state.outbox(), patient, kind, subject, at);
  }

  private static HttpError refusal(SpaceState from, Action action) {
    String to =
        switch (action) {
          case ACTIVATE_SPACE, REOPEN_SPACE -> "ACTIVE";
          case OPPOSE_SPACE -> "OPPOSED";
          case CLOSE_SPACE -> "CLOSED";
          case DELETE_SPACE -> "DELETED";
          default -> action.name();
        };
    String why =
        action == Action.OPPOSE_SPACE && from != SpaceState.PENDING
            ? " (opposition only while PENDING, ES-3: close instead)"
            : " (ES-1)";
    return new HttpError(
        Cause.TRANSITION_NOT_ALLOWED,
        "The space is "
            + from
            + "; the transition "
            + from
            + " -> "
            + to
            + " is not allowed"
            + why);
  }

  private Actor systemActor() {
    return new Actor(
        Actor.Kind.SYSTEM,
        engine.baseUrl(),
        Systems.RFC3986,
        null,
        Set.of(),
        "mes4j reference server");
  }
}
