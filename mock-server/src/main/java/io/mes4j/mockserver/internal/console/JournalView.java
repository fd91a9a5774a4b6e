package io.mes4j.mockserver.internal.console;

import io.mes4j.mockserver.JournalEntry;
import io.mes4j.mockserver.JournalQuery;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.journal.Journal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The console's view of the request journal (paths and queries already redacted by the journal),
 * newest first, filtered by a GET form: method, path pattern, status, correlation id.
 */
final class JournalView {
  static final int LIMIT = 200;

  private final Engine engine;

  JournalView(Engine engine) {
    this.engine = engine;
  }

  /**
   * Renders the filter form and the entries; a bad filter is an {@link IllegalArgumentException}
   * whose message names it.
   */
  void render(Html body, String root, Map<String, List<String>> parameters) {
    String method = one(parameters, "method");
    String path = one(parameters, "path");
    String status = one(parameters, "status");
    String correlationId = one(parameters, "correlationId");
    JournalQuery query = JournalQuery.all().limit(JournalQuery.MAX_LIMIT);
    if (method != null) {
      if (!method.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
        throw new IllegalArgumentException("method must be letters only");
      }
      query = query.method(method);
    }
    if (path != null) {
      query = query.path(path);
    }
    if (status != null) {
      if (status.length() > 3 || !status.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("status must be a number of up to 3 digits");
      }
      query = query.status(Integer.parseInt(status));
    }
    if (correlationId != null) {
      query = query.correlationId(correlationId);
    }
    form(body, root, method, path, status, correlationId);
    Journal journal = engine.journal();
    Journal.Result result = journal.query(query);
    List<JournalEntry> entries = new ArrayList<>(result.entries());
    Collections.reverse(entries);
    body.raw("<p>")
        .text(
            entries.size()
                + " request(s) match (the control plane, this console included, is not journaled); "
                + result.dropped()
                + " dropped by the journal's bound.")
        .raw("</p>");
    if (entries.isEmpty()) {
      body.raw("<p class=\"empty\">No request.</p>");
      return;
    }
    body.raw("<table>")
        .headerRow(
            "When", "Method", "Path", "Status", "Subject", "Decisions", "Fault", "Correlation id")
        .raw("<tbody>");
    for (JournalEntry entry : entries.subList(0, Math.min(LIMIT, entries.size()))) {
      List<String> decisions = new ArrayList<>();
      for (JournalEntry.PolicyDecision decision : entry.decisions()) {
        decisions.add(
            decision.action()
                + " "
                + decision.outcome()
                + (decision.cause() == null ? "" : " (" + decision.cause() + ")"));
      }
      body.raw(entry.status() >= 400 || entry.status() == 0 ? "<tr class=\"refused\">" : "<tr>")
          .cell(entry.serverTime())
          .cell(entry.method())
          .cell(entry.query().isEmpty() ? entry.path() : entry.path() + "?" + entry.query())
          .cell(entry.status())
          .cell(
              entry.subjectKind() == null
                  ? null
                  : entry.subjectKind()
                      + (entry.subjectId() == null ? "" : " " + entry.subjectId()))
          .cell(decisions.isEmpty() ? null : String.join("; ", decisions))
          .cell(entry.fault())
          .cell(entry.correlationId())
          .raw("</tr>");
    }
    body.raw("</tbody></table>");
    if (entries.size() > LIMIT) {
      body.raw("<p class=\"more\">")
          .text((entries.size() - LIMIT) + " older request(s) not shown.")
          .raw("</p>");
    }
  }

  private static void form(
      Html body,
      String root,
      @Nullable String method,
      @Nullable String path,
      @Nullable String status,
      @Nullable String correlationId) {
    body.raw("<form class=\"filter\" method=\"get\" action=\"").text(root + "/journal").raw("\">");
    field(body, "method", "Method", method, "GET");
    field(body, "path", "Path", path, "/fhir/**");
    field(body, "status", "Status", status, "403");
    field(body, "correlationId", "Correlation id", correlationId, "");
    body.raw("<button type=\"submit\">Filter</button></form>");
  }

  private static void field(
      Html body, String name, String label, @Nullable String value, String placeholder) {
    body.raw("<label>")
        .text(label)
        .raw(" <input name=\"")
        .text(name)
        .raw("\" value=\"")
        .text(value)
        .raw("\" placeholder=\"")
        .text(placeholder)
        .raw("\"></label> ");
  }

  private static @Nullable String one(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return null;
    }
    if (values.size() > 1) {
      throw new IllegalArgumentException(name + " may be given only once");
    }
    return values.get(0).trim();
  }
}
