package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a stored document after deposit (DOC-4, DOC-5, DOC-8): {@code PATCH
 * /fhir/DocumentReference/{id}} with a JSON Patch (RFC 6902), and {@code DELETE
 * /fhir/DocumentReference/{id}} (the same as a patch of {@code status} to {@code
 * entered-in-error}).
 *
 * <p>The patch applies to the resource as the server emits it; the result may differ from it only
 * in {@code securityLabel}, {@code status} and the {@code PDSm_isArchived} extension (anything else
 * is {@code 400 immutable-field}). Each elementary change (a label set or lifted, archived or not,
 * deleted) is decided by the policy and traced under its own action code; one refusal refuses the
 * whole patch and changes nothing. The answer is {@code 200} with the resource as it now stands.
 */
final class DocumentChanges {
  static final String JSON_PATCH = "application/json-patch+json";

  private final Engine engine;
  private final Deposits deposits;

  DocumentChanges(Engine engine, Deposits deposits) {
    this.engine = engine;
    this.deposits = deposits;
  }

  /** What a change asks for: the document's mutable fields after it. */
  private record Wanted(Set<ConfidentialityLabel> labels, String status, boolean archived) {}

  private interface Desired {
    Wanted of(StoredDocument current, ObjectNode emitted);
  }

  Response patch(Request request) {
    DocumentEndpoints.requireJsonAccept(request);
    if (!JSON_PATCH.equals(request.contentType())) {
      throw new HttpError(
          Cause.UNSUPPORTED_MEDIA_TYPE, "Content-Type of a PATCH must be " + JSON_PATCH);
    }
    // Malformed patches are refused before any state is read.
    JsonPatch patch = JsonPatch.parse(Json.parse(request.body()));
    return change(request, (current, emitted) -> wanted(emitted, patch.apply(emitted)));
  }

  Response delete(Request request) {
    DocumentEndpoints.requireJsonAccept(request);
    return change(
        request,
        (current, emitted) -> new Wanted(current.labels(), "entered-in-error", current.archived()));
  }

