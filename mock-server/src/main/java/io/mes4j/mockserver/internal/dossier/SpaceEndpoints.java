package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
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
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.SpaceContext;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.Attachment;
import io.mes4j.mockserver.internal.store.Invitation;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * The space's lifecycle on the wire (ES-1 to ES-6): the status for an INS as PDSM4DMP's TD0.2 has
 * it ({@code POST /fhir/Patient/_search}, a {@code Patient} with the space's extensions), the
 * holder's transitions and the minors' attachments and invitations as {@code Patient} operations
 * with {@code Parameters} bodies. The INS is always in a body, never in a URL.
 */
public final class SpaceEndpoints {
  /** The extensions of the space on {@code Patient}. */
  public static final String EXT = "https://mes4j.io/fhir/StructureDefinition/";

  public static final String SPACE_STATE_SYSTEM = "https://mes4j.io/fhir/CodeSystem/space-state";

  private static final String BASE = "/fhir/Patient";

  private final Engine engine;

  public SpaceEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("POST", BASE + "/_search", engine.protect(this::status));
    router.add("GET", BASE, engine.protect(this::status));
    router.add(
        "POST", BASE + "/$activate", engine.protect(r -> transition(r, Action.ACTIVATE_SPACE)));
    router.add("POST", BASE + "/$oppose", engine.protect(r -> transition(r, Action.OPPOSE_SPACE)));
    router.add("POST", BASE + "/$close", engine.protect(r -> transition(r, Action.CLOSE_SPACE)));
    router.add("POST", BASE + "/$reopen", engine.protect(r -> transition(r, Action.REOPEN_SPACE)));
    router.add("POST", BASE + "/$delete", engine.protect(r -> transition(r, Action.DELETE_SPACE)));
    router.add("POST", BASE + "/$attach-minor", engine.protect(r -> attachment(r, false)));
    router.add("POST", BASE + "/$record-agreement", engine.protect(r -> attachment(r, true)));
    router.add("POST", BASE + "/$invite-representative", engine.protect(this::invite));
    router.add("POST", BASE + "/$accept-invitation", engine.protect(r -> answer(r, true)));
    router.add("POST", BASE + "/$refuse-invitation", engine.protect(r -> answer(r, false)));
    router.add("POST", BASE + "/$invitations", engine.protect(this::invitations));
  }

  // ES-1, ES-4 (TD0.2): the status for an INS

  private Response status(Request request) {
    requireJsonAccept(request);
    SearchInput input = SearchInput.of(request);
    input.requireKnown(Set.of("identifier"));
    Ins ins = Identifiers.fromToken(input.one("identifier"), "identifier");
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    Optional<PatientRecord> found = state.store().patient(ins.value());
    List<ObjectNode> entries = new ArrayList<>();
    if (found.isPresent()) {
      PatientRecord patient = found.get();
      Lock lock = patient.lock().writeLock(); // the resource id may be assigned
      lock.lock();
      try {
        Instant now = engine.clock().now();
        SpaceContext context = Engine.context(actor, patient, now);
        Decision decision = decide(actor, Action.READ_SPACE_STATUS, context, patient, mode, now);
        if (!decision.permitted()) {
          AuditTrail.recordObject(
              state,
              now,
              patient,
              actor,
              Action.READ_SPACE_STATUS,
              mode,
              null,
              decision.denyCause());
          throw new HttpError(decision.denyCause(), decision.message());
        }
        if (patient.resourceId() == null) {
          patient.resourceId(state.ids().next("pat-"));
        }
        entries.add(patientResource(patient, context));
        AuditTrail.recordObject(
            state, now, patient, actor, Action.READ_SPACE_STATUS, mode, null, null);
      } finally {
        lock.unlock();
      }
    } else if (!actor.is(Actor.Kind.PROFESSIONAL) && !actor.is(Actor.Kind.ESTABLISHMENT)) {
      throw new HttpError(Cause.FORBIDDEN, "This actor may not read this space's status");
    }
    // TD0.2: a searchset Bundle, 0 entries when the INS has no space at all.
    ObjectNode bundle = Json.object();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "searchset");
    bundle.put("total", entries.size());
    bundle
        .putArray("link")
        .addObject()
        .put("relation", "self")
        .put("url", engine.fhirBase() + BASE.substring(5));
    if (!entries.isEmpty()) {
      ArrayNode array = bundle.putArray("entry");
      for (ObjectNode resource : entries) {
        ObjectNode entry = array.addObject();
        entry.put("fullUrl", engine.fhirBase() + "/Patient/" + resource.get("id").asText());
        entry.set("resource", resource);
        entry.putObject("search").put("mode", "match");
      }
    }
    return Response.fhir(200, bundle);
  }

  private static ObjectNode patientResource(PatientRecord patient, SpaceContext context) {
    ObjectNode resource = Json.object();
    resource.put("resourceType", "Patient");
    resource.put("id", patient.resourceId());
    resource
        .putObject("meta")
        .putArray("profile")
        .add("https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-patient");
    ArrayNode extensions = resource.putArray("extension");
    SpaceState state = patient.state();
    extensions.addObject().put("url", EXT + "space-state").put("valueCode", state.name());
    boolean authorised =
        context.holder()
            || context.representative()
            || (!context.blocked()
                && (context.authorised() || context.medecinTraitant() || context.sameRights()));
    extensions
        .addObject()
        .put("url", EXT + "space-caller-authorised")
        .put("valueBoolean", authorised);
    extensions
        .addObject()
        .put("url", EXT + "space-caller-medecin-traitant")
        .put("valueBoolean", context.medecinTraitant());
    Instant announced = patient.announcedAt();
    if (state == SpaceState.PENDING && announced != null) {
      extensions
          .addObject()
          .put("url", EXT + "space-opposition-window-end")
          .put(
              "valueDateTime",
              announced
                  .atZone(ZoneOffset.UTC)
                  .plus(SpaceLifecycle.OPPOSITION_WINDOW)
                  .toInstant()
                  .toString());
    }
    Instant closed = patient.closedAt();
    if (state == SpaceState.CLOSED && closed != null) {
      extensions
          .addObject()
          .put("url", EXT + "space-closed")
          .put("valueDateTime", closed.toString());
      extensions
          .addObject()
          .put("url", EXT + "space-archive-end")
          .put(
              "valueDateTime",
              closed.atZone(ZoneOffset.UTC).plus(SpaceLifecycle.ARCHIVE).toInstant().toString());
    }
    resource
        .putArray("identifier")
        .addObject()
        .put("use", "official")
        .put("system", patient.ins().system().uri())
        .put("value", patient.ins().value());
    resource.put("active", state == SpaceState.ACTIVE);
    resource.put("gender", "F".equals(patient.sex()) ? "female" : "male");
    resource.put("birthDate", patient.birthDate().toString());
    return resource;
  }

  // ES-1 to ES-5: the holder's transitions

  private Response transition(Request request, Action action) {
    Call call = call(request);
    JsonNode parameters = call.parameters();
    Ins ins = patientParameter(parameters, "patient", call.actor());
    boolean deleteData = false;
    if (action == Action.CLOSE_SPACE) {
      JsonNode value = value(parameters, "deleteData", "valueBoolean");
      if (value != null && !value.isBoolean()) {
        throw HttpError.badRequest("Parameter deleteData must be a valueBoolean");
      }
      deleteData = value != null && value.booleanValue();
    }
    ServerState state = call.state();
    PatientRecord patient = patient(state, ins);
    SpaceState from;
    SpaceState to;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      authorise(call, action, patient, now);
      from = patient.state();
      to =
          engine
              .spaces()
              .transition(state, patient, call.actor(), action, call.mode(), now, deleteData);
    } finally {
      lock.unlock();
    }
    ObjectNode out = parametersResource();
    param(out, "state").put("valueCode", to.name());
    param(out, "previousState").put("valueCode", from.name());
    return Response.fhir(200, out);
  }

  // ES-6: minors

  private Response attachment(Request request, boolean agreement) {
    Call call = call(request);
    Ins minorIns = requiredIdentifier(call.parameters(), "minor");
    ServerState state = call.state();
    PatientRecord minor = patient(state, minorIns);
    Action action = agreement ? Action.RECORD_AGREEMENT : Action.ATTACH_MINOR;
    Attachment attachment;
    Lock lock = minor.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      authorise(call, action, minor, now);
      attachment =
          agreement
              ? engine.spaces().recordAgreement(state, minor, call.actor(), call.mode(), now)
              : engine.spaces().attach(state, minor, call.actor(), call.mode(), now);
    } finally {
      lock.unlock();
    }
    ObjectNode out = parametersResource();
    param(out, "attachment").put("valueCode", attachment.status().name());
    return Response.fhir(200, out);
  }

  private Response invite(Request request) {
    Call call = call(request);
    Ins minorIns = requiredIdentifier(call.parameters(), "minor");
    Ins invitee = requiredIdentifier(call.parameters(), "invitee");
    ServerState state = call.state();
    PatientRecord minor = patient(state, minorIns);
    Invitation invitation;
    Lock lock = minor.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      authorise(call, Action.INVITE_REPRESENTATIVE, minor, now);
      invitation = engine.spaces().invite(state, minor, call.actor(), invitee, call.mode(), now);
    } finally {
      lock.unlock();
    }
    ObjectNode out = parametersResource();
    invitation(out, invitation, minor.ins());
    return Response.fhir(200, out);
  }

  private Response answer(Request request, boolean accept) {
    Call call = call(request);
    JsonNode id = value(call.parameters(), "invitation", "valueString");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw HttpError.badRequest(
          "Parameter invitation (valueString, the invitation's id) is required");
    }
    ServerState state = call.state();
    PatientRecord minor =
        state
            .store()
            .invitationPatient(id.asText())
            .flatMap(state.store()::patient)
            .orElseThrow(() -> HttpError.notFound("Not found"));
    Action action = accept ? Action.ACCEPT_INVITATION : Action.REFUSE_INVITATION;
    Invitation answered;
    Lock lock = minor.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Invitation invitation = minor.invitation(id.asText());
      // Only the invitee may learn the invitation exists.
      if (invitation == null
          || !call.actor().is(Actor.Kind.PATIENT)
          || !invitation.invitee().equals(call.actor().id())) {
        throw HttpError.notFound("Not found");
      }
      authorise(call, action, minor, now);
      answered =
          engine.spaces().answer(state, minor, invitation, call.actor(), accept, call.mode(), now);
    } finally {
      lock.unlock();
    }
    ObjectNode out = parametersResource();
    invitation(out, answered, minor.ins());
    return Response.fhir(200, out);
  }

  private Response invitations(Request request) {
    Call call = call(request);
    Ins minorIns = requiredIdentifier(call.parameters(), "minor");
    ServerState state = call.state();
    PatientRecord minor = patient(state, minorIns);
    ObjectNode out = parametersResource();
    Lock lock = minor.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      authorise(call, Action.SEARCH_INVITATIONS, minor, now);
      for (Invitation invitation : minor.invitations()) {
        invitation(out, invitation, minor.ins());
      }
      AuditTrail.recordObject(
          state, now, minor, call.actor(), Action.SEARCH_INVITATIONS, call.mode(), null, null);
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, out);
  }

  // Shared

  private record Call(ServerState state, Actor actor, Mode mode, JsonNode parameters) {}

  private Call call(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    if (!"Parameters".equals(Fields.optionalText(body, "resourceType", "resourceType"))) {
      throw HttpError.badRequest("The body must be a FHIR Parameters resource");
    }
    Fields.optionalArray(body, "parameter", "Parameters.parameter");
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    return new Call(state, engine.actor(principal, state), principal.mode(), body);
  }

  /** Asks the policy decision point and traces a refusal (call under the record's lock). */
  private void authorise(Call call, Action action, PatientRecord patient, Instant now) {
    SpaceContext context = Engine.context(call.actor(), patient, now);
    Decision decision = decide(call.actor(), action, context, patient, call.mode(), now);
    if (!decision.permitted()) {
      AuditTrail.recordObject(
          call.state(),
          now,
          patient,
          call.actor(),
          action,
          call.mode(),
          null,
          decision.denyCause());
      throw new HttpError(decision.denyCause(), decision.message());
    }
  }

  private Decision decide(
      Actor actor,
      Action action,
      SpaceContext context,
      PatientRecord patient,
      Mode mode,
      Instant now) {
    return engine
        .policy()
        .decide(actor, action, Target.SPACE, context, patient.settings(), mode, now);
  }

  private static PatientRecord patient(ServerState state, Ins ins) {
    return state
        .store()
        .patient(ins.value())
        .orElseThrow(() -> HttpError.notFound("No space for this INS"));
  }

  /** The {@code patient} parameter, or the caller's own INS when a patient omits it. */
  private static Ins patientParameter(JsonNode parameters, String name, Actor actor) {
    JsonNode identifier = value(parameters, name, "valueIdentifier");
    if (identifier == null) {
      if (actor.is(Actor.Kind.PATIENT)) {
        return Identifiers.ins(actor.system(), actor.id());
      }
      throw HttpError.badRequest("Parameter " + name + " (valueIdentifier, an INS) is required");
    }
    return identifier(identifier, name);
  }

  private static Ins requiredIdentifier(JsonNode parameters, String name) {
    JsonNode identifier = value(parameters, name, "valueIdentifier");
    if (identifier == null) {
      throw HttpError.badRequest("Parameter " + name + " (valueIdentifier, an INS) is required");
    }
    return identifier(identifier, name);
  }

  private static Ins identifier(JsonNode identifier, String name) {
    if (!identifier.isObject()) {
      throw HttpError.badRequest("Parameter " + name + ".valueIdentifier must be an Identifier");
    }
    return Identifiers.ins(
        Fields.optionalText(identifier, "system", name + ".valueIdentifier.system"),
        Fields.text(identifier, "value", name + ".valueIdentifier.value"));
  }

  /** The value {@code valueField} of the parameter {@code name}; null if absent. */
  private static @Nullable JsonNode value(JsonNode parameters, String name, String valueField) {
    JsonNode list = parameters.get("parameter");
    if (list == null) {
      return null;
    }
    JsonNode found = null;
    for (JsonNode parameter : list) {
      if (!parameter.isObject()) {
        throw HttpError.badRequest("Each Parameters.parameter must be an object");
      }
      if (name.equals(parameter.path("name").asText(null))) {
        if (found != null) {
          throw HttpError.badRequest("Parameter " + name + " is repeated");
        }
        found = parameter.get(valueField);
        if (found == null) {
          throw HttpError.badRequest("Parameter " + name + " must have " + valueField);
        }
      }
    }
    return found;
  }

  private static ObjectNode parametersResource() {
    ObjectNode out = Json.object();
    out.put("resourceType", "Parameters");
    out.putArray("parameter");
    return out;
  }

  private static ObjectNode param(ObjectNode parameters, String name) {
    return ((ArrayNode) parameters.get("parameter")).addObject().put("name", name);
  }

  private static void invitation(ObjectNode out, Invitation invitation, Ins minor) {
    ArrayNode parts = param(out, "invitation").putArray("part");
    parts.addObject().put("name", "id").put("valueString", invitation.id());
    ObjectNode minorPart = parts.addObject().put("name", "minor");
    minorPart
        .putObject("valueIdentifier")
        .put("system", minor.system().uri())
        .put("value", minor.value());
    ObjectNode invitee = parts.addObject().put("name", "invitee");
    invitee
        .putObject("valueIdentifier")
        .put("system", invitation.inviteeSystem())
        .put("value", invitation.invitee());
    parts.addObject().put("name", "status").put("valueCode", invitation.status().name());
    parts.addObject().put("name", "sent").put("valueDateTime", invitation.sentAt().toString());
    parts
        .addObject()
        .put("name", "expires")
        .put("valueDateTime", invitation.expiresAt().toString());
  }

  private static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }
}
