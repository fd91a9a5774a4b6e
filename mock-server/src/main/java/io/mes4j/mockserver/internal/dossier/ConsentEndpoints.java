package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.catalogue.PairingConsents;
import io.mes4j.mockserver.internal.catalogue.PairingOperations;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.SpaceContext;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.ConsentBook;
import io.mes4j.mockserver.internal.store.ConsentRecord;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * Consent and access management (CON-1 to CON-5, DOC-1) as FHIR {@code Consent} resources: create
 * ({@code POST /fhir/Consent}), search ({@code POST /fhir/Consent/_search} or {@code GET
 * /fhir/Consent}, paged by opaque cursors), read ({@code GET /fhir/Consent/{id}}) and revoke
 * ({@code DELETE /fhir/Consent/{id}}: the consent becomes inactive and stays, for history).
 *
 * <p>The input is read in full before any state is touched (a 400 changes nothing); the policy
 * decision point decides; every call is traced (AU-1), refusals included. A change takes effect on
 * the very next call: the record's views that reads consult are updated under its write lock.
 */
public final class ConsentEndpoints {
  private static final Set<String> KNOWN =
      Set.of("patient.identifier", "category", "status", "actor.identifier", "_count");
  private static final int DEFAULT_COUNT = 20;
  private static final int MAX_COUNT = 100;

  /** A parsed consent search, kept by a page cursor for the next pages. */
  private record ConsentSearch(
      Ins patient,
      Set<ConsentCategory> categories,
      @Nullable Boolean active,
      @Nullable String professional,
      int count) {
    ConsentSearch {
      categories = Set.copyOf(categories);
    }

    boolean matches(ConsentRecord consent) {
      return (categories.isEmpty() || categories.contains(consent.category()))
          && (active == null || consent.active() == active)
          && (professional == null || professional.equals(consent.professionalId()));
    }

    static ConsentSearch parse(SearchInput input) {
      input.requireKnown(KNOWN);
      Ins ins = Identifiers.fromToken(input.one("patient.identifier"), "patient.identifier");
      Set<ConsentCategory> categories = EnumSet.noneOf(ConsentCategory.class);
      for (String value : input.all("category")) {
        for (String token : value.split(",", -1)) {
          categories.add(category(stripSystem(token.strip(), ConsentCategory.SYSTEM)));
        }
      }
      Boolean active = null;
      String status = input.one("status");
      if (status != null) {
        Set<String> statuses = new HashSet<>(List.of(status.split(",", -1)));
        for (String s : statuses) {
          if (!s.equals("active") && !s.equals("inactive")) {
            throw HttpError.badRequest("status must be active, inactive, or both");
          }
        }
        active = statuses.size() == 2 ? null : statuses.contains("active");
      }
      String actor = input.one("actor.identifier");
      String professional =
          actor == null
              ? null
              : ConsentEndpoints.professional(stripSystem(actor, ProfessionalId.SYSTEM));
      return new ConsentSearch(
          ins, categories, active, professional, ConsentEndpoints.count(input.one("_count")));
    }
  }

  /** What a create asks for, read and checked in full before anything changes. */
  private record ConsentInput(
      Ins patient, ConsentCategory category, @Nullable String professional, boolean permit) {}

  private final Engine engine;

