package io.mes4j.conformance.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.conformance.CheckResult;
import io.mes4j.conformance.CheckStatus;
import io.mes4j.conformance.ParityReport;
import java.util.LinkedHashMap;
import java.util.Map;

/** The parity report as Markdown and as JSON. */
public final class ReportFormat {
  private ReportFormat() {}

  public static String markdown(ParityReport report) {
    StringBuilder b = new StringBuilder();
    b.append("# mes4j parity report\n\n");
    b.append("- target: `").append(report.target()).append("`\n");
    b.append("- started: ").append(report.started()).append('\n');
    b.append("- duration: ").append(report.duration().toMillis()).append(" ms\n");
    b.append("- control plane (`/_mock`): ")
        .append(report.controlPlane() ? "used" : "absent; its checks are skipped")
        .append('\n');
    b.append("- result: **")
        .append(report.conforms() ? "conforms" : "does not conform")
        .append("**: ")
        .append(report.count(CheckStatus.PASSED))
        .append(" passed, ")
        .append(report.count(CheckStatus.FAILED))
        .append(" failed, ")
        .append(report.count(CheckStatus.SKIPPED))
        .append(" skipped, of ")
        .append(report.results().size())
        .append(" checks\n\n");
    b.append("## By rule\n\n| rule | passed | failed | skipped |\n|---|---|---|---|\n");
    for (Map.Entry<String, long[]> e : byRule(report).entrySet()) {
      long[] n = e.getValue();
      b.append("| ")
          .append(cell(e.getKey()))
          .append(" | ")
          .append(n[0])
          .append(" | ")
          .append(n[1])
          .append(" | ")
          .append(n[2])
          .append(" |\n");
    }
    if (!report.failures().isEmpty()) {
      b.append("\n## Failures\n\n");
      for (CheckResult r : report.failures()) {
        b.append("- `")
            .append(r.id())
            .append("` (")
            .append(r.rule())
            .append("): ")
            .append(r.title())
            .append("\n  - expected: ")
            .append(r.expected())
            .append("\n  - observed: ")
            .append(r.observed())
            .append('\n');
      }
    }
    b.append("\n## Checks\n\n| check | rule | status | expected | observed | ms |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (CheckResult r : report.results()) {
      b.append("| `")
          .append(r.id())
          .append("` | ")
          .append(cell(r.rule()))
          .append(" | ")
          .append(r.status())
          .append(" | ")
          .append(cell(r.status() == CheckStatus.SKIPPED ? "" : r.expected()))
          .append(" | ")
          .append(cell(r.status() == CheckStatus.SKIPPED ? "skipped: " + r.reason() : r.observed()))
          .append(" | ")
          .append(r.duration().toMillis())
          .append(" |\n");
    }
    return b.toString();
  }

  private static Map<String, long[]> byRule(ParityReport report) {
    Map<String, long[]> m = new LinkedHashMap<>();
    for (CheckResult r : report.results()) {
      m.computeIfAbsent(r.rule(), k -> new long[3])[r.status().ordinal()]++;
    }
    return m;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  public static String json(ParityReport report) {
    ObjectNode root = RawHttp.JSON.createObjectNode();
    root.put("target", report.target());
    root.put("started", report.started().toString());
    root.put("durationMillis", report.duration().toMillis());
    root.put("controlPlane", report.controlPlane());
    ObjectNode summary = root.putObject("summary");
    summary.put("conforms", report.conforms());
    summary.put("total", report.results().size());
    summary.put("passed", report.count(CheckStatus.PASSED));
    summary.put("failed", report.count(CheckStatus.FAILED));
    summary.put("skipped", report.count(CheckStatus.SKIPPED));
    ArrayNode checks = root.putArray("checks");
    for (CheckResult r : report.results()) {
      ObjectNode c = checks.addObject();
      c.put("id", r.id());
      c.put("rule", r.rule());
      c.put("title", r.title());
      c.put("status", r.status().name());
      c.put("expected", r.expected());
      c.put("observed", r.observed());
      if (r.reason() != null) {
        c.put("reason", r.reason());
      }
      c.put("durationMillis", r.duration().toMillis());
    }
    try {
      return RawHttp.JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
