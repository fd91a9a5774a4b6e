package io.mes4j.mockserver.internal;

import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.FixtureSet;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.AccessGate;
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
import io.mes4j.mockserver.internal.store.Catalogue;
import io.mes4j.mockserver.internal.store.DefaultFixtures;
import io.mes4j.mockserver.internal.store.Directory;
import io.mes4j.mockserver.internal.store.Grants;
import io.mes4j.mockserver.internal.store.IdGenerator;
import io.mes4j.mockserver.internal.store.Pairings;
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
  private final io.mes4j.mockserver.internal.faults.FaultPlan faults;
  private final FixtureSet fixtures;
  private volatile io.mes4j.mockserver.internal.journal.Journal journal =
      new io.mes4j.mockserver.internal.journal.Journal(
          io.mes4j.mockserver.internal.journal.Journal.DEFAULT_MAX_ENTRIES,
          io.mes4j.mockserver.internal.journal.Journal.DEFAULT_MAX_BYTES);
  private final AccessGate gate;
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
    this.gate = new AccessGate(this);
    this.faults = new io.mes4j.mockserver.internal.faults.FaultPlan(seed);
    this.fixtures = fixtures;
    this.state = fresh(fixtures);
  }

  /** The fixtures this server started from, which a reset goes back to by default. */
  public FixtureSet fixtures() {
    return fixtures;
  }

  /** The request journal of this server; a reset empties it. */
  public io.mes4j.mockserver.internal.journal.Journal journal() {
    return journal;
  }

  /** Replaces the journal by an empty one with these bounds (at build time). */
  public void journalLimit(int maxEntries, long maxBytes) {
    this.journal = new io.mes4j.mockserver.internal.journal.Journal(maxEntries, maxBytes);
  }

  /** The injected faults of this server; a reset removes them. */
  public io.mes4j.mockserver.internal.faults.FaultPlan faults() {
    return faults;
  }

  private ServerState fresh(FixtureSet fixtures) {
    Store store = new Store();
    IdGenerator ids = new IdGenerator(seed);
    Catalogue catalogue = new Catalogue();
    if (fixtures == FixtureSet.DEFAULT) {
      DefaultFixtures.load(store, ids, clock.now());
      DefaultFixtures.loadServices(catalogue); // CAT-1
    }
    ServerState fresh =
        new ServerState(
            store,
            new Outbox(),
            ids,
            new ClientRegistry(),
            new IdempotencyCache(),
            new PageCursors(),
            catalogue,
            new Pairings(),
            new Grants());
    spaces.scheduleAll(fresh); // ES-2, ES-5, ES-6: the fixtures' clock-driven rules
    return fresh;
  }

  /** The space's state machine and its clock-driven rules (ES-1 to ES-6). */
  public SpaceLifecycle spaces() {
    return spaces;
  }

  /**
   * Replaces the whole state by {@code loaded}, read from a fixtures file, and sets the clock to
   * {@code now}, the instant the file was saved at: the jobs pending on the clock for the old state
   * are dropped and the new state's clock-driven rules are scheduled. The signing key stays.
   */
  public void load(ServerState loaded, Instant now) {
    clock.restore(now);
    state = loaded;
    spaces.scheduleAll(loaded); // ES-2, ES-5, ES-6
    for (java.util.function.Consumer<ServerState> listener : loadListeners) {
      listener.accept(loaded); // DOC-6, AG-1: their jobs due after now
    }
  }

  private final java.util.List<java.util.function.Consumer<ServerState>> loadListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Adds what schedules again, for a state {@link #load loaded} from a fixtures file, the clock
   * jobs of its rules that are due after the file's instant (those due before ran before it was
   * saved).
   */
  public void onLoad(java.util.function.Consumer<ServerState> listener) {
    loadListeners.add(listener);
  }

  /**
   * Back to the fixtures and the start of the clock, the journal emptied and the faults removed;
   * the signing key stays.
   */
  public void reset(FixtureSet fixtures) {
    Runnable file = fixturesFile;
    if (fixtures == FixtureSet.DEFAULT && file != null) {
      file.run(); // the server's fixtures file, its clock included
    } else {
      clock.reset();
      state = fresh(fixtures);
    }
    journal.clear();
    faults.clear();
  }

  private volatile @Nullable Runnable fixturesFile;

  /**
   * Makes {@code loader} (which loads the server's fixtures file through {@link #load}) what a
   * reset to the default fixtures does, and runs it now.
   */
  public void fixturesFile(Runnable loader) {
    this.fixturesFile = loader;
    loader.run();
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

  /** Token verification, DPoP binding and service standing (RFC 9449, CAT-2, CAT-3). */
  public AccessGate gate() {
    return gate;
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
    Handler guarded = guarded(handler);
    // RFC 9449: every answer to a DPoP request carries the current server nonce.
    return request -> {
      if (!AccessGate.dpopRequest(request)) {
        return guarded.handle(request);
      }
      try {
        return guarded.handle(request).header("DPoP-Nonce", gate.dpop().nonce());
      } catch (HttpError e) {
        if (!e.headers().containsKey("DPoP-Nonce")) {
          e.header("DPoP-Nonce", gate.dpop().nonce());
        }
        throw e;
      }
    };
  }

  private Handler guarded(Handler handler) {
    return request -> {
      Principal principal = gate.authenticate(request);
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
      case SERVICE -> serviceActor(principal, state);
      case SYSTEM -> new Actor(principal.kind(), subject, Systems.RFC3986, null, Set.of(), subject);
    };
  }

  /**
   * A catalogue service as an actor (CAT-2, CAT-3): named as the catalogue lists it, with the
   * finalities of its token that its pairing still grants now (a finality withdrawn is refused on
   * the very next call), and the patient it is paired with.
   */
  private static Actor serviceActor(Principal principal, ServerState state) {
    String subject = principal.subject();
    Set<String> finalities = principal.finalities();
    String pairing = principal.pairing();
    if (pairing != null) {
      Set<String> granted =
          state.pairings().terms(pairing).map(Pairings.Terms::codes).orElse(Set.of());
      finalities =
          finalities.stream()
              .filter(granted::contains)
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
    String name =
        state
            .catalogue()
            .service(subject)
            .map(io.mes4j.mockserver.internal.catalogue.CatalogueService::name)
            .orElse(subject);
    return new Actor(
        Actor.Kind.SERVICE,
        subject,
        Systems.RFC3986,
        null,
        Set.of(),
        name,
        finalities,
        principal.pairedPatient());
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
        record.depositOpposed().contains(id),
        actor.is(Actor.Kind.SERVICE) && record.ins().value().equals(actor.pairedPatient()));
  }

  /** Honest parity: what the server does not implement says so. */
  public static Response notImplemented(Request request) {
    throw new HttpError(
        Cause.NOT_IMPLEMENTED, "Not implemented by the mes4j reference server (yet)");
  }
}
