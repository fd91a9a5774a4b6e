package io.mes4j.mockserver.internal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.dossier.PageCursors;
import io.mes4j.mockserver.internal.dossier.SearchInput;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.ProfileSection;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import io.mes4j.mockserver.internal.store.StoredProfileItem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * The medical profile (PRO-1, PRO-2): for each of its resource types, search ({@code POST
 * /fhir/<Type>/_search} or {@code GET /fhir/<Type>?…}), create ({@code POST /fhir/<Type>}), read
 * ({@code GET /fhir/<Type>/{id}}) and remove ({@code DELETE /fhir/<Type>/{id}}: the item becomes
 * {@code entered-in-error} and stays for history). Every call asks the policy decision point and
 * leaves a trace (AU-1), refusals included.
 */
public final class ProfileEndpoints {

  private final Engine engine;

  public ProfileEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    for (ProfileType type : ProfileType.values()) {
      String base = "/fhir/" + type.resourceType();
      router.add("GET", base, engine.protect(request -> search(request, type)));
      router.add("POST", base + "/_search", engine.protect(request -> search(request, type)));
      router.add("POST", base, engine.protect(request -> create(request, type)));
      router.add("GET", base + "/{id}", engine.protect(request -> read(request, type)));
      router.add("DELETE", base + "/{id}", engine.protect(request -> remove(request, type)));
    }
  }

  // PRO-2, DOC-7: read as the documents are read, at the level of the dossier.
  private Response search(Request request, ProfileType type) {
    requireJsonAccept(request);
    Map<String, List<String>> params = params(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    String caller = principal.kind() + "|" + principal.subject();
    PageCursors.Position<ProfileSearch> position =
        state
            .cursors()
            .position(
                params,
                ProfileSearch.class,
                s -> s.type() == type,
                caller,
                p -> ProfileSearch.parse(type, p));
    ProfileSearch search = position.search();
    int offset = position.offset();
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    PatientRecord patient = patient(state.store(), search.patient());
    Instant now = engine.clock().now();
    List<ObjectNode> page = new ArrayList<>();
    int total = 0;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      decide(
          state,
          patient,
          actor,
          mode,
          Action.READ_PROFILE,
          new Target.ProfileRead(type == ProfileType.OBSERVATION),
          null,
          now);
      // CAT-1: a paired service's MEASUREMENTS_READ covers measurements, not every Observation.
      boolean measurementsOnly = actor.is(Actor.Kind.SERVICE);
      List<StoredProfileItem> items = patient.profileItems();
      for (int i = items.size() - 1; i >= 0; i--) {
        StoredProfileItem item = items.get(i);
        if (item.removed()
            || !item.resourceType().equals(type.resourceType())
            || (measurementsOnly && item.section() != ProfileSection.MEASUREMENT)
            || (!search.codes().isEmpty() && !search.codes().contains(item.code()))) {
          continue;
        }
        if (total >= offset && page.size() < search.count()) {
          page.add(Json.parseObject(item.json().getBytes(StandardCharsets.UTF_8)));
        }
        total++;
      }
      AuditTrail.recordObject(state, now, patient, actor, Action.READ_PROFILE, mode, null, null);
    } finally {
      lock.unlock();
    }
    emergencyNotice(state, patient, actor, mode, now);
    String typeUrl = engine.fhirBase() + "/" + type.resourceType();
    PageCursors.Links links =
        state.cursors().links(typeUrl, position, search.count(), total, caller);
    return Response.fhir(
        200, FhirWriter.searchset(total, links.self(), links.next(), page, engine.fhirBase()));
  }

  // PRO-1, PRO-2: the holder and a minor's representative write everything, professionals add
  // vaccinations and measurements.
  private Response create(Request request, ProfileType type) {
    requireJsonAccept(request);
    request.requireJsonContent();
    ProfileReader.Parsed parsed = ProfileReader.read(type, Json.parseObject(request.body()));
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    Store store = state.store();
    PatientRecord patient = patient(store, parsed.patient());
    ObjectNode resource;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      decide(
          state,
          patient,
          actor,
          mode,
          Action.WRITE_PROFILE,
          new Target.ProfileChange(parsed.section(), false),
          null,
          now);
      String id = state.ids().next(type.idPrefix());
      resource = emitted(type, parsed, id, actor, now);
      StoredProfileItem item =
          new StoredProfileItem(
              id,
              type.resourceType(),
              parsed.section(),
              parsed.code(),
              store.nextSequence(),
              false,
              1,
              now,
              json(resource));
      patient.add(item);
      store.indexProfileItem(id, patient.ins().value());
      AuditTrail.recordObject(
          state, now, patient, actor, Action.WRITE_PROFILE, mode, object(type, id), null);
    } finally {
      lock.unlock();
    }
    return Response.fhir(201, resource)
        .header(
            "Location",
            engine.fhirBase()
                + "/"
                + type.resourceType()
                + "/"
                + resource.get("id").asText()
                + "/_history/1")
        .header("ETag", "W/\"1\"");
  }

  private Response read(Request request, ProfileType type) {
    requireJsonAccept(request);
    String id = request.pathParam("id");
    ServerState state = engine.state();
    PatientRecord patient = located(state.store(), id);
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    Instant now = engine.clock().now();
    StoredProfileItem item;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      item = item(patient, id, type);
      decide(
          state,
          patient,
          actor,
          mode,
          Action.READ_PROFILE,
          new Target.ProfileRead(item.section() == ProfileSection.MEASUREMENT),
          object(type, id),
          now);
      AuditTrail.recordObject(
          state, now, patient, actor, Action.READ_PROFILE, mode, object(type, id), null);
    } finally {
      lock.unlock();
    }
    emergencyNotice(state, patient, actor, mode, now);
    return Response.fhir(200, Json.parseObject(item.json().getBytes(StandardCharsets.UTF_8)))
        .header("ETag", "W/\"" + item.version() + "\"");
  }

  // PRO-1: removal by the holder only; the item stays, entered-in-error, for history.
  private Response remove(Request request, ProfileType type) {
    String id = request.pathParam("id");
    ServerState state = engine.state();
    PatientRecord patient = located(state.store(), id);
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      StoredProfileItem item = item(patient, id, type);
      decide(
          state,
          patient,
          actor,
          mode,
          Action.REMOVE_PROFILE,
          new Target.ProfileChange(item.section(), true),
          object(type, id),
          now);
      if (!item.removed()) {
        ObjectNode resource = Json.parseObject(item.json().getBytes(StandardCharsets.UTF_8));
        markEnteredInError(type, resource);
        int version = item.version() + 1;
        ObjectNode meta = (ObjectNode) resource.get("meta");
        meta.put("versionId", Integer.toString(version));
        meta.put("lastUpdated", now.toString());
        patient.replace(
            new StoredProfileItem(
                item.id(),
                item.resourceType(),
                item.section(),
                item.code(),
                item.seq(),
                true,
                version,
                now,
                json(resource)));
      }
      AuditTrail.recordObject(
          state, now, patient, actor, Action.REMOVE_PROFILE, mode, object(type, id), null);
    } finally {
      lock.unlock();
    }
    return Response.empty(204);
  }

  /** Asks the policy; a refusal is traced (AU-1) and thrown. Call under the record's lock. */
  private void decide(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Mode mode,
      Action action,
      Target target,
      @Nullable String object,
      Instant now) {
    engine.require(state, actor, action, target, patient, mode, now, object);
  }

  private static void emergencyNotice(
      ServerState state, PatientRecord patient, Actor actor, Mode mode, Instant now) {
    // AU-3, DOC-7: an emergency read is notified to the holder and the médecin traitant.
    if (mode.isEmergency() && actor.is(Actor.Kind.PROFESSIONAL)) {
      Notices.emergencyAccess(state.outbox(), patient, actor, mode, now);
    }
  }

  /**
   * The resource as stored and emitted: what the client sent, checked, and what the server sets.
   */
  private static ObjectNode emitted(
      ProfileType type, ProfileReader.Parsed parsed, String id, Actor actor, Instant now) {
    ObjectNode out = Json.object();
    out.put("resourceType", type.resourceType());
    out.put("id", id);
    ObjectNode meta = out.putObject("meta");
    meta.put("versionId", "1");
    meta.put("lastUpdated", now.toString());
    ObjectNode recordedBy = out.putArray("extension").addObject();
    recordedBy.put("url", ProfileCodes.RECORDED_BY);
    recordedBy.set("valueReference", recorder(actor));
    parsed
        .resource()
        .fields()
        .forEachRemaining(
            field -> {
              if (!field.getKey().equals("resourceType")) {
                out.set(field.getKey(), field.getValue());
              }
            });
    boolean professional = actor.is(Actor.Kind.PROFESSIONAL);
    switch (type) {
      case CONDITION, ALLERGY_INTOLERANCE -> {
        out.put("recordedDate", now.toString());
        out.set("recorder", recorder(actor));
        out.set("asserter", recorder(actor));
      }
      case MEDICATION_STATEMENT -> {
        out.put("dateAsserted", now.toString());
        out.set("informationSource", recorder(actor));
      }
      case IMMUNIZATION -> {
        out.put("recorded", now.toString());
        out.put("primarySource", professional);
        if (professional) {
          out.putArray("performer").addObject().set("actor", recorder(actor));
        } else {
          out.putObject("reportOrigin")
              .putArray("coding")
              .add(FhirWriter.coding(ProfileCodes.IMMUNIZATION_ORIGIN, "record", null));
        }
      }
      case OBSERVATION -> {
        if (!out.has("effectiveDateTime")) {
          out.put("effectiveDateTime", now.toString());
        }
        out.put("issued", now.toString());
        out.putArray("performer").add(recorder(actor));
      }
      case FAMILY_MEMBER_HISTORY -> out.put("date", now.toString());
    }
    return out;
  }

  private static void markEnteredInError(ProfileType type, ObjectNode resource) {
    switch (type) {
      case CONDITION -> {
        // con-5: no clinicalStatus on an entered-in-error condition.
        resource.remove("clinicalStatus");
        resource.set(
            "verificationStatus",
            codeable(ProfileCodes.CONDITION_VERIFICATION, "entered-in-error"));
      }
      case ALLERGY_INTOLERANCE -> {
        // ait-2: no clinicalStatus on an entered-in-error allergy.
        resource.remove("clinicalStatus");
        resource.set(
            "verificationStatus", codeable(ProfileCodes.ALLERGY_VERIFICATION, "entered-in-error"));
      }
      default -> resource.put("status", "entered-in-error");
    }
  }

  private static ObjectNode codeable(String system, String code) {
    ObjectNode concept = Json.object();
    concept.putArray("coding").add(FhirWriter.coding(system, code, null));
    return concept;
  }

  private static JsonNode recorder(Actor actor) {
    return FhirWriter.identifierReference(actor.system(), actor.id());
  }

  /** The object of a trace: {@code <Type>/<id>}. */
  private static String object(ProfileType type, String id) {
    return type.resourceType() + "/" + id;
  }

  private static String json(ObjectNode resource) {
    return new String(Json.bytes(resource), StandardCharsets.UTF_8);
  }

  private static PatientRecord patient(Store store, Ins ins) {
    return store
        .patient(ins.value())
        .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
  }

  private static PatientRecord located(Store store, String id) {
    return store
        .profileItem(id)
        .flatMap(store::patient)
        .orElseThrow(() -> HttpError.notFound("Not found"));
  }

  private static StoredProfileItem item(PatientRecord patient, String id, ProfileType type) {
    StoredProfileItem item = patient.profileItem(id);
    if (item == null || !item.resourceType().equals(type.resourceType())) {
      throw HttpError.notFound("Not found");
    }
    return item;
  }

  private static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }

  /** The query string, plus the form body of a {@code POST _search} (FHIR search via POST). */
  private static Map<String, List<String>> params(Request request) {
    return SearchInput.params(request);
  }

  /** An INS from a {@code <system>|<value>} token (ID-1): a 400 {@code invalid-ins} if wrong. */
  static Ins ins(String system, String value) {
    InsSystem insSystem;
    try {
      insSystem = InsSystem.fromUri(system);
    } catch (InvalidValueException e) {
      throw new HttpError(
          Cause.INVALID_INS,
          "The INS identifier system must be one of the NIR, NIA, test NIR or demo NIR OIDs");
    }
    try {
      return Ins.of(value, insSystem);
    } catch (InvalidValueException e) {
      throw new HttpError(Cause.INVALID_INS, e.getMessage());
    }
  }
}
