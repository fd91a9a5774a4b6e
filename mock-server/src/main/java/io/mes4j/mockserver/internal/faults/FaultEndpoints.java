package io.mes4j.mockserver.internal.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.Fault;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code PUT}, {@code GET} and {@code DELETE /_mock/faults}: the fault plan over the wire. */
public final class FaultEndpoints {
  private static final Set<String> RULE_FIELDS =
      Set.of("method", "path", "rate", "status", "retryAfter", "drop", "latency");
  private static final Set<String> LATENCY_FIELDS =
      Set.of("distribution", "ms", "minMs", "maxMs", "medianMs", "sigma");

  private final FaultPlan plan;

  public FaultEndpoints(FaultPlan plan) {
    this.plan = plan;
  }

  public void register(Router router) {
    router.add("PUT", "/_mock/faults", this::put);
    router.add("GET", "/_mock/faults", request -> Response.json(200, render(plan)));
    router.add(
        "DELETE",
        "/_mock/faults",
        request -> {
          plan.clear();
          return Response.empty(204);
        });
  }

  private Response put(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!"seed".equals(name) && !"rules".equals(name)) {
        throw HttpError.badRequest("Unknown field " + name + " (expected seed, rules)");
      }
    }
    Long seed = Fields.optionalLong(body, "seed", "seed");
    ArrayNode array = Fields.array(body, "rules", "rules");
    List<Fault> rules = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      rules.add(parse(Fields.element(array, i, "rules"), "rules[" + i + "]"));
    }
    try {
      plan.put(seed, rules);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest("Invalid fault plan: " + e.getMessage());
    }
    return Response.json(200, render(plan));
  }

  /** One rule of the wire shape; a malformed field is a 400 naming it. */
  static Fault parse(ObjectNode node, String at) {
    unknown(node, RULE_FIELDS, at);
    Fault rule = Fault.on(Fields.text(node, "path", at + ".path"));
    String method = Fields.optionalText(node, "method", at + ".method");
    if (method != null) {
      if (!method.matches("[A-Za-z]{1,20}")) {
        throw HttpError.badRequest("Field " + at + ".method must be an HTTP method");
      }
      rule = rule.method(method);
    }
    JsonNode rate = node.get("rate");
    if (rate != null) {
      if (!rate.isNumber()) {
        throw HttpError.badRequest("Field " + at + ".rate must be a number from 0 to 1");
      }
      rule = rule.rate(rate.doubleValue());
    }
    Long status = Fields.optionalLong(node, "status", at + ".status");
    if (status != null) {
      if (status < 400 || status > 599) {
        throw HttpError.badRequest("Field " + at + ".status must be between 400 and 599");
      }
      rule = rule.status(status.intValue());
    }
    Long retryAfter = Fields.optionalLong(node, "retryAfter", at + ".retryAfter");
    if (retryAfter != null) {
      rule = rule.retryAfter(Duration.ofSeconds(retryAfter));
    }
    Boolean drop = Fields.optionalBoolean(node, "drop", at + ".drop");
    if (Boolean.TRUE.equals(drop)) {
      rule = rule.drop();
    }
    ObjectNode latency = Fields.optionalObject(node, "latency", at + ".latency");
    if (latency != null) {
      rule = latency(rule, latency, at + ".latency");
    }
    return rule;
  }

  private static Fault latency(Fault rule, ObjectNode node, String at) {
    unknown(node, LATENCY_FIELDS, at);
    String distribution = Fields.text(node, "distribution", at + ".distribution");
    return switch (distribution.toLowerCase(Locale.ROOT)) {
      case "fixed" -> rule.latencyFixed(Duration.ofMillis(millis(node, "ms", at)));
      case "uniform" ->
          rule.latencyUniform(
              Duration.ofMillis(millis(node, "minMs", at)),
              Duration.ofMillis(millis(node, "maxMs", at)));
      case "lognormal" -> {
        JsonNode sigma = node.get("sigma");
        if (sigma == null || !sigma.isNumber()) {
          throw HttpError.badRequest("Field " + at + ".sigma must be a number");
        }
        Long max = Fields.optionalLong(node, "maxMs", at + ".maxMs");
        yield rule.latencyLogNormal(
            Duration.ofMillis(millis(node, "medianMs", at)),
            sigma.doubleValue(),
            max == null ? null : Duration.ofMillis(max));
      }
      default ->
          throw HttpError.badRequest(
              "Field " + at + ".distribution must be fixed, uniform or lognormal");
    };
  }

  private static long millis(ObjectNode node, String name, String at) {
    Long value = Fields.optionalLong(node, name, at + "." + name);
    if (value == null) {
      throw HttpError.badRequest("Missing field " + at + "." + name);
    }
    return value;
  }

  private static void unknown(ObjectNode node, Set<String> known, String at) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw HttpError.badRequest("Unknown field " + at + "." + name);
      }
    }
  }

  /** The plan in force, in the wire shape. */
  public static ObjectNode render(FaultPlan plan) {
    ObjectNode body = Json.object();
    body.put("seed", plan.seed());
    ArrayNode rules = body.putArray("rules");
    for (Fault rule : plan.rules()) {
      ObjectNode item = rules.addObject();
      rule.method().ifPresent(m -> item.put("method", m));
      item.put("path", rule.path());
      item.put("rate", rule.rate());
      if (rule.status() != 0) {
        item.put("status", rule.status());
      }
      rule.retryAfter().ifPresent(r -> item.put("retryAfter", r.toSeconds()));
      if (rule.dropsConnection()) {
        item.put("drop", true);
      }
      rule.distribution()
          .ifPresent(
              d -> {
                ObjectNode latency = item.putObject("latency");
                switch (d) {
                  case FIXED -> latency.put("distribution", "fixed").put("ms", rule.latencyMinMs());
                  case UNIFORM ->
                      latency
                          .put("distribution", "uniform")
                          .put("minMs", rule.latencyMinMs())
                          .put("maxMs", rule.latencyMaxMs());
                  case LOGNORMAL ->
                      latency
                          .put("distribution", "lognormal")
                          .put("medianMs", rule.latencyMinMs())
                          .put("sigma", rule.sigma())
                          .put("maxMs", rule.latencyMaxMs());
                }
              });
    }
    return body;
  }
}
