package io.mes4j.mockserver.internal;

import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.FixtureSet;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.ClientRegistry;
import io.mes4j.mockserver.internal.auth.Identity;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.auth.TokenService;
import io.mes4j.mockserver.internal.clock.ServerClock;
import io.mes4j.mockserver.internal.dossier.PageCursors;
import io.mes4j.mockserver.internal.dossier.SpaceLifecycle;
import io.mes4j.mockserver.internal.fhir.Systems;
import io.mes4j.mockserver.internal.http.Handler;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.IdempotencyCache;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.notify.Outbox;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.HabilitationMatrix;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.PolicyDecisionPoint;
import io.mes4j.mockserver.internal.policy.SpaceContext;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.DefaultFixtures;
import io.mes4j.mockserver.internal.store.Directory;
import io.mes4j.mockserver.internal.store.IdGenerator;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reference server's root: its base URL, clock, token service, policy decision point and the
 * current {@link ServerState} (replaced as a whole on reset). Endpoints take what they need from
 * it.
 */
public final class Engine {
  private final String baseUrl;
  private final ServerClock clock;
  private final TokenService tokens;
  private final PolicyDecisionPoint policy;
  private final long seed;
  private final SpaceLifecycle spaces;
  private volatile ServerState state;

  public Engine(
      String baseUrl,
      ServerClock clock,
      HabilitationMatrix matrix,
      long seed,
      FixtureSet fixtures) {
    this.baseUrl = baseUrl;
    this.clock = clock;
    this.tokens = new TokenService(baseUrl, clock);
    this.policy = new PolicyDecisionPoint(matrix);
    this.seed = seed;
    this.spaces = new SpaceLifecycle(this);
    this.state = fresh(fixtures);
  }

  private ServerState fresh(FixtureSet fixtures) {
    Store store = new Store();
    IdGenerator ids = new IdGenerator(seed);
    if (fixtures == FixtureSet.DEFAULT) {
      DefaultFixtures.load(store, ids, clock.now());
    }
    ServerState fresh =
        new ServerState(
            store,
            new Outbox(),
            ids,
            new ClientRegistry(),
            new IdempotencyCache(),
            new PageCursors());
    spaces.scheduleAll(fresh); // ES-2, ES-5, ES-6: the fixtures' clock-driven rules
    return fresh;
  }

  /** The space's state machine and its clock-driven rules (ES-1 to ES-6). */
  public SpaceLifecycle spaces() {
    return spaces;
  }

  /** Back to the fixtures and the start of the clock; the signing key stays. */
  public void reset(FixtureSet fixtures) {
    clock.reset();
    state = fresh(fixtures);
  }