  public ConsentEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("POST", "/fhir/Consent", engine.protect(this::create));
    router.add("GET", "/fhir/Consent", engine.protect(this::search));
    // FHIR search via POST: the INS stays out of URLs.
    router.add("POST", "/fhir/Consent/_search", engine.protect(this::search));
    router.add("GET", "/fhir/Consent/{id}", engine.protect(this::read));
    router.add("DELETE", "/fhir/Consent/{id}", engine.protect(this::revoke));
    // CAT-3, ES-6: a pairing's finality withdrawn, a pairing approved again at 18.
    PairingOperations pairings = new PairingOperations(engine);
    for (String dollar : new String[] {"$", "%24"}) {
      router.add(
          "POST",
          "/fhir/Consent/{id}/" + dollar + "withdraw-finality",
          engine.protect(pairings::withdrawFinality));
      router.add(
          "POST",
          "/fhir/Consent/{id}/" + dollar + "reapprove",
          engine.protect(pairings::reapprove));
    }
  }

  // CON-1 to CON-5, DOC-1
  private Response create(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    ConsentInput input = readInput(Json.parseObject(request.body()), actor, state);
    Mode mode = principal.mode();
    PatientRecord patient = patient(state.store(), input.patient());
    Action action =
        input.category() == ConsentCategory.AUTHORISATION
            ? Action.DECLARE_AUTHORISATION
            : Action.MANAGE_CONSENT;
    ConsentRecord answered;
    boolean created;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Decision decision =
          decide(
              actor,
              action,
              new Target.Consent(input.category(), input.professional()),
              patient,
              mode,
              now);
      if (!decision.permitted()) {
        AuditTrail.recordObject(
            state, now, patient, actor, action, mode, null, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      ConsentRecord existing = ConsentBook.active(patient, input.category(), input.professional());
      if (existing != null
          && existing.permit() == input.permit()
          && equal(existing.professionalId(), input.professional())) {
        // The same consent is already in force: nothing new is stored.
        answered = existing;
        created = false;
      } else {
        answered =
            new ConsentRecord(
                state.ids().next("cons-"),
                input.category(),
                input.professional(),
                input.permit(),
                true,
                now,
                actor.system(),
                actor.id(),
                1,
                now);
        ConsentBook.record(state.store(), patient, answered);
        created = true;
      }
      AuditTrail.recordObject(
          state, now, patient, actor, action, mode, "Consent/" + answered.id(), null);
    } finally {
      lock.unlock();
    }
    Response response =
        Response.fhir(created ? 201 : 200, PairingConsents.render(state, answered, patient.ins()))
            .header("ETag", "W/\"" + answered.version() + "\"");
    if (created) {
      response.header("Location", engine.fhirBase() + "/Consent/" + answered.id() + "/_history/1");
    }
    return response;
  }

  private static ConsentInput readInput(ObjectNode consent, Actor actor, ServerState state) {
    if (!"Consent".equals(Fields.optionalText(consent, "resourceType", "Consent.resourceType"))) {
      throw HttpError.badRequest("Field Consent.resourceType must be Consent");
    }
    String status = Fields.optionalText(consent, "status", "Consent.status");
    if (status != null && !status.equals("active")) {
      throw HttpError.badRequest("Field Consent.status must be active (revoke with DELETE)");
    }
    ConsentCategory category = readCategory(consent);
    if (category == ConsentCategory.PAIRING) {
      throw HttpError.badRequest("pairings are made through /oauth2/authorize (CAT-2)");
    }
    Ins patient =
        Identifiers.fromReference(
            Fields.object(consent, "patient", "Consent.patient"), "Consent.patient");
    ObjectNode provision = Fields.optionalObject(consent, "provision", "Consent.provision");
    String type =
        provision == null ? null : Fields.optionalText(provision, "type", "Consent.provision.type");
    if (type != null && !type.equals("permit") && !type.equals("deny")) {
      throw HttpError.badRequest("Field Consent.provision.type must be permit or deny");
    }
    boolean permit;
    Boolean fixed = category.fixedPermit();
    if (fixed != null) {
      if (type != null && fixed != type.equals("permit")) {
        throw HttpError.badRequest(
            "A consent of category "
                + category.code()
                + " is a "
                + (fixed ? "permit" : "deny")
                + ": Consent.provision.type must be "
                + (fixed ? "permit" : "deny"));
      }
      permit = fixed;
    } else {
      if (type == null) {
        throw HttpError.badRequest(
            "Missing field Consent.provision.type (permit or deny) for a "
                + category.code()
                + " setting");
      }
      permit = type.equals("permit");
    }
    ArrayNode actors =
        provision == null
            ? null
            : Fields.optionalArray(provision, "actor", "Consent.provision.actor");
    String professional = null;
    if (category.aboutProfessional()) {
      if (actors == null || actors.isEmpty()) {
        if (category == ConsentCategory.AUTHORISATION && actor.is(Actor.Kind.PROFESSIONAL)) {
          // A professional declaring the holder's consent names themself by default (CON-1).
          professional = actor.id();
        } else {
          throw HttpError.badRequest(
              "Missing field Consent.provision.actor[0].reference: the professional concerned");
        }
      } else {
        if (actors.size() > 1) {
          throw HttpError.badRequest("Field Consent.provision.actor must name one professional");
        }
        professional = readProfessional(Fields.element(actors, 0, "Consent.provision.actor"));
      }
      if (state.store().directory().professional(professional).isEmpty()) {
        throw HttpError.badRequest("Consent.provision.actor[0]: unknown professional");
      }
    } else if (actors != null && !actors.isEmpty()) {
      throw HttpError.badRequest(
          "A "
              + category.code()
              + " setting names no professional: remove Consent.provision.actor");
    }
    return new ConsentInput(patient, category, professional, permit);
  }

  private static ConsentCategory readCategory(ObjectNode consent) {
    ArrayNode categories = Fields.array(consent, "category", "Consent.category");
    ConsentCategory found = null;
    for (int i = 0; i < categories.size(); i++) {
      String path = "Consent.category[" + i + "]";
      ObjectNode concept = Fields.element(categories, i, "Consent.category");
      ArrayNode codings = Fields.optionalArray(concept, "coding", path + ".coding");
      if (codings == null) {
        continue;
      }
      for (int j = 0; j < codings.size(); j++) {
        String at = path + ".coding[" + j + "]";
        ObjectNode coding = Fields.element(codings, j, path + ".coding");
        if (!ConsentCategory.SYSTEM.equals(Fields.optionalText(coding, "system", at + ".system"))) {
          continue;
        }
        ConsentCategory category = category(Fields.text(coding, "code", at + ".code"));
        if (found != null && found != category) {
          throw HttpError.badRequest("Field Consent.category gives two categories");
        }
        found = category;
      }
    }
    if (found == null) {
      throw HttpError.badRequest(
          "Field Consent.category must hold a coding of system " + ConsentCategory.SYSTEM);
    }
    return found;
  }

  private static String readProfessional(ObjectNode actor) {
    String path = "Consent.provision.actor[0].reference";
    JsonNode identifier =
        Fields.object(Fields.object(actor, "reference", path), "identifier", path + ".identifier");
    String system = Fields.text(identifier, "system", path + ".identifier.system");
    if (!ProfessionalId.SYSTEM.equals(system)) {
      throw HttpError.badRequest(
          "Field " + path + ".identifier.system must be " + ProfessionalId.SYSTEM + " (idNat_PS)");
    }
    return professional(Fields.text(identifier, "value", path + ".identifier.value"));
  }

  private Response search(Request request) {
    requireJsonAccept(request);
    SearchInput input = SearchInput.of(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    String caller = caller(principal);
    PageCursors.Position<ConsentSearch> position =
        state.cursors().position(input, ConsentSearch.class, caller, ConsentSearch::parse);
    ConsentSearch search = position.search();
    int offset = position.offset();
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    PatientRecord patient = patient(state.store(), search.patient());
    int total = 0;
    List<ObjectNode> page = new ArrayList<>();
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Decision decision =
          decide(
              actor,
              Action.SEARCH_CONSENTS,
              new Target.Consents(search.categories()),
              patient,
              mode,
              now);
      if (!decision.permitted()) {
        AuditTrail.recordObject(
            state, now, patient, actor, Action.SEARCH_CONSENTS, mode, null, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      List<ConsentRecord> consents = patient.consents();
      for (int i = consents.size() - 1; i >= 0; i--) {
        ConsentRecord consent = consents.get(i);
        if (!search.matches(consent)) {
          continue;
        }
        Decision visible =
            decide(
                actor,
                Action.SEARCH_CONSENTS,
                new Target.Consent(consent.category(), consent.professionalId()),
                patient,
                mode,
                now);
        if (!visible.permitted()) {
          continue;
        }
        if (total >= offset && page.size() < search.count()) {
          page.add(PairingConsents.render(state, consent, patient.ins()));
        }
        total++;
      }
      AuditTrail.recordObject(state, now, patient, actor, Action.SEARCH_CONSENTS, mode, null, null);
    } finally {
      lock.unlock();
    }
    PageCursors.Links links =
        state
            .cursors()
            .links(engine.fhirBase() + "/Consent", position, search.count(), total, caller);
    return Response.fhir(
        200, FhirWriter.searchset(total, links.self(), links.next(), page, engine.fhirBase()));
  }

  private Response read(Request request) {
    requireJsonAccept(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String id = request.pathParam("id");
    PatientRecord patient = patientOfConsent(state.store(), id);
    ConsentRecord consent;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      consent = consentOrNotFound(patient, id);
      Instant now = engine.clock().now();
      Decision decision =
          decide(
              actor,
              Action.READ_CONSENT,
              new Target.Consent(consent.category(), consent.professionalId()),
              patient,
              mode,
              now);
      AuditTrail.recordObject(
          state,
          now,
          patient,
          actor,
          Action.READ_CONSENT,
          mode,
          "Consent/" + id,
          decision.permitted() ? null : decision.denyCause());
      if (!decision.permitted()) {
        throw new HttpError(decision.denyCause(), decision.message());
      }
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, PairingConsents.render(state, consent, patient.ins()))
        .header("ETag", "W/\"" + consent.version() + "\"");
  }

  // CON-1: revocation takes effect on the next call; the consent stays, inactive.
  private Response revoke(Request request) {
    requireJsonAccept(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String id = request.pathParam("id");
    PatientRecord patient = patientOfConsent(state.store(), id);
    ConsentRecord revoked;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      ConsentRecord consent = consentOrNotFound(patient, id);
      Instant now = engine.clock().now();
      Target target = new Target.Consent(consent.category(), consent.professionalId());
      // CAT-3: withdrawing a pairing is traced as such; its tokens are refused from the next call.
      boolean pairing = consent.category() == ConsentCategory.PAIRING;
      Action revocation = pairing ? Action.WITHDRAW_PAIRING : Action.REVOKE_CONSENT;
      // What the caller may not see is not found, as for a read; then the revocation itself.
      Decision decision = decide(actor, Action.READ_CONSENT, target, patient, mode, now);
      if (decision.permitted()) {
        decision = decide(actor, revocation, target, patient, mode, now);
      }
      if (!decision.permitted()) {
        AuditTrail.recordObject(
            state, now, patient, actor, revocation, mode, "Consent/" + id, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      boolean wasActive = consent.active();
      revoked = ConsentBook.deactivate(patient, consent, now);
      AuditTrail.recordObject(state, now, patient, actor, revocation, mode, "Consent/" + id, null);
      if (pairing && wasActive) {
        PairingOperations.withdrawn(state, patient, id, now);
      }
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, PairingConsents.render(state, revoked, patient.ins()))
        .header("ETag", "W/\"" + revoked.version() + "\"");
  }

  /** Asks the policy decision point (call under the record's lock). */
  private Decision decide(
      Actor actor, Action action, Target target, PatientRecord patient, Mode mode, Instant now) {
    SpaceContext context = Engine.context(actor, patient, now);
    return engine.policy().decide(actor, action, target, context, patient.settings(), mode, now);
  }

  private static PatientRecord patient(Store store, Ins ins) {
    return store
        .patient(ins.value())
        .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
  }

  private static PatientRecord patientOfConsent(Store store, String id) {
    return store
        .consentPatient(id)
        .flatMap(store::patient)
        .orElseThrow(() -> HttpError.notFound("Not found"));
  }

  private static ConsentRecord consentOrNotFound(PatientRecord patient, String id) {
    ConsentRecord consent = patient.consent(id);
    if (consent == null) {
      throw HttpError.notFound("Not found");
    }
    return consent;
  }

  private static ConsentCategory category(String code) {
    ConsentCategory category = ConsentCategory.fromCode(code);
    if (category == null) {
      throw new HttpError(
          Cause.UNKNOWN_CODE,
          "Consent category '"
              + code
              + "' is not one of authorisation, block, medecin-traitant, same-rights,"
              + " deposit-opposition, ETREAT, BTG, MASKED, default-masking, NOTIF_DOCUMENT,"
              + " NOTIF_MESSAGE, NOTIF_APPOINTMENT, pairing");
    }
    return category;
  }

  private static String professional(String idNatPs) {
    try {
      return ProfessionalId.of(idNatPs).value();
    } catch (InvalidValueException e) {
      throw HttpError.badRequest("Invalid idNat_PS: " + e.getMessage());
    }
  }

  private static String stripSystem(String token, String system) {
    int bar = token.indexOf('|');
    if (bar < 0) {
      return token;
    }
    if (!token.substring(0, bar).equals(system)) {
      throw HttpError.badRequest("Expected the system " + system);
    }
    return token.substring(bar + 1);
  }

  private static int count(@Nullable String value) {
    if (value == null) {
      return DEFAULT_COUNT;
    }
    try {
      int count = Integer.parseInt(value);
      if (count >= 1 && count <= MAX_COUNT) {
        return count;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw HttpError.badRequest("_count must be an integer from 1 to " + MAX_COUNT);
  }

  private static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }

  /** Who may follow a page cursor: the actor kind and subject of the token that made it. */
  private static String caller(Principal principal) {
    return principal.kind() + "|" + principal.subject();
  }

  private static boolean equal(@Nullable String a, @Nullable String b) {
    return a == null ? b == null : a.equals(b);
  }
}
