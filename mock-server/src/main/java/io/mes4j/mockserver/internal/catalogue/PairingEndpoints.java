package io.mes4j.mockserver.internal.catalogue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.ConsentCategory;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.ConsentBook;
import io.mes4j.mockserver.internal.store.ConsentRecord;
import io.mes4j.mockserver.internal.store.Grants;
import io.mes4j.mockserver.internal.store.Pairings;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pairing (CAT-2), the authorization endpoint of the code flow with PKCE (S256 only): {@code GET
 * /oauth2/authorize} checks the request and answers what a consent page would show (JSON); {@code
 * POST /oauth2/authorize}, with the holder's (or a minor's representative's) bearer token, records
 * their decision per finality and redirects to the app with a code. An unknown client or a redirect
 * URI not registered is a 400 and never a redirect (RFC 6749 §4.1.2.1).
 */
public final class PairingEndpoints {
  /** How long a code may be exchanged, on the server clock. */
  public static final Duration CODE_TTL = Duration.ofSeconds(60);

  private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Set<String> SINGLE =
      Set.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "scope",
          "state",
          "code_challenge",
          "code_challenge_method",
          "patient",
          "finalities",
          "decision");

  private final Engine engine;

  public PairingEndpoints(Engine engine) {
    this.engine = engine;
  }

  public void register(Router router) {
    router.add("GET", "/oauth2/authorize", this::show);
    router.add("POST", "/oauth2/authorize", this::decide);
  }

  /** A checked authorization request. */
  private record Authorization(
      CatalogueService service,
      String redirectUri,
      @Nullable String state,
      String challenge,
      Set<Finality> scope) {}

  /** A problem answered without going further: a 400 JSON or a redirect with an error. */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    Problem(Response response) {
      super(null, null, false, false);
      this.response = response;
    }
  }

  private Response show(Request request) {
    Authorization authorization;
    try {
      authorization = check(engine.state(), request.query());
    } catch (Problem problem) {
      return problem.response;
    }
    ObjectNode body = Json.object();
    body.put("client_id", authorization.service().id());
    body.set("service", authorization.service().json());
    ArrayNode finalities = body.putArray("finalities");
    for (Finality finality : ordered(authorization.scope())) {
      finalities.add(finality.code());
    }
    body.put("redirect_uri", authorization.redirectUri());
    if (authorization.state() != null) {
      body.put("state", authorization.state());
    }
    return Response.json(200, body).header("Cache-Control", "no-store");
  }

  // CAT-2: the holder (or a minor's representative) consents per finality; ES-4, ES-6.
  private Response decide(Request request) {
    if (!"application/x-www-form-urlencoded".equals(request.contentType())) {
      throw new HttpError(
          Cause.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/x-www-form-urlencoded");
    }
    Map<String, List<String>> form =
        Request.parseQuery(new String(request.body(), StandardCharsets.UTF_8));
    ServerState state = engine.state();
    Authorization authorization;
    try {
      authorization = check(state, form);
    } catch (Problem problem) {
      return problem.response;
    }
    Principal principal = engine.gate().authenticate(request);
    Actor actor = engine.actor(principal, state);
    String patientValue = single(form, "patient");
    if (patientValue == null || patientValue.isBlank()) {
      if (principal.kind() != Actor.Kind.PATIENT) {
        throw HttpError.badRequest("patient is required: the INS of the space to pair");
      }
      patientValue = principal.subject();
    }
    if (!Ins.isValid(patientValue)) {
      throw new HttpError(Cause.INVALID_INS, "patient must be a valid INS value");
    }
    Set<Finality> chosen = chosen(form, authorization.scope());
    String decisionCode = single(form, "decision");
    if (decisionCode != null && !decisionCode.equals("approve") && !decisionCode.equals("deny")) {
      throw HttpError.badRequest("decision must be approve or deny");
    }
    boolean approve = !"deny".equals(decisionCode);
    CatalogueService service = authorization.service();
    PatientRecord patient =
        state
            .store()
            .patient(patientValue)
            .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
    String code;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Decision decision =
          engine.decide(actor, Action.PAIR_SERVICE, Target.SPACE, patient, principal.mode(), now);
      if (!decision.permitted()) {
        AuditTrail.recordObject(
            state,
            now,
            patient,
            actor,
            Action.PAIR_SERVICE,
            principal.mode(),
            null,
            decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      if (service.status().refused()) {
        throw new HttpError(
            Cause.SERVICE_SUSPENDED, "The service is suspended or delisted from the catalogue");
      }
      if (!service.status().pairable()) {
        throw new HttpError(
            Cause.SERVICE_UNAVAILABLE, "The service is offline: it cannot be paired now");
      }
      if (!approve) {
        return redirect(
            authorization.redirectUri(),
            "access_denied",
            "The holder refused the pairing",
            authorization.state());
      }
      ConsentRecord previous = ConsentBook.active(patient, ConsentCategory.PAIRING, service.id());
      if (previous != null) {
        ConsentBook.deactivate(patient, previous, now);
        state.grants().revokePairing(previous.id());
      }
      ConsentRecord pairing =
          new ConsentRecord(
              state.ids().next("cons-"),
              ConsentCategory.PAIRING,
              service.id(),
              true,
              true,
              now,
              actor.system(),
              actor.id(),
              1,
              now);
      state
          .pairings()
          .put(new Pairings.Terms(pairing.id(), service.id(), patientValue, chosen, false));
      ConsentBook.record(state.store(), patient, pairing);
      AuditTrail.recordObject(
          state,
          now,
          patient,
          actor,
          Action.PAIR_SERVICE,
          principal.mode(),
          "Consent/" + pairing.id(),
          null);
      Notices.toHolder(
          state.outbox(),
          patient,
          Notification.Kind.PAIRING_CREATED,
          "Le service " + service.name() + " a été associé à votre profil",
          now);
      code =
          state
              .grants()
              .issueCode(
                  new Grants.Code(
                      service.id(),
                      authorization.redirectUri(),
                      authorization.challenge(),
                      pairing.id(),
                      patientValue,
                      codes(chosen),
                      now.plus(CODE_TTL)),
                  now);
    } finally {
      lock.unlock();
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code);
    if (authorization.state() != null) {
      params.put("state", authorization.state());
    }
    return Response.empty(302)
        .header("Location", withQuery(authorization.redirectUri(), params))
        .header("Cache-Control", "no-store");
  }

  /** The finalities the holder chose: a subset of the scope, all of it by default. */
  private static Set<Finality> chosen(Map<String, List<String>> form, Set<Finality> scope) {
    String value = single(form, "finalities");
    if (value == null) {
      return scope;
    }
    Set<Finality> chosen = EnumSet.noneOf(Finality.class);
    for (String code : value.trim().split(" +")) {
      Finality finality = Finality.fromCode(code);
      if (finality == null || !scope.contains(finality)) {
        throw HttpError.badRequest("finalities must be a subset of the requested scope");
      }
      chosen.add(finality);
    }
    if (chosen.isEmpty()) {
      throw HttpError.badRequest("finalities must name at least one finality (or deny)");
    }
    return chosen;
  }

  /** RFC 6749 §4.1.1, RFC 7636: the request's parameters, checked in the contract's order. */
  private static Authorization check(ServerState state, Map<String, List<String>> params) {
    for (String name : SINGLE) {
      List<String> values = params.get(name);
      if (values != null && values.size() > 1) {
        throw new Problem(
            OAuthErrors.json("invalid_request", "Parameter " + name + " may be given only once"));
      }
    }
    String clientId = single(params, "client_id");
    if (clientId == null || clientId.isBlank()) {
      throw new Problem(OAuthErrors.json("invalid_request", "client_id is required"));
    }
    CatalogueService service =
        state
            .catalogue()
            .service(clientId)
            .orElseThrow(
                () ->
                    new Problem(
                        OAuthErrors.json(
                            "invalid_client", "Unknown client_id: not in the catalogue")));
    String redirectUri = single(params, "redirect_uri");
    if (redirectUri == null || redirectUri.isBlank()) {
      throw new Problem(OAuthErrors.json("invalid_request", "redirect_uri is required"));
    }
    if (!service.redirectUris().contains(redirectUri)) {
      throw new Problem(
          OAuthErrors.json(
              "invalid_request", "redirect_uri is not one the service registered (exact match)"));
    }
    String stateParam = single(params, "state");
    String responseType = single(params, "response_type");
    if (responseType == null) {
      throw new Problem(
          redirect(redirectUri, "invalid_request", "response_type is required", stateParam));
    }
    if (!responseType.equals("code")) {
      throw new Problem(
          redirect(
              redirectUri,
              "unsupported_response_type",
              "Only response_type=code is supported",
              stateParam));
    }
    String method = single(params, "code_challenge_method");
    String challenge = single(params, "code_challenge");
    if (challenge == null || !"S256".equals(method)) {
      throw new Problem(
          redirect(
              redirectUri,
              "invalid_request",
              "PKCE is required: code_challenge with code_challenge_method=S256",
              stateParam));
    }
    if (!CHALLENGE.matcher(challenge).matches()) {
      throw new Problem(
          redirect(
              redirectUri,
              "invalid_request",
              "code_challenge must be base64url(SHA-256(verifier)), 43 characters",
              stateParam));
    }
    String scope = single(params, "scope");
    if (scope == null || scope.isBlank()) {
      throw new Problem(
          redirect(redirectUri, "invalid_scope", "scope must name finalities", stateParam));
    }
    Set<Finality> finalities = EnumSet.noneOf(Finality.class);
    for (String code : scope.trim().split(" +")) {
      Finality finality = Finality.fromCode(code);
      if (finality == null || !service.finalities().contains(finality)) {
        throw new Problem(
            redirect(
                redirectUri,
                "invalid_scope",
                "scope names a finality the service does not offer",
                stateParam));
      }
      finalities.add(finality);
    }
    return new Authorization(service, redirectUri, stateParam, challenge, finalities);
  }

  private static Response redirect(
      String redirectUri, String error, String description, @Nullable String state) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("error", error);
    params.put("error_description", description);
    if (state != null) {
      params.put("state", state);
    }
    return Response.empty(302)
        .header("Location", withQuery(redirectUri, params))
        .header("Cache-Control", "no-store");
  }

  private static String withQuery(String uri, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(uri);
    char separator = uri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> param : params.entrySet()) {
      sb.append(separator)
          .append(param.getKey())
          .append('=')
          .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return sb.toString();
  }

  static Set<String> codes(Set<Finality> finalities) {
    Set<String> codes = new java.util.LinkedHashSet<>();
    for (Finality finality : ordered(finalities)) {
      codes.add(finality.code());
    }
    return codes;
  }

  private static List<Finality> ordered(Set<Finality> finalities) {
    return java.util.Arrays.stream(Finality.values()).filter(finalities::contains).toList();
  }

  private static @Nullable String single(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
