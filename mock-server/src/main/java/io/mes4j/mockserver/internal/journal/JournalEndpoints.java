package io.mes4j.mockserver.internal.journal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.JournalEntry;
import io.mes4j.mockserver.JournalQuery;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import java.util.Set;

/** {@code GET} and {@code DELETE /_mock/journal}. */
public final class JournalEndpoints {
  private static final Set<String> PARAMETERS =
      Set.of("method", "path", "subject", "status", "correlationId", "since", "until", "limit");

  private final Journal journal;

  public JournalEndpoints(Journal journal) {
    this.journal = journal;
  }

  public void register(Router router) {
    router.add("GET", "/_mock/journal", this::get);
    router.add(
        "DELETE",
        "/_mock/journal",
        request -> {
          journal.clear();
          return Response.empty(204);
        });
  }

  private Response get(Request request) {
    JournalQuery query = query(request);
    Journal.Result result = journal.query(query);
    ObjectNode body = Json.object();
    ArrayNode entries = body.putArray("entries");
    for (JournalEntry entry : result.entries()) {
      entries.add(render(entry));
    }
    body.put("total", result.total());
    body.put("dropped", result.dropped());
    return Response.json(200, body);
  }

  /** The query of a {@code GET /_mock/journal}; a bad filter is a 400 naming it. */
  static JournalQuery query(Request request) {
    for (String name : request.query().keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw HttpError.badRequest(
            "Unknown parameter " + name + " (expected one of " + PARAMETERS + ")");
      }
    }
    JournalQuery query = JournalQuery.all();
    String method = request.queryOne("method");
    if (method != null && !method.isEmpty()) {
      query = query.method(method);
    }
    String path = request.queryOne("path");
    if (path != null && !path.isEmpty()) {
      try {
        query = query.path(path);
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("Parameter path: " + e.getMessage());
      }
    }
    String subject = request.queryOne("subject");
    if (subject != null && !subject.isEmpty()) {
      query = query.subject(subject);
    }
    String status = request.queryOne("status");
    if (status != null && !status.isEmpty()) {
      query = query.status(integer(status, "status"));
    }
    String correlationId = request.queryOne("correlationId");
    if (correlationId != null && !correlationId.isEmpty()) {
      query = query.correlationId(correlationId);
    }
    String since = request.queryOne("since");
    if (since != null && !since.isEmpty()) {
      query = query.since(Fields.dateTime(since, "since"));
    }
    String until = request.queryOne("until");
    if (until != null && !until.isEmpty()) {
      query = query.until(Fields.dateTime(until, "until"));
    }
    String limit = request.queryOne("limit");
    if (limit != null && !limit.isEmpty()) {
      try {
        query = query.limit(integer(limit, "limit"));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("Parameter " + e.getMessage());
      }
    }
    return query;
  }

  private static int integer(String value, String name) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw HttpError.badRequest("Parameter " + name + " must be an integer");
    }
  }

  /** One entry in the wire shape. */
  public static ObjectNode render(JournalEntry entry) {
    ObjectNode item = Json.object();
    item.put("method", entry.method());
    item.put("path", entry.path());
    item.put("route", entry.route());
    item.put("query", entry.query());
    item.put("status", entry.status());
    item.put("subjectKind", entry.subjectKind());
    item.put("subjectId", entry.subjectId());
    item.put("serverTime", entry.serverTime().toString());
    item.put("wallTime", entry.wallTime().toString());
    item.put("durationMs", entry.duration().toMillis());
    item.put("correlationId", entry.correlationId());
    item.put("tenant", entry.tenant());
    ArrayNode decisions = item.putArray("decisions");
    for (JournalEntry.PolicyDecision decision : entry.decisions()) {
      ObjectNode d = decisions.addObject();
      d.put("action", decision.action());
      d.put("outcome", decision.outcome());
      if (decision.cause() != null) {
        d.put("cause", decision.cause());
      }
    }
    item.put("fault", entry.fault());
    return item;
  }
}