  public ServerState state() {
    return state;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String fhirBase() {
    return baseUrl + "/fhir";
  }

  public ServerClock clock() {
    return clock;
  }

  public TokenService tokens() {
    return tokens;
  }

  public PolicyDecisionPoint policy() {
    return policy;
  }

  /**
   * Asks the policy decision point about {@code actor} doing {@code action} on this patient's
   * dossier, with the caller's relation to it and the holder's settings as they are now. Call under
   * the record's lock.
   */
  public Decision decide(
      Actor actor, Action action, Target target, PatientRecord patient, Mode mode, Instant now) {
    return policy.decide(
        actor, action, target, context(actor, patient, now), patient.settings(), mode, now);
  }

  /**
   * As {@link #decide}; a refusal is traced (AU-1, naming {@code objectReference} if given) and
   * thrown as its {@code OperationOutcome}. Call under the record's lock.
   */
  public void require(
      ServerState state,
      Actor actor,
      Action action,
      Target target,
      PatientRecord patient,
      Mode mode,
      Instant now,
      @Nullable String objectReference) {
    Decision decision = decide(actor, action, target, patient, mode, now);
    if (!decision.permitted()) {
      AuditTrail.recordObject(
          state, now, patient, actor, action, mode, objectReference, decision.denyCause());
      throw new HttpError(decision.denyCause(), decision.message());
    }
  }

  /**
   * Issues a token for a subject (see {@link Identity#resolve}).
   *
   * @throws IllegalArgumentException if the subject is unusable
   */
  public String issueToken(
      String subject,
      Mode mode,
      Duration ttl,
      @Nullable String profession,
      @Nullable Set<String> roles) {
    Identity identity = Identity.resolve(subject, state.store().directory(), profession, roles);
    return tokens.issue(identity, mode, ttl);
  }

  /**
   * Issues a token for a catalogue service paired with {@code patient} (an INS value) for {@code
   * finalities}: the {@code mes_finalities} and {@code mes_patient} claims (CAT-2, until the
   * catalogue's pairing exists).
   *
   * @throws IllegalArgumentException if the subject is not a service or is unusable
   */
  public String issueServiceToken(
      String subject, Mode mode, Duration ttl, Set<String> finalities, @Nullable String patient) {
    Identity identity =
        Identity.resolve(subject, state.store().directory(), null, null)
            .paired(finalities, patient);
    return tokens.issue(identity, mode, ttl);
  }

  /**
   * Requires a valid bearer token, then answers repeated idempotency keys with the first answer.
   */
  public Handler protect(Handler handler) {
    return request -> {
      String authorization = request.header("Authorization");
      String token = null;
      if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
        token = authorization.substring(7).trim();
      }
      Principal principal = tokens.verify(token);
      request.principal(principal);
      String key = request.header("Idempotency-Key");
      if (!"POST".equals(request.method()) || key == null || key.isBlank()) {
        return handler.handle(request);
      }
      IdempotencyCache cache = state.idempotency();
      Response first = cache.get(principal.subject(), key, clock.now());
      if (first != null) {
        return first;
      }
      Response response = handler.handle(request);
      if (response.status() < 300) {
        cache.put(principal.subject(), key, response, clock.now());
      }
      return response;
    };
  }

  /** The actor a principal stands for, with its display name (never logged). */
  public Actor actor(Principal principal, ServerState state) {
    String subject = principal.subject();
    Directory directory = state.store().directory();
    return switch (principal.kind()) {
      case PATIENT -> {
        Optional<PatientRecord> record = state.store().patient(subject);
        yield new Actor(
            Actor.Kind.PATIENT,
            subject,
            record.map(r -> r.ins().system().uri()).orElse(InsSystem.NIR.uri()),
            null,
            Set.of(),
            record.map(PatientRecord::displayName).orElse("Patient"));
      }
      case PROFESSIONAL ->
          new Actor(
              Actor.Kind.PROFESSIONAL,
              subject,
              ProfessionalId.SYSTEM,
              principal.profession(),
              principal.roles(),
              directory
                  .professional(subject)
                  .map(Directory.Professional::name)
                  .orElse("Professionnel de santé"));
      case ESTABLISHMENT ->
          new Actor(
              Actor.Kind.ESTABLISHMENT,
              subject,
              Finess.STRUCT_SYSTEM,
              null,
              Set.of(),
              directory
                  .establishment(subject)
                  .map(Directory.Establishment::name)
                  .orElse("Établissement"));
      case SERVICE, SYSTEM ->
          new Actor(principal.kind(), subject, Systems.RFC3986, null, Set.of(), subject);
    };
  }

  /**
   * The caller's relation to a dossier at {@code now} (call under the record's lock). A legal
   * representative is one only while the holder is a minor (ES-6): from the 18th birthday (UTC, on
   * the server clock) {@link SpaceContext#representative()} is false.
   */
  public static SpaceContext context(Actor actor, PatientRecord record, Instant now) {
    String id = actor.id();
    boolean patient = actor.is(Actor.Kind.PATIENT);
    boolean professional = actor.is(Actor.Kind.PROFESSIONAL);
    return new SpaceContext(
        record.state(),
        patient && record.ins().value().equals(id),
        patient && record.representatives().contains(id) && record.minorAt(now),
        professional && id.equals(record.medecinTraitant()),
        professional && record.authorised().contains(id),
        professional && record.blocked().contains(id),
        professional && record.sameRights().contains(id),
        record.depositOpposed().contains(id));
  }

  /** Honest parity: what the server does not implement says so. */
  public static Response notImplemented(Request request) {
    throw new HttpError(
        Cause.NOT_IMPLEMENTED, "Not implemented by the mes4j reference server (yet)");
  }
}
