package io.mes4j.mockserver.internal.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.SpaceContext;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.Directory;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import io.mes4j.mockserver.internal.store.StoredDocument;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * Stores deposits (DOC-1, DOC-2) and replacements (DOC-3) once the policy permits them, traces them
 * (AU-1), sends the notices due (AU-3) and runs the timers of {@code INVISIBLE_PATIENT} (DOC-6).
 */
final class Deposits {
  /** DOC-6: the holder is told of a document still invisible to them after two weeks. */
  static final Duration PENDING_NOTICE = Duration.ofDays(14);

  /** DOC-6: {@code INVISIBLE_PATIENT} lifts itself one calendar month (UTC) after it was set. */
  static final Period INVISIBLE_LIFT = Period.ofMonths(1);

  /** The stored document, and whether this deposit created it (false: an idempotent repeat). */
  record Outcome(
      StoredDocument document,
      PatientRecord patient,
      boolean created,
      @Nullable StoredDocument replaced) {}

  private final Engine engine;

  Deposits(Engine engine) {
    this.engine = engine;
  }

  Outcome deposit(ServerState state, Actor actor, Mode mode, DepositRequest request) {
    Store store = state.store();
    PatientRecord patient =
        store
            .patient(request.patient().value())
            .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
    Outcome outcome;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      SpaceContext context = Engine.context(actor, patient, now);
      boolean minor = minor(patient, now);
      Decision decision =
          engine
              .policy()
              .decide(
                  actor,
                  Action.DEPOSIT_DOCUMENT,
                  new Target.Deposit(
                      request.contentType(), request.content().length, request.labels(), minor),
                  context,
                  patient.settings(),
                  mode,
                  now);
      if (!decision.permitted()) {
        AuditTrail.record(
            state, now, patient, actor, Action.DEPOSIT_DOCUMENT, mode, null, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      StoredDocument replaced = null;
      String replacesId = request.replaces();
      if (replacesId != null) {
        replaced = replaceable(state, patient, actor, mode, context, replacesId, minor, now);
      }
      outcome = store(state, patient, actor, mode, request, replaced, now);
      if (outcome.created()) {
        AuditTrail.record(
            state,
            now,
            patient,
            actor,
            Action.DEPOSIT_DOCUMENT,
            mode,
            outcome.document().id(),
            null);
        if (replaced != null) {
          AuditTrail.record(
              state, now, patient, actor, Action.REPLACE_DOCUMENT, mode, replaced.id(), null);
        }
      }
    } finally {
      lock.unlock();
    }
    if (outcome.created()) {
      afterDeposit(state, outcome);
    }
    return outcome;
  }

  /** DOC-3: the version to replace, if the policy lets this caller replace it. */
  private StoredDocument replaceable(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Mode mode,
      SpaceContext context,
      String id,
      boolean minor,
      Instant now) {
    StoredDocument old = patient.document(id);
    if (old == null || old.deleted()) {
      AuditTrail.record(
          state, now, patient, actor, Action.REPLACE_DOCUMENT, mode, null, Cause.NOT_FOUND);
      throw HttpError.notFound("The document to replace was not found in this dossier");
    }
    Directory directory = state.store().directory();
    Decision decision =
        engine
            .policy()
            .decide(
                actor,
                Action.REPLACE_DOCUMENT,
                new Target.Change(
                    new Target.Document(old.type().group(), old.labels(), old.authorId()),
                    organisation(directory, old.authorId(), old.authorSystem()),
                    organisation(directory, actor.id(), actor.system()),
                    minor),
                context,
                patient.settings(),
                mode,
                now);
    if (!decision.permitted()) {
      AuditTrail.record(
          state,
          now,
          patient,
          actor,
          Action.REPLACE_DOCUMENT,
          mode,
          old.id(),
          decision.denyCause());
      throw new HttpError(decision.denyCause(), decision.message());
    }
    return old;
  }

  // DOC-2: same unique id and same bytes is the same deposit; other bytes are a conflict.
  private Outcome store(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Mode mode,
      DepositRequest request,
      @Nullable StoredDocument replaced,
      Instant now) {
    Store store = state.store();
    String sha256 = DocumentReferenceReader.sha256(request.content());
    String id = state.ids().next("doc-");
    Store.Location location = new Store.Location(patient.ins().value(), id);
    Optional<Store.Location> claimed =
        store.claimMasterIdentifier(request.masterIdentifier(), location);
    if (claimed.isPresent()) {
      StoredDocument existing =
          claimed.get().insValue().equals(patient.ins().value())
              ? patient.document(claimed.get().documentId())
              : null;
      if (existing != null
          && existing.sha256().equals(sha256)
          && existing.type().equals(request.type())
          && existing.contentType().equals(request.contentType())
          && java.util.Objects.equals(existing.replaces(), request.replaces())) {
        return new Outcome(existing, patient, false, null);
      }
      throw new HttpError(
          Cause.DUPLICATE_CONFLICT,
          "A document with this unique id (masterIdentifier) exists with other content");
    }
    // DOC-3 (choice): a superseded version is not replaced again (400): replace the current one.
    if (replaced != null && !"current".equals(replaced.status())) {
      store.releaseMasterIdentifier(request.masterIdentifier(), location);
      AuditTrail.record(
          state,
          now,
          patient,
          actor,
          Action.REPLACE_DOCUMENT,
          mode,
          replaced.id(),
          Cause.INVALID_REQUEST);
      throw HttpError.badRequest(
          "This version was already replaced (status superseded); replace its current version");
    }
    Set<ConfidentialityLabel> labels =
        request.labels().isEmpty()
            ? EnumSet.noneOf(ConfidentialityLabel.class)
            : EnumSet.copyOf(request.labels());
    // CON-5: the holder may mask every new document to professionals by default.
    if (patient.settings().maskByDefault()) {
      labels.add(ConfidentialityLabel.MASQUE_PS);
    }
    // DOC-3 (choice): the new version carries its own labels, and keeps the holder's masking: an
    // author cannot unmask what the holder masked by publishing a new version.
    if (replaced != null && replaced.labels().contains(ConfidentialityLabel.MASQUE_PS)) {
      labels.add(ConfidentialityLabel.MASQUE_PS);
    }
    boolean invisible = labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT);
    StoredDocument document =
        new StoredDocument(
            id,
            state.ids().next("bin-"),
            state.ids().next("list-"),
            store.nextSequence(),
            request.masterIdentifier(),
            request.type(),
            labels,
            "current",
            false,
            actor.id(),
            actor.system(),
            request.contentType(),
            request.content(),
            DocumentReferenceReader.sha1(request.content()),
            sha256,
            request.title(),
            request.creation(),
            now,
            1,
            now,
            replaced == null ? null : replaced.id(),
            invisible ? now : null);
    patient.add(document);
    store.index(document, patient.ins().value());
    if (replaced != null) {
      // DOC-3: the old version becomes superseded and leaves default searches.
      patient.replace(
          replaced.changed(
              replaced.labels(),
              "superseded",
              replaced.archived(),
              replaced.invisibleSince(),
              now));
    }
    return new Outcome(document, patient, true, replaced);
  }

