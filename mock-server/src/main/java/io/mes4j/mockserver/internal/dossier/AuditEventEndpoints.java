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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Lock;

/**
 * The activity history (TDE): {@code GET /fhir/AuditEvent?patient.identifier=…&date=…}, newest
 * first, paged; each reader sees the traces AU-2 allows. Reading traces is not itself traced
 * (choice: it would make every history read change the history).
 */
public final class AuditEventEndpoints {
  private static final Set<String> KNOWN =
      Set.of("patient.identifier", "date", "_count", "_offset");

  private final Engine engine;

  public AuditEventEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("GET", "/fhir/AuditEvent", engine.protect(this::search));
  }

  // AU-2
  private Response search(Request request) {
    DocumentEndpoints.requireJsonAccept(request);
    for (String name : request.query().keySet()) {
      if (!KNOWN.contains(name)) {
        throw HttpError.badRequest("Unsupported search parameter " + name);
      }
    }
    Ins ins = Identifiers.fromToken(request.queryOne("patient.identifier"), "patient.identifier");
    List<DateBound> dates = new ArrayList<>();
    for (String date : request.queryAll("date")) {
      dates.add(DateBound.parse(date));
    }
    int count =
        SearchParameters.integer(
            request.queryOne("_count"),
            "_count",
            SearchParameters.DEFAULT_COUNT,
            1,
            SearchParameters.MAX_COUNT);
    int offset =
        SearchParameters.integer(request.queryOne("_offset"), "_offset", 0, 0, Integer.MAX_VALUE);

    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
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
    String base = engine.fhirBase() + "/AuditEvent?";
    String next = offset + count < total ? base + query(request, count, offset + count) : null;
    return Response.fhir(
        200,
        FhirWriter.searchset(
            total, base + query(request, count, offset), next, page, engine.fhirBase()));
  }

  private static String query(Request request, int count, int offset) {
    StringBuilder sb = new StringBuilder();
    for (String name : List.of("patient.identifier", "date")) {
      for (String value : request.queryAll(name)) {
        sb.append(sb.length() == 0 ? "" : "&")
            .append(name)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }
    sb.append("&_count=").append(count);
    if (offset > 0) {
      sb.append("&_offset=").append(offset);
    }
    return sb.toString();
  }
}
