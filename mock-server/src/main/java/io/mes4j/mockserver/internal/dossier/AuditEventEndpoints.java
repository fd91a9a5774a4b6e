package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.SpaceContext;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.TraceRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The activity history (TDE): {@code POST /fhir/AuditEvent/_search} with a form body {@code
 * patient.identifier=…&date=…&actor-type=…} (or the same as a {@code GET} query), newest first,
 * paged by opaque cursors; each reader sees the traces AU-2 allows. Reading traces is not itself
 * traced (choice: it would make every history read change the history).
 */
public final class AuditEventEndpoints {
  private static final Set<String> KNOWN =
      Set.of("patient.identifier", "date", "actor-type", "_count");

  /** The actor types of AU-1 (the {@code actor-type} code system). */
  private static final Set<String> ACTOR_TYPES =
      Set.of(
          "HEALTHCARE_PROFESSIONAL",
          "HEALTHCARE_FACILITY",
          "PATIENT",
          "LEGAL_REPRESENTATIVE",
          "SERVICE_TIERS",
          "SYSTEM");

  /**
   * A parsed history search, kept by a page cursor for the next pages; {@code actorTypes} empty
   * means every actor type.
   */
  private record TraceSearch(
      Ins patient, List<DateBound> dates, Set<String> actorTypes, int count) {
    TraceSearch {
      dates = List.copyOf(dates);
      actorTypes = Set.copyOf(actorTypes);
    }

    static TraceSearch parse(SearchInput input) {
      input.requireKnown(KNOWN);
      Ins ins = Identifiers.fromToken(input.one("patient.identifier"), "patient.identifier");
      List<DateBound> dates = new ArrayList<>();
      for (String date : input.all("date")) {
        dates.add(DateBound.parse(date));
      }
      // AU-2: actor-type=<code>[,<code>…], with or without the actor-type system; repeatable.
      Set<String> actorTypes = new HashSet<>();
      for (String value : input.all("actor-type")) {
        for (String token : value.split(",", -1)) {
          String code = token.strip();
          int bar = code.indexOf('|');
          if (bar >= 0) {
            String system = code.substring(0, bar);
            if (!system.isEmpty() && !system.equals(Systems.ACTOR_TYPE)) {
              throw HttpError.badRequest("actor-type takes codes of " + Systems.ACTOR_TYPE);
            }
            code = code.substring(bar + 1);
          }
          if (!ACTOR_TYPES.contains(code)) {
            throw HttpError.badRequest(
                "actor-type must be one of HEALTHCARE_PROFESSIONAL, HEALTHCARE_FACILITY, PATIENT,"
                    + " LEGAL_REPRESENTATIVE, SERVICE_TIERS, SYSTEM");
          }
          actorTypes.add(code);
        }
      }
      int count =
          SearchParameters.integer(
              input.one("_count"),
              "_count",
              SearchParameters.DEFAULT_COUNT,
              1,
              SearchParameters.MAX_COUNT);
      return new TraceSearch(ins, dates, actorTypes, count);
    }
  }

  private final Engine engine;

  public AuditEventEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("GET", "/fhir/AuditEvent", engine.protect(this::search));
    router.add("POST", "/fhir/AuditEvent/_search", engine.protect(this::search));
  }

  // AU-2
  private Response search(Request request) {
    DocumentEndpoints.requireJsonAccept(request);
    SearchInput input = SearchInput.of(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    String caller = DocumentEndpoints.caller(principal);
    PageCursors.Position<TraceSearch> position =
        state.cursors().position(input, TraceSearch.class, caller, TraceSearch::parse);
    Ins ins = position.search().patient();
    List<DateBound> dates = position.search().dates();
    Set<String> actorTypes = position.search().actorTypes();
    int count = position.search().count();
    int offset = position.offset();

    Actor actor = engine.actor(principal, state);
    PatientRecord patient = DocumentEndpoints.patient(state.store(), ins);
    Instant now = engine.clock().now();
    SpaceContext context;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      context = Engine.context(actor, patient, now);
    } finally {
      lock.unlock();
    }
    Decision decision =
        engine
            .policy()
            .decide(
                actor,
                Action.READ_TRACES,
                Target.SPACE,
                context,
                patient.settings(),
                principal.mode(),
                now);
    if (!decision.permitted()) {
      throw new HttpError(decision.denyCause(), decision.message());
    }
    List<TraceRecord> traces = patient.traces();
    List<ObjectNode> page = new ArrayList<>();
    int total = 0;
    for (int i = traces.size() - 1; i >= 0; i--) {
      TraceRecord trace = traces.get(i);
      if (!dates.stream().allMatch(bound -> bound.test(trace.recorded()))) {
        continue;
      }
      if (!actorTypes.isEmpty() && !actorTypes.contains(trace.actorType())) {
        continue;
      }
      Decision visible =
          engine
              .policy()
              .decide(
                  actor,
                  Action.READ_TRACES,
                  new Target.Trace(trace.agentId()),
                  context,
                  patient.settings(),
                  principal.mode(),
                  now);
      if (!visible.permitted()) {
        continue;
      }
      if (total >= offset && page.size() < count) {
        page.add(FhirWriter.auditEvent(trace));
      }
      total++;
    }
    PageCursors.Links links =
        state.cursors().links(engine.fhirBase() + "/AuditEvent", position, count, total, caller);
    return Response.fhir(
        200, FhirWriter.searchset(total, links.self(), links.next(), page, engine.fhirBase()));
  }
}