  private void afterDeposit(ServerState state, Outcome outcome) {
    StoredDocument document = outcome.document();
    PatientRecord patient = outcome.patient();
    boolean byProfessional =
        !document.authorId().equals(patient.ins().value())
            && !patient.representatives().contains(document.authorId());
    Instant since = document.invisibleSince();
    if (since != null) {
      scheduleInvisibility(state, patient, document.id(), since);
    } else if (byProfessional && outcome.replaced() != null) {
      // AU-3: the holder hears of a professional's new version.
      Notices.documentReplaced(state.outbox(), patient, document.date());
    } else if (byProfessional) {
      // AU-3: the holder hears of a professional's new document.
      Notices.documentAdded(state.outbox(), patient, document.date());
    }
  }

  /**
   * DOC-6: still invisible two weeks after {@code since}, the holder is told an update is pending
   * (no content); one calendar month (UTC) after {@code since}, the label lifts itself. A job finds
   * nothing to do if the label was lifted, or lifted and set again, in the meantime.
   */
  void scheduleInvisibility(
      ServerState state, PatientRecord patient, String documentId, Instant since) {
    // A state loaded from a fixtures file was saved after the notice went: not sent twice.
    if (since.plus(PENDING_NOTICE).isAfter(engine.clock().now())) {
      engine
          .clock()
          .schedule(
              since.plus(PENDING_NOTICE),
              at -> {
                if (invisibleSince(patient, documentId, since)) {
                  Notices.documentPending(state.outbox(), patient, at);
                }
              });
    }
    Instant lift = since.atZone(ZoneOffset.UTC).plus(INVISIBLE_LIFT).toInstant();
    engine
        .clock()
        .schedule(
            lift,
            at -> {
              Lock lock = patient.lock().writeLock();
              lock.lock();
              try {
                StoredDocument current = patient.document(documentId);
                if (current == null
                    || current.deleted()
                    || !since.equals(current.invisibleSince())
                    || !current.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)) {
                  return;
                }
                Set<ConfidentialityLabel> labels = EnumSet.copyOf(current.labels());
                labels.remove(ConfidentialityLabel.INVISIBLE_PATIENT);
                patient.replace(
                    current.changed(labels, current.status(), current.archived(), null, at));
                // AU-1: the platform's own change is traced too.
                AuditTrail.record(
                    state,
                    at,
                    patient,
                    systemActor(),
                    Action.SHOW_TO_PATIENT,
                    Mode.NORMAL,
                    documentId,
                    null);
              } finally {
                lock.unlock();
              }
              Notices.documentAdded(state.outbox(), patient, at);
            });
  }

  /** DOC-6: the jobs of every invisible document of a state loaded from a fixtures file. */
  void scheduleLoaded(ServerState state) {
    for (PatientRecord patient : state.store().all()) {
      for (StoredDocument document : patient.documents()) {
        Instant since = document.invisibleSince();
        if (since != null
            && !document.deleted()
            && document.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)) {
          scheduleInvisibility(state, patient, document.id(), since);
        }
      }
    }
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

  private static boolean invisibleSince(PatientRecord patient, String documentId, Instant since) {
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      StoredDocument current = patient.document(documentId);
      return current != null
          && !current.deleted()
          && since.equals(current.invisibleSince())
          && current.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT);
    } finally {
      lock.unlock();
    }
  }

  /** Whether the holder is under 18 on the server's clock (DOC-6, ES-6). */
  static boolean minor(PatientRecord patient, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return patient.birthDate().plusYears(18).isAfter(today);
  }

  /**
   * The organisation (FINESS) an identifier acts for: a professional's establishment, an
   * establishment itself; null for a patient or a service.
   */
  static @Nullable String organisation(Directory directory, String id, String system) {
    if (ProfessionalId.SYSTEM.equals(system)) {
      return directory.professional(id).map(Directory.Professional::finess).orElse(null);
    }
    if (Finess.STRUCT_SYSTEM.equals(system)) {
      return directory.establishment(id).map(Directory.Establishment::finess).orElse(null);
    }
    return null;
  }
}
