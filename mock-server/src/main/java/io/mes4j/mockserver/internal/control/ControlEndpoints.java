package io.mes4j.mockserver.internal.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.jwk.JWK;
import io.mes4j.core.AccessMode;
import io.mes4j.mockserver.FixtureSet;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.auth.ClientRegistry;
import io.mes4j.mockserver.internal.auth.Identity;
import io.mes4j.mockserver.internal.auth.OAuthEndpoints;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Mode;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The control plane ({@code /_mock}): reset, tokens, clients, clock, outbox. */
public final class ControlEndpoints {
  private static final long MAX_TTL_SECONDS = 24 * 3600;

  private final Engine engine;

  public ControlEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("POST", "/_mock/reset", this::reset);
    router.add("POST", "/_mock/tokens", this::tokens);
    router.add("POST", "/_mock/clients", this::clients);
    router.add("GET", "/_mock/clock", this::clock);
    router.add("PUT", "/_mock/clock", this::setClock);
    router.add("POST", "/_mock/clock/advance", this::advance);
    router.add("GET", "/_mock/outbox", this::outbox);
    router.add("POST", "/_mock/spaces", this::createSpace);
    // The read-only web console: its own fallback, before the /_mock one that would take it.
    new io.mes4j.mockserver.internal.console.ConsoleEndpoints(engine).register(router);
    router.fallback("/_mock", Engine::notImplemented);
  }

  // ES-2: the platform opens a new space for an INS whose space was DELETED or OPPOSED.
  private Response createSpace(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    String value = Fields.text(body, "ins", "ins");
    String system = Fields.optionalText(body, "system", "system");
    io.mes4j.core.identity.Ins ins;
    try {
      ins =
          io.mes4j.core.identity.Ins.of(
              value,
              system == null
                  ? io.mes4j.core.identity.InsSystem.NIR
                  : io.mes4j.core.identity.InsSystem.fromUri(system));
    } catch (io.mes4j.core.error.InvalidValueException e) {
      throw new HttpError(Cause.INVALID_INS, e.getMessage());
    }
    var state = engine.state();
    var record =
        state
            .store()
            .patient(ins.value())
            .orElseThrow(() -> HttpError.notFound("No record for this INS"));
    var lock = record.lock().writeLock();
    lock.lock();
    try {
      engine.spaces().announce(state, record, engine.clock().now());
    } finally {
      lock.unlock();
    }
    return Response.empty(204);
  }

  private Response reset(Request request) {
    FixtureSet fixtures = engine.fixtures();
    if (request.body().length > 0) {
      request.requireJsonContent();
      ObjectNode body = Json.parseObject(request.body());
      String name = Fields.optionalText(body, "fixtures", "fixtures");
      // {"to": "fixtures"|"empty"}, the server's own fixtures or nothing.
      String to = Fields.optionalText(body, "to", "to");
      if (to != null) {
        if (name != null) {
          throw HttpError.badRequest("Give either to or fixtures, not both");
        }
        fixtures =
            switch (to) {
              case "fixtures" -> engine.fixtures();
              case "empty" -> FixtureSet.EMPTY;
              default -> throw HttpError.badRequest("to must be fixtures or empty");
            };
      }
      if (name != null) {
        fixtures =
            switch (name) {
              case "default" -> FixtureSet.DEFAULT;
              case "empty" -> FixtureSet.EMPTY;
              default -> throw HttpError.badRequest("fixtures must be default or empty");
            };
      }
    }
    engine.reset(fixtures);
    return Response.empty(204);
  }

  private Response tokens(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    String subject = Fields.text(body, "subject", "subject");
    String modeCode = Fields.optionalText(body, "accessMode", "accessMode");
    String reason = Fields.optionalText(body, "reason", "reason");
    Mode mode = Mode.NORMAL;
    if (modeCode != null) {
      AccessMode.Kind kind = Mode.kindOf(modeCode);
      if (kind == null) {
        throw new HttpError(
            Cause.UNKNOWN_CODE, "accessMode must be normal, bris_de_glace or centre_15");
      }
      mode = new Mode(kind, reason);
    }
    Long ttlSeconds = Fields.optionalLong(body, "ttlSeconds", "ttlSeconds");
    if (ttlSeconds != null && (ttlSeconds < 1 || ttlSeconds > MAX_TTL_SECONDS)) {
      throw HttpError.badRequest("ttlSeconds must be between 1 and " + MAX_TTL_SECONDS);
    }
    Duration ttl = ttlSeconds == null ? Duration.ofHours(1) : Duration.ofSeconds(ttlSeconds);
    String profession = Fields.optionalText(body, "profession", "profession");
    if (profession != null && io.mes4j.core.code.Profession.find(profession).isEmpty()) {
      throw new HttpError(
          Cause.UNKNOWN_CODE, "profession " + profession + " is not a TRE_G15 code");
    }
    Set<String> roles = null;
    ArrayNode roleArray = Fields.optionalArray(body, "roles", "roles");
    if (roleArray != null) {
      roles = new HashSet<>();
      for (JsonNode role : roleArray) {
        if (!role.isTextual()) {
          throw HttpError.badRequest("Field roles must be an array of strings");
        }
        roles.add(role.textValue());
      }
    }
    // CAT-2 (until the catalogue's pairing exists): a service's finalities and paired patient.
    Set<String> finalities = null;
    ArrayNode finalityArray = Fields.optionalArray(body, "finalities", "finalities");
    if (finalityArray != null) {
      finalities = new HashSet<>();
      for (JsonNode finality : finalityArray) {
        if (!finality.isTextual() || finality.textValue().isBlank()) {
          throw HttpError.badRequest("Field finalities must be an array of strings");
        }
        finalities.add(finality.textValue());
      }
    }
    String patient = Fields.optionalText(body, "patient", "patient");
    if (patient != null && !io.mes4j.core.identity.Ins.isValid(patient)) {
      throw new HttpError(Cause.INVALID_INS, "patient must be a valid INS value");
    }
    String token;
    try {
      token =
          finalities == null && patient == null
              ? engine.issueToken(subject, mode, ttl, profession, roles)
              : engine.issueServiceToken(
                  subject, mode, ttl, finalities == null ? Set.of() : finalities, patient);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    return Response.json(200, OAuthEndpoints.tokenBody(token, ttl));
  }

  private Response clients(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    String clientId = Fields.text(body, "clientId", "clientId");
    String subject = Fields.text(body, "subject", "subject");
    ObjectNode jwkNode = Fields.object(body, "jwk", "jwk");
    JWK jwk;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = Json.MAPPER.convertValue(jwkNode, Map.class);
      jwk = JWK.parse(map).toPublicJWK();
    } catch (ParseException | IllegalArgumentException e) {
      throw HttpError.badRequest("Field jwk is not a JSON Web Key");
    }
    try {
      Identity.resolve(subject, engine.state().store().directory(), null, null);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
    engine.state().clients().register(new ClientRegistry.Client(clientId, subject, jwk));
    return Response.empty(201);
  }

  private Response clock(Request request) {
    return now();
  }

  private Response now() {
    ObjectNode body = Json.object();
    body.put("now", engine.clock().now().toString());
    return Response.json(200, body);
  }

  private Response setClock(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    Instant target = Fields.dateTime(Fields.text(body, "now", "now"), "now");
    try {
      engine.clock().set(target);
    } catch (IllegalArgumentException e) {
      throw new HttpError(Cause.CONFLICT, "The clock never goes back");
    }
    return now();
  }

  private Response advance(Request request) {
    request.requireJsonContent();
    ObjectNode body = Json.parseObject(request.body());
    String text = Fields.text(body, "duration", "duration");
    Duration duration = parseDuration(text, engine.clock().now());
    if (duration.isNegative()) {
      throw HttpError.badRequest("duration must not be negative: the clock never goes back");
    }
    engine.clock().advance(duration);
    return now();
  }

  /** ISO-8601: a Duration (PT1H, P14D) or a Period with months or years (P1M), from {@code now}. */
  static Duration parseDuration(String text, Instant now) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      try {
        Period period = Period.parse(text);
        return Duration.between(now, now.atZone(ZoneOffset.UTC).plus(period).toInstant());
      } catch (DateTimeParseException e2) {
        throw HttpError.badRequest("duration must be ISO-8601, such as P14D, PT1H or P1M");
      }
    }
  }

  private Response outbox(Request request) {
    ObjectNode body = Json.object();
    ArrayNode list = body.putArray("notifications");
    for (Notification notification : engine.state().outbox().all()) {
      ObjectNode item = list.addObject();
      item.put("to", notification.to());
      item.put("kind", notification.kind().name());
      if (notification.patient() != null) {
        item.putObject("patient")
            .put("system", notification.patient().system().uri())
            .put("value", notification.patient().value());
      }
      item.put("subject", notification.subject());
      item.put("at", notification.at().toString());
      item.put("correlationId", notification.correlationId());
    }
    return Response.json(200, body);
  }
}