  private Response change(Request request, Desired desired) {
    ServerState state = engine.state();
    Store store = state.store();
    String id = request.pathParam("id");
    Store.Location location = store.document(id).orElseThrow(() -> HttpError.notFound("Not found"));
    PatientRecord patient =
        store.patient(location.insValue()).orElseThrow(() -> HttpError.notFound("Not found"));
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    StoredDocument updated;
    StoredDocument before;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      before = patient.document(location.documentId());
      if (before == null || before.deleted()) {
        throw HttpError.notFound("Not found");
      }
      SpaceContext context = Engine.context(actor, patient, now);
      Directory directory = store.directory();
      Target.Change target =
          new Target.Change(
              new Target.Document(before.type().group(), before.labels(), before.authorId()),
              Deposits.organisation(directory, before.authorId(), before.authorSystem()),
              Deposits.organisation(directory, actor.id(), actor.system()),
              Deposits.minor(patient, now));
      // First: may this caller touch the document at all (the author, or who may read it)?
      decideOrThrow(state, patient, actor, Action.UPDATE_DOCUMENT, target, context, mode, now, id);
      Wanted wanted;
      try {
        wanted = desired.of(before, FhirWriter.documentReference(before, patient.ins()));
      } catch (HttpError e) {
        AuditTrail.record(
            state, now, patient, actor, Action.UPDATE_DOCUMENT, mode, id, e.errorCause());
        throw e;
      }
      List<Action> actions = actions(before, wanted);
      for (Action action : actions) {
        decideOrThrow(state, patient, actor, action, target, context, mode, now, id);
      }
      if (actions.isEmpty()) {
        // Nothing changes; the caller (who may change the document) learns how it stands.
        updated = before;
        AuditTrail.record(state, now, patient, actor, Action.UPDATE_DOCUMENT, mode, id, null);
      } else {
        Instant invisibleSince = before.invisibleSince();
        if (actions.contains(Action.HIDE_FROM_PATIENT)) {
          invisibleSince = now;
        } else if (actions.contains(Action.SHOW_TO_PATIENT)) {
          invisibleSince = null;
        }
        updated =
            before.changed(
                wanted.labels(), wanted.status(), wanted.archived(), invisibleSince, now);
        patient.replace(updated);
        if (updated.deleted()) {
          // DOC-5: the unique id of a deleted document may be deposited again.
          store.releaseMasterIdentifier(
              updated.masterIdentifier(), new Store.Location(patient.ins().value(), id));
        }
        for (Action action : actions) {
          AuditTrail.record(state, now, patient, actor, action, mode, id, null);
        }
      }
    } finally {
      lock.unlock();
    }
    if (!updated.deleted()) {
      Instant since = updated.invisibleSince();
      if (since != null && !since.equals(before.invisibleSince())) {
        deposits.scheduleInvisibility(state, patient, id, since);
      } else if (since == null && before.invisibleSince() != null) {
        // AU-3: the author lifted INVISIBLE_PATIENT: the holder now sees the document.
        Notices.documentAdded(state.outbox(), patient, updated.lastUpdated());
      }
    }
    return Response.fhir(200, FhirWriter.documentReference(updated, patient.ins()))
        .header("ETag", "W/\"" + updated.version() + "\"");
  }

  private void decideOrThrow(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Action action,
      Target.Change target,
      SpaceContext context,
      Mode mode,
      Instant now,
      String id) {
    Decision decision =
        engine.policy().decide(actor, action, target, context, patient.settings(), mode, now);
    if (!decision.permitted()) {
      AuditTrail.record(state, now, patient, actor, action, mode, id, decision.denyCause());
      throw new HttpError(decision.denyCause(), decision.message());
    }
  }

  /** The elementary changes from {@code before} to {@code wanted}, in a stable order. */
  private static List<Action> actions(StoredDocument before, Wanted wanted) {
    List<Action> actions = new ArrayList<>();
    label(
        actions,
        before,
        wanted,
        ConfidentialityLabel.MASQUE_PS,
        Action.MASK_DOCUMENT,
        Action.UNMASK_DOCUMENT);
    label(
        actions,
        before,
        wanted,
        ConfidentialityLabel.INVISIBLE_PATIENT,
        Action.HIDE_FROM_PATIENT,
        Action.SHOW_TO_PATIENT);
    label(
        actions,
        before,
        wanted,
        ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX,
        Action.HIDE_FROM_REPRESENTATIVES,
        Action.SHOW_TO_REPRESENTATIVES);
    if (wanted.archived() != before.archived()) {
      actions.add(wanted.archived() ? Action.ARCHIVE_DOCUMENT : Action.UNARCHIVE_DOCUMENT);
    }
    if (!wanted.status().equals(before.status())) {
      actions.add(Action.DELETE_DOCUMENT);
    }
    return actions;
  }

  private static void label(
      List<Action> actions,
      StoredDocument before,
      Wanted wanted,
      ConfidentialityLabel label,
      Action set,
      Action lift) {
    boolean had = before.labels().contains(label);
    boolean has = wanted.labels().contains(label);
    if (!had && has) {
      actions.add(set);
    } else if (had && !has) {
      actions.add(lift);
    }
  }

  /**
   * DOC-8: compares the patched resource with the emitted one; only {@code securityLabel}, {@code
   * status} and the archive flag may differ. Reads what they become.
   */
  private static Wanted wanted(ObjectNode emitted, JsonNode patched) {
    if (!(patched instanceof ObjectNode result)) {
      throw new HttpError(
          Cause.IMMUTABLE_FIELD, "A patch may change only status, labels and the archive flag");
    }
    Boolean archived = archiveFlag(result);
    if (!mutableStripped(emitted).equals(mutableStripped(result))) {
      throw new HttpError(
          Cause.IMMUTABLE_FIELD,
          "A patch may change only securityLabel, status and the PDSm_isArchived extension"
              + " (DOC-8)");
    }
    if (archived == null) {
      throw HttpError.badRequest(
          "The PDSm_isArchived extension must stay, with a boolean valueBoolean");
    }
    JsonNode status = result.get("status");
    if (status == null || !status.isTextual()) {
      throw HttpError.badRequest("Field DocumentReference.status is required");
    }
    String newStatus = status.asText();
    String oldStatus = emitted.path("status").asText();
    if (!newStatus.equals(oldStatus) && !newStatus.equals("entered-in-error")) {
      throw HttpError.badRequest(
          "status may only become entered-in-error (deletion, DOC-5); superseded comes only with a"
              + " replacement (DOC-3)");
    }
    Set<ConfidentialityLabel> labels =
        result.get("securityLabel") == null
            ? EnumSet.noneOf(ConfidentialityLabel.class)
            : DocumentReferenceReader.labels(result, "DocumentReference");
    return new Wanted(labels, newStatus, archived);
  }

  /**
   * The isArchived flag of a patched resource, or null if it is missing, repeated or not boolean.
   */
  private static @Nullable Boolean archiveFlag(ObjectNode resource) {
    JsonNode extensions = resource.get("extension");
    if (extensions == null || !extensions.isArray()) {
      return null;
    }
    Boolean flag = null;
    int found = 0;
    for (JsonNode extension : extensions) {
      if (Systems.IS_ARCHIVED.equals(extension.path("url").asText(null))) {
        found++;
        JsonNode value = extension.get("valueBoolean");
        flag = value != null && value.isBoolean() ? value.asBoolean() : null;
        if (extension.size() != 2) {
          flag = null;
        }
      }
    }
    return found == 1 ? flag : null;
  }

  /** The resource without what may change: securityLabel, status, the isArchived extension. */
  private static ObjectNode mutableStripped(ObjectNode resource) {
    ObjectNode copy = resource.deepCopy();
    copy.remove("securityLabel");
    copy.remove("status");
    JsonNode extensions = copy.get("extension");
    if (extensions instanceof ArrayNode array) {
      for (int i = array.size() - 1; i >= 0; i--) {
        if (Systems.IS_ARCHIVED.equals(array.get(i).path("url").asText(null))) {
          array.remove(i);
        }
      }
      if (array.isEmpty()) {
        copy.remove("extension");
      }
    }
    return copy;
  }
}
