package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The activity history (TDE): {@code POST /fhir/AuditEvent/_search} with a form body {@code
 * patient.identifier=…&date=…} (or the same as a {@code GET} query), newest first, paged by opaque
 * cursors; each reader sees the traces AU-2 allows. Reading traces is not itself traced (choice: it
 * would make every history read change the history).
 */
public final class AuditEventEndpoints {
  private static final Set<String> KNOWN = Set.of("patient.identifier", "date", "_count");

  /** A parsed history search, kept by a page cursor for the next pages. */
  private record TraceSearch(Ins patient, List<DateBound> dates, int count) {
    TraceSearch {
      dates = List.copyOf(dates);
    }

    static TraceSearch parse(SearchInput input) {
      input.requireKnown(KNOWN);
      Ins ins = Identifiers.fromToken(input.one("patient.identifier"), "patient.identifier");
      List<DateBound> dates = new ArrayList<>();
      for (String date : input.all("date")) {
        dates.add(DateBound.parse(date));
      }
      int count =
          SearchParameters.integer(
              input.one("_count"),
              "_count",
              SearchParameters.DEFAULT_COUNT,
              1,
              SearchParameters.MAX_COUNT);
      return new TraceSearch(ins, dates, count);
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
    int count = position.search().count();
    int offset = position.offset();

    Actor actor = engine.actor(principal, state);
    PatientRecord patient = DocumentEndpoints.patient(state.store(), ins);
    Instant now = engine.clock().now();
    SpaceContext context;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      context = Engine.context(actor, patient);
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
