package io.mes4j.mockserver.internal.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.ConsentBook;
import io.mes4j.mockserver.internal.store.ConsentRecord;
import io.mes4j.mockserver.internal.store.Pairings;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The holder's operations on a pairing beyond reading and withdrawing it whole (CAT-3, ES-6):
 * {@code POST /fhir/Consent/{id}/$withdraw-finality} (one finality withdrawn, a new version; the
 * last one makes the pairing inactive) and {@code POST /fhir/Consent/{id}/$reapprove} (the holder,
 * now an adult, approves again a pairing made while a minor). Both take effect on the service's
 * very next call.
 */
public final class PairingOperations {
  private final Engine engine;

  public PairingOperations(Engine engine) {
    this.engine = engine;
  }

  // CAT-3
  public Response withdrawFinality(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    Finality finality = readFinality(Json.parseObject(request.body()));
    return change(
        request,
        Action.WITHDRAW_FINALITY,
        (state, patient, consent, terms, now) -> {
          if (!terms.finalities().contains(finality)) {
            throw HttpError.badRequest(
                "The pairing does not hold the finality " + finality.code() + " (CAT-3)");
          }
          Set<Finality> left = EnumSet.noneOf(Finality.class);
          left.addAll(terms.finalities());
          left.remove(finality);
          ConsentRecord next;
          if (left.isEmpty()) {
            // The last finality withdrawn: the pairing itself ends.
            next = ConsentBook.deactivate(patient, consent, now);
            state.pairings().put(terms.withFinalities(left));
            withdrawn(state, patient, consent.id(), now);
          } else {
            state.pairings().put(terms.withFinalities(left));
            next = ConsentBook.newVersion(patient, consent, now);
            Notices.toHolder(
                state.outbox(),
                patient,
                Notification.Kind.PAIRING_WITHDRAWN,
                "Une finalité d'un service associé à votre profil a été retirée",
                now);
          }
          return next;
        });
  }

  // ES-6
  public Response reapprove(Request request) {
    requireJsonAccept(request);
    byte[] body = request.body();
    if (body.length > 0) {
      request.requireJsonContent();
      ObjectNode parameters = Json.parseObject(body);
      if (!"Parameters".equals(Fields.optionalText(parameters, "resourceType", "resourceType"))) {
        throw HttpError.badRequest("The body, if any, must be a FHIR Parameters resource");
      }
    }
    return change(
        request,
        Action.REAPPROVE_PAIRING,
        (state, patient, consent, terms, now) -> {
          if (!terms.reapprovalRequired()) {
            return consent;
          }
          state.pairings().put(terms.withReapprovalRequired(false));
          ConsentRecord next = ConsentBook.newVersion(patient, consent, now);
          boolean pending =
              state.pairings().ofPatient(patient.ins().value()).stream()
                  .anyMatch(Pairings.Terms::reapprovalRequired);
          if (!pending) {
            patient.catalogueConsentsToReapprove(false);
          }
          return next;
        });
  }

  /**
   * What follows a pairing's end (CAT-3): every grant of it revoked, and the notice to the holder.
   * Call under the record's write lock.
   */
  public static void withdrawn(
      ServerState state, PatientRecord patient, String pairingId, Instant at) {
    state.grants().revokePairing(pairingId);
    Notices.toHolder(
        state.outbox(),
        patient,
        Notification.Kind.PAIRING_WITHDRAWN,
        "Un service a été dissocié de votre profil",
        at);
  }

  /**
   * ES-6: at the holder's 18th birthday, every active pairing of theirs must be approved again.
   * Call under the record's write lock.
   */
  public static void requireReapproval(ServerState state, PatientRecord patient) {
    for (ConsentRecord consent : patient.consents()) {
      if (consent.active() && consent.category() == ConsentCategory.PAIRING) {
        state
            .pairings()
            .terms(consent.id())
            .ifPresent(t -> state.pairings().put(t.withReapprovalRequired(true)));
      }
    }
  }

  private interface Change {
    ConsentRecord apply(
        ServerState state,
        PatientRecord patient,
        ConsentRecord consent,
        Pairings.Terms terms,
        Instant now);
  }

  private Response change(Request request, Action action, Change change) {
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String id = request.pathParam("id");
    PatientRecord patient =
        state
            .store()
            .consentPatient(id)
            .flatMap(state.store()::patient)
            .orElseThrow(() -> HttpError.notFound("Not found"));
    ConsentRecord answered;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      ConsentRecord consent = patient.consent(id);
      if (consent == null) {
        throw HttpError.notFound("Not found");
      }
      Instant now = engine.clock().now();
      Target target = new Target.Consent(consent.category(), consent.professionalId());
      // What the caller may not see is not found, as for a read; then the change itself.
      Decision decision = engine.decide(actor, Action.READ_CONSENT, target, patient, mode, now);
      if (decision.permitted()) {
        decision = engine.decide(actor, action, target, patient, mode, now);
      }
      if (!decision.permitted()) {
        AuditTrail.recordObject(
            state, now, patient, actor, action, mode, "Consent/" + id, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      if (consent.category() != ConsentCategory.PAIRING) {
        throw HttpError.badRequest("This operation applies to a pairing (category pairing) only");
      }
      if (!consent.active()) {
        throw new HttpError(Cause.CONFLICT, "The pairing was withdrawn: it can no longer change");
      }
      Pairings.Terms terms =
          state.pairings().terms(id).orElseThrow(() -> HttpError.notFound("Not found"));
      answered = change.apply(state, patient, consent, terms, now);
      AuditTrail.recordObject(state, now, patient, actor, action, mode, "Consent/" + id, null);
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, PairingConsents.render(state, answered, patient.ins()))
        .header("ETag", "W/\"" + answered.version() + "\"");
  }

  private static Finality readFinality(ObjectNode parameters) {
    if (!"Parameters".equals(Fields.optionalText(parameters, "resourceType", "resourceType"))) {
      throw HttpError.badRequest("The body must be a FHIR Parameters resource");
    }
    ArrayNode list = Fields.array(parameters, "parameter", "Parameters.parameter");
    Finality found = null;
    for (int i = 0; i < list.size(); i++) {
      ObjectNode parameter = Fields.element(list, i, "Parameters.parameter");
      if (!"finality".equals(Fields.optionalText(parameter, "name", "Parameters.parameter.name"))) {
        throw HttpError.badRequest("Parameters.parameter[" + i + "].name must be finality");
      }
      JsonNode value = parameter.get("valueCode");
      if (found != null) {
        throw HttpError.badRequest("Give one finality per call");
      }
      found = Finality.fromCode(value != null && value.isTextual() ? value.textValue() : null);
      if (found == null) {
        throw HttpError.badRequest(
            "Parameters.parameter["
                + i
                + "].valueCode must be a finality code (AGENDA_READ, DOCUMENTS_READ...)");
      }
    }
    if (found == null) {
      throw HttpError.badRequest("Missing parameter finality");
    }
    return found;
  }

  private static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }
}
