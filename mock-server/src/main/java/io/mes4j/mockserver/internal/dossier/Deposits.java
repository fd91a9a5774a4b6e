package io.mes4j.mockserver.internal.dossier;

import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import io.mes4j.mockserver.internal.store.StoredDocument;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/** Stores deposits (DOC-1, DOC-2) once the policy permits them, and traces them (AU-1). */
final class Deposits {
  /** The stored document, and whether this deposit created it (false: an idempotent repeat). */
  record Outcome(StoredDocument document, PatientRecord patient, boolean created) {}

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
      Decision decision =
          engine
              .policy()
              .decide(
                  actor,
                  Action.DEPOSIT_DOCUMENT,
                  new Target.Deposit(
                      request.contentType(), request.content().length, request.labels()),
                  Engine.context(actor, patient),
                  patient.settings(),
                  mode,
                  now);
      if (!decision.permitted()) {
        AuditTrail.record(
            state, now, patient, actor, Action.DEPOSIT_DOCUMENT, mode, null, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      outcome = store(state, patient, actor, request, now);
      AuditTrail.record(
          state, now, patient, actor, Action.DEPOSIT_DOCUMENT, mode, outcome.document().id(), null);
    } finally {
      lock.unlock();
    }
    if (outcome.created()) {
      afterDeposit(state, outcome);
    }
    return outcome;
  }

  // DOC-2: same unique id and same bytes is the same deposit; other bytes are a conflict.
  private Outcome store(
      ServerState state, PatientRecord patient, Actor actor, DepositRequest request, Instant now) {
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
          && existing.contentType().equals(request.contentType())) {
        return new Outcome(existing, patient, false);
      }
      throw new HttpError(
          Cause.DUPLICATE_CONFLICT,
          "A document with this unique id (masterIdentifier) exists with other content");
    }
    Set<ConfidentialityLabel> labels =
        request.labels().isEmpty()
            ? EnumSet.noneOf(ConfidentialityLabel.class)
            : EnumSet.copyOf(request.labels());
    // CON-5: the holder may mask every new document to professionals by default.
    if (patient.settings().maskByDefault()) {
      labels.add(ConfidentialityLabel.MASQUE_PS);
    }
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
            now);
    patient.add(document);
    store.index(document, patient.ins().value());
    return new Outcome(document, patient, true);
  }

  private void afterDeposit(ServerState state, Outcome outcome) {
    StoredDocument document = outcome.document();
    PatientRecord patient = outcome.patient();
    boolean byProfessional =
        !document.authorId().equals(patient.ins().value())
            && !patient.representatives().contains(document.authorId());
    if (document.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)) {
      scheduleInvisibility(state, patient, document);
    } else if (byProfessional) {
      // AU-3: the holder hears of a professional's new document.
      Notices.documentAdded(state.outbox(), patient, document.date());
    }
  }

  // DOC-6: still invisible after 2 weeks, the holder is told an update is pending (no content);
  // after 1 month from deposit the label lifts itself.
  private void scheduleInvisibility(
      ServerState state, PatientRecord patient, StoredDocument document) {
    Instant deposited = document.date();
    engine
        .clock()
        .schedule(
            deposited.plus(java.time.Duration.ofDays(14)),
            at -> {
              if (stillInvisible(patient, document.id())) {
                Notices.documentPending(state.outbox(), patient, at);
              }
            });
    Instant lift = deposited.atZone(ZoneOffset.UTC).plusMonths(1).toInstant();
    engine
        .clock()
        .schedule(
            lift,
            at -> {
              Lock lock = patient.lock().writeLock();
              lock.lock();
              try {
                StoredDocument current = patient.document(document.id());
                if (current == null
                    || !current.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT)) {
                  return;
                }
                Set<ConfidentialityLabel> labels = EnumSet.copyOf(current.labels());
                labels.remove(ConfidentialityLabel.INVISIBLE_PATIENT);
                patient.replace(
                    new StoredDocument(
                        current.id(),
                        current.binaryId(),
                        current.listId(),
                        current.seq(),
                        current.masterIdentifier(),
                        current.type(),
                        labels,
                        current.status(),
                        current.archived(),
                        current.authorId(),
                        current.authorSystem(),
                        current.contentType(),
                        current.content(),
                        current.sha1(),
                        current.sha256(),
                        current.title(),
                        current.creation(),
                        current.date(),
                        current.version() + 1,
                        at));
              } finally {
                lock.unlock();
              }
              Notices.documentAdded(state.outbox(), patient, at);
            });
  }

  private static boolean stillInvisible(PatientRecord patient, String documentId) {
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      StoredDocument current = patient.document(documentId);
      return current != null && current.labels().contains(ConfidentialityLabel.INVISIBLE_PATIENT);
    } finally {
      lock.unlock();
    }
  }
}
