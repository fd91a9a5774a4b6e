package io.mes4j.mockserver;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.mes4j.core.AccessMode;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.auth.ClientRegistry;
import io.mes4j.mockserver.internal.auth.Identity;
import io.mes4j.mockserver.internal.auth.TokenService;
import io.mes4j.mockserver.internal.policy.Mode;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The Java control API of a {@link MockServer}, mirroring the HTTP control plane ({@code /_mock}):
 * reset the state, mint tokens for any identity, drive the clock, register OAuth clients, read the
 * notification outbox, query and verify the request journal, inject faults. Thread-safe.
 *
 * <pre>{@code
 * MockControl control = server.control();
 * control.reset(MockControl.ResetTo.FIXTURES);
 * // ... exercise the code under test ...
 * control.verify(1, JournalQuery.all().method("POST").path("/fhir/DocumentReference"));
 * control.awaitNotification(Notification.Kind.DOCUMENT_ADDED, Duration.ofSeconds(2));
 * }</pre>
 */
public final class MockControl {
  private final Engine engine;
  private final FixtureSet fixtures;

  MockControl(Engine engine, FixtureSet fixtures) {
    this.engine = engine;
    this.fixtures = fixtures;
  }

  /**
   * Back to the server's fixtures, its clock's start and its id seed (as {@code POST
   * /_mock/reset}).
   */
  public void reset() {
    engine.reset(fixtures);
  }

  /** Back to an empty state. */
  public void resetEmpty() {
    engine.reset(FixtureSet.EMPTY);
  }

  /**
   * A bearer token in normal mode for {@code subject}: an INS value (patient), an idNat_PS
   * (professional of the fixtures), {@code 1} + FINESS (establishment) or {@code urn:oid:…}.
   *
   * @throws IllegalArgumentException if the subject is not one of those
   */
  public String token(String subject) {
    return token(subject, AccessMode.normal());
  }

  /** A bearer token for {@code subject} in {@code mode}. */
  public String token(String subject, AccessMode mode) {
    return token(subject, mode, TokenService.DEFAULT_TTL);
  }

  /**
   * A bearer token for {@code subject} in {@code mode}, valid {@code ttl} from the server's now.
   */
  public String token(String subject, AccessMode mode, Duration ttl) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(mode, "mode");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive");
    }
    return engine.issueToken(subject, Mode.of(mode), ttl, null, null);
  }

  /** A bearer token for a patient (or legal representative). */
  public String token(Ins patient) {
    return token(patient.value());
  }

  /** A bearer token for a professional in normal mode. */
  public String token(ProfessionalId professional) {
    return token(professional.value());
  }

  /** A bearer token for a professional in {@code mode}. */
  public String token(ProfessionalId professional, AccessMode mode) {
    return token(professional.value(), mode);
  }

  /**
   * A bearer token in bris de glace mode with no reason: the server refuses the reads it is used
   * for with {@code reason-required} (DOC-7). {@link AccessMode} cannot express it.
   */
  public String tokenBreakGlassWithoutReason(ProfessionalId professional) {
    return engine.issueToken(
        professional.value(),
        new Mode(AccessMode.Kind.BRIS_DE_GLACE, null),
        TokenService.DEFAULT_TTL,
        null,
        null);
  }

  /**
   * A bearer token in normal mode for a catalogue service paired with {@code patient} for {@code
   * finalities} (such as {@code AGENDA_READ}, {@code AGENDA_WRITE}): the {@code mes_finalities} and
   * {@code mes_patient} claims, as {@code POST /_mock/tokens} with {@code finalities} and {@code
   * patient} makes them (CAT-2, until the catalogue's pairing exists).
   */
  public String serviceToken(
      io.mes4j.core.identity.ServiceId service, Ins patient, java.util.Set<String> finalities) {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(patient, "patient");
    return engine.issueServiceToken(
        service.urn(), Mode.NORMAL, TokenService.DEFAULT_TTL, finalities, patient.value());
  }

  /**
   * Creates or replaces a catalogue service (CAT-1), as {@code PUT /_mock/services/{id}}.
   *
   * <pre>{@code
   * control.putService(ServiceId.of("2.999.9.1"), "Mon App", "Éditeur", "EN_LIGNE",
   *     Set.of("AGENDA_READ"), List.of("https://app.example/callback"));
   * }</pre>
   *
   * @param status {@code EN_LIGNE}, {@code HORS_LIGNE}, {@code SUSPENDUE} or {@code DEREFERENCEE}
   * @param finalities finality codes ({@code AGENDA_READ}, {@code DOCUMENTS_WRITE}…)
   * @param redirectUris the redirect URIs it registers (absolute, exact match)
   * @throws IllegalArgumentException if a value is not acceptable
   */
  public void putService(
      io.mes4j.core.identity.ServiceId service,
      String name,
      String editor,
      String status,
      java.util.Set<String> finalities,
      List<String> redirectUris) {
    Objects.requireNonNull(service, "service");
    var body = io.mes4j.mockserver.internal.http.Json.object();
    body.put("name", Objects.requireNonNull(name, "name"));
    body.put("editor", Objects.requireNonNull(editor, "editor"));
    body.put("status", Objects.requireNonNull(status, "status"));
    var list = body.putArray("finalities");
    finalities.forEach(list::add);
    var uris = body.putArray("redirectUris");
    redirectUris.forEach(uris::add);
    try {
      engine
          .state()
          .catalogue()
          .put(io.mes4j.mockserver.internal.catalogue.CatalogueService.read(body, service.urn()));
    } catch (io.mes4j.mockserver.internal.http.HttpError e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Changes a catalogue service's status (CAT-1), as {@code PUT /_mock/services/{id}/status}: a
   * {@code SUSPENDUE} or {@code DEREFERENCEE} service is refused on its very next call.
   *
   * @throws IllegalArgumentException if the status is unknown or the catalogue has no such service
   */
  public void setServiceStatus(io.mes4j.core.identity.ServiceId service, String status) {
    Objects.requireNonNull(service, "service");
    var parsed = io.mes4j.mockserver.internal.catalogue.ServiceStatus.fromCode(status);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "status must be EN_LIGNE, HORS_LIGNE, SUSPENDUE or DEREFERENCEE");
    }
    engine
        .state()
        .catalogue()
        .status(service.urn(), parsed)
        .orElseThrow(() -> new IllegalArgumentException("no such service in the catalogue"));
  }

  /** The server's clock. */
  public Instant now() {
    return engine.clock().now();
  }

  /**
   * Moves the clock to {@code instant}, running every time-driven rule due by then.
   *
   * @throws IllegalArgumentException if {@code instant} is before now (time never goes back)
   */
  public void setClock(Instant instant) {
    engine.clock().set(Objects.requireNonNull(instant, "instant"));
  }

  /** Moves the clock forward by {@code duration}, running every time-driven rule due by then. */
  public void advanceClock(Duration duration) {
    engine.clock().advance(Objects.requireNonNull(duration, "duration"));
  }

  /**
   * Registers an OAuth client for the token endpoint ({@code private_key_jwt}): its id, the
   * identity it acts for (as {@link #token(String)}), its public key (RSA, or EC P-256) and key id.
   */
  public void registerClient(
      String clientId, String subject, PublicKey key, @Nullable String keyId) {
    Objects.requireNonNull(clientId, "clientId");
    Identity.resolve(subject, engine.state().store().directory(), null, null);
    JWK jwk;
    if (key instanceof RSAPublicKey rsa) {
      jwk = new RSAKey.Builder(rsa).keyID(keyId).build();
    } else if (key instanceof ECPublicKey ec) {
      jwk = new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).keyID(keyId).build();
    } else {
      throw new IllegalArgumentException("the key must be RSA or EC P-256");
    }
    engine.state().clients().register(new ClientRegistry.Client(clientId, subject, jwk));
  }

  /**
   * Silences an optional notice for a holder, as their AU-3 preferences ({@code NOTIF_MESSAGE}…)
   * would: until the next reset, notices of {@code kind} about {@code patient}'s dossier are not
   * sent. For tests, until the holder's preferences have an API of their own.
   *
   * @throws IllegalArgumentException if the server has no dossier for {@code patient}, or if {@code
   *     kind} is the emergency-access notice, which is never silenced
   */
  public void silenceNotifications(Ins patient, Notification.Kind kind) {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(kind, "kind");
    if (kind == Notification.Kind.EMERGENCY_ACCESS) {
      throw new IllegalArgumentException("the emergency-access notice is never silenced (AU-3)");
    }
    engine
        .state()
        .store()
        .patient(patient.value())
        .orElseThrow(() -> new IllegalArgumentException("no dossier for this INS"))
        .silencedNotifications()
        .add(kind);
  }

  /**
   * Opens a new space for {@code patient} (ES-2), as {@code POST /_mock/spaces}: the platform's
   * creation, which this API has no other way to ask. The INS's space must be {@code DELETED} or
   * {@code OPPOSED}: it becomes {@code PENDING} with an empty dossier (nothing of a deleted space
   * comes back, ES-5), the announcement is sent and the 42-day opposition window starts now.
   *
   * @throws IllegalArgumentException if the server has no record for this INS
   * @throws IllegalStateException if its space is {@code PENDING}, {@code ACTIVE} or {@code CLOSED}
   */
  public void createSpace(Ins patient) {
    Objects.requireNonNull(patient, "patient");
    var state = engine.state();
    var record =
        state
            .store()
            .patient(patient.value())
            .orElseThrow(() -> new IllegalArgumentException("no record for this INS"));
    var lock = record.lock().writeLock();
    lock.lock();
    try {
      engine.spaces().announce(state, record, engine.clock().now());
    } catch (io.mes4j.mockserver.internal.http.HttpError e) {
      throw new IllegalStateException(e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Opens a space for a person the server does not know yet (ES-2): a new record with this
   * identity, its space {@code PENDING} with an empty dossier, the announcement sent and the 42-day
   * opposition window started now. Its clock-driven rules (window, and the 18th birthday once a
   * representative is attached) run as for the fixtures.
   *
   * @param sex {@code M} or {@code F}
   * @throws IllegalArgumentException if the server already has a record for this INS
   */
  public void createSpace(
      Ins patient, String familyName, String givenName, String sex, LocalDate birthDate) {
    Objects.requireNonNull(patient, "patient");
    if (!"M".equals(sex) && !"F".equals(sex)) {
      throw new IllegalArgumentException("sex must be M or F");
    }
    var state = engine.state();
    if (state.store().patient(patient.value()).isPresent()) {
      throw new IllegalArgumentException("the server already has a record for this INS");
    }
    var record =
        new io.mes4j.mockserver.internal.store.PatientRecord(
            patient,
            Objects.requireNonNull(familyName, "familyName"),
            Objects.requireNonNull(givenName, "givenName"),
            sex,
            Objects.requireNonNull(birthDate, "birthDate"),
            io.mes4j.core.code.SpaceState.PENDING);
    var lock = record.lock().writeLock();
    lock.lock();
    try {
      state.store().add(record);
      engine.spaces().announceNew(state, record, engine.clock().now());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the holder must approve their catalogue consents again (ES-6: set on the 18th birthday
   * of a holder who had representatives), until the catalogue exists to act on it.
   *
   * @throws IllegalArgumentException if the server has no record for this INS
   */
  public boolean catalogueConsentsToReapprove(Ins patient) {
    return engine
        .state()
        .store()
        .patient(Objects.requireNonNull(patient, "patient").value())
        .orElseThrow(() -> new IllegalArgumentException("no record for this INS"))
        .catalogueConsentsToReapprove();
  }

  /** The notices sent so far (AU-3), oldest first. */
  public List<Notification> outbox() {
    return engine.state().outbox().all();
  }

  /** What {@link #reset(ResetTo)} goes back to. */
  public enum ResetTo {
    /** The server's fixtures (as it started). */
    FIXTURES,
    /** Nothing at all. */
    EMPTY
  }

  /**
   * Back to the server's fixtures or to empty (as {@code POST /_mock/reset {"to": …}}): the state,
   * the clock's start and the id seed; the journal is emptied and the faults removed. Cheap enough
   * to run before every test.
   */
  public void reset(ResetTo to) {
    engine.reset(Objects.requireNonNull(to, "to") == ResetTo.EMPTY ? FixtureSet.EMPTY : fixtures);
  }

  // ---- Journal ----

  /** The journal's newest entries (at most {@value JournalQuery#DEFAULT_LIMIT}), oldest first. */
  public List<JournalEntry> journal() {
    return journal(JournalQuery.all());
  }

  /**
   * The newest journal entries matching {@code query} (at most its limit), oldest first.
   *
   * <pre>{@code
   * List<JournalEntry> deposits =
   *     control.journal(JournalQuery.all().method("POST").path("/fhir/DocumentReference"));
   * }</pre>
   */
  public List<JournalEntry> journal(JournalQuery query) {
    return engine.journal().query(Objects.requireNonNull(query, "query")).entries();
  }

  /** Empties the journal (as {@code DELETE /_mock/journal}). */
  public void clearJournal() {
    engine.journal().clear();
  }

  /**
   * Asserts that exactly {@code count} journaled requests match {@code criteria}, as WireMock's
   * {@code verify}; otherwise an {@link AssertionError} saying what was expected and listing the
   * newest requests the journal holds. It counts the entries the journal still holds: it is bounded
   * ({@link MockServer.Builder#journalLimit}).
   *
   * <pre>{@code
   * control.verify(1, JournalQuery.all().method("POST").path("/fhir/DocumentReference"));
   * }</pre>
   */
  public void verify(int count, JournalQuery criteria) {
    Objects.requireNonNull(criteria, "criteria");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    int found = engine.journal().count(criteria);
    if (found != count) {
      throw new AssertionError(
          "Expected "
              + count
              + " request(s) matching ["
              + criteria
              + "] but found "
              + found
              + "."
              + describeJournal());
    }
  }

  /** Asserts that at least one journaled request matches {@code criteria} (see {@link #verify}). */
  public void verify(JournalQuery criteria) {
    Objects.requireNonNull(criteria, "criteria");
    if (engine.journal().count(criteria) == 0) {
      throw new AssertionError(
          "Expected a request matching [" + criteria + "] but found none." + describeJournal());
    }
  }

  /**
   * Waits until a request matching {@code criteria} is journaled (one already there counts), at
   * most {@code timeout}; the newest such entry. Wakes at each new entry (no polling).
   *
   * @throws AssertionError if none came in time
   */
  public JournalEntry awaitJournal(JournalQuery criteria, Duration timeout) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(timeout, "timeout");
    try {
      return engine
          .journal()
          .await(criteria, timeout)
          .orElseThrow(
              () ->
                  new AssertionError(
                      "No request matching ["
                          + criteria
                          + "] within "
                          + timeout
                          + "."
                          + describeJournal()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a request", e);
    }
  }

  private String describeJournal() {
    List<JournalEntry> newest = engine.journal().query(JournalQuery.all().limit(20)).entries();
    if (newest.isEmpty()) {
      return " The journal is empty.";
    }
    StringBuilder sb = new StringBuilder(" Newest requests journaled:");
    for (JournalEntry entry : newest) {
      sb.append("\n  ").append(entry);
    }
    return sb.toString();
  }

  // ---- Outbox helpers ----

  /** The notices matching {@code criteria}, oldest first. */
  public List<Notification> outbox(Predicate<Notification> criteria) {
    Objects.requireNonNull(criteria, "criteria");
    return outbox().stream().filter(criteria).toList();
  }

  /** The notices caused by the request with this correlation id, oldest first. */
  public List<Notification> outboxFor(String correlationId) {
    Objects.requireNonNull(correlationId, "correlationId");
    return outbox(n -> correlationId.equals(n.correlationId()));
  }

  /**
   * Asserts that exactly {@code count} notices of {@code kind} were sent; otherwise an {@link
   * AssertionError} listing the outbox.
   */
  public void verifyNotifications(int count, Notification.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    verifyNotifications(count, n -> n.kind() == kind, "kind=" + kind);
  }

  /**
   * Asserts that exactly {@code count} notices match {@code criteria} ({@code description} names
   * them in the failure message).
   */
  public void verifyNotifications(int count, Predicate<Notification> criteria, String description) {
    Objects.requireNonNull(criteria, "criteria");
    int found = engine.state().outbox().count(criteria);
    if (found != count) {
      throw new AssertionError(
          "Expected "
              + count
              + " notice(s) matching ["
              + description
              + "] but found "
              + found
              + "."
              + describeOutbox());
    }
  }

  /**
   * Waits until a notice of {@code kind} is sent (one already sent counts), at most {@code
   * timeout}; the newest such notice.
   *
   * @throws AssertionError if none came in time
   */
  public Notification awaitNotification(Notification.Kind kind, Duration timeout) {
    Objects.requireNonNull(kind, "kind");
    return awaitNotification(n -> n.kind() == kind, timeout);
  }

  /**
   * Waits until a notice matching {@code criteria} is sent (one already sent counts), at most
   * {@code timeout}; the newest such notice. Wakes at each new notice (no polling).
   *
   * @throws AssertionError if none came in time
   */
  public Notification awaitNotification(Predicate<Notification> criteria, Duration timeout) {
    Objects.requireNonNull(criteria, "criteria");
    Objects.requireNonNull(timeout, "timeout");
    try {
      return engine
          .state()
          .outbox()
          .await(criteria, timeout)
          .orElseThrow(
              () ->
                  new AssertionError("No such notice within " + timeout + "." + describeOutbox()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for a notice", e);
    }
  }

  private String describeOutbox() {
    List<Notification> all = outbox();
    if (all.isEmpty()) {
      return " The outbox is empty.";
    }
    StringBuilder sb = new StringBuilder(" Outbox (newest 20):");
    for (Notification n : all.subList(Math.max(0, all.size() - 20), all.size())) {
      sb.append("\n  ").append(n);
    }
    return sb.toString();
  }

  // ---- Faults ----

  /**
   * Puts these fault rules in force with the server's seed (as {@code PUT /_mock/faults}),
   * replacing any.
   *
   * @throws IllegalArgumentException naming the rule and field if one is invalid (nothing changes)
   */
  public void setFaults(Fault... rules) {
    setFaults(null, List.of(rules));
  }

  /**
   * Puts these fault rules in force with draws from {@code seed} (null: the server's seed),
   * replacing any.
   *
   * <pre>{@code
   * control.setFaults(42L, List.of(Fault.on("/fhir/**").rate(0.2).status(503)));
   * }</pre>
   *
   * @throws IllegalArgumentException naming the rule and field if one is invalid (nothing changes)
   */
  public void setFaults(@Nullable Long seed, List<Fault> rules) {
    engine.faults().put(seed, List.copyOf(rules));
  }

  /** The fault rules in force, in order. */
  public List<Fault> faults() {
    return engine.faults().rules();
  }

  /** Removes every fault rule (as {@code DELETE /_mock/faults}). */
  public void clearFaults() {
    engine.faults().clear();
  }

  /** The token endpoint URL, the {@code aud} of client assertions. */
  public String tokenEndpoint() {
    return engine.baseUrl() + "/oauth2/token";
  }

  // ---- fixtures files (docs/reference-server.md "Fixtures files")

  /**
   * The whole state as one fixtures document (JSON, format {@code mes4j-fixtures}, version 1), as
   * {@code GET /_mock/fixtures}: the clock, patients and their spaces, documents, consents,
   * messages, agenda, traces, the outbox. Importing it gives back the same state: exporting again
   * gives the same text.
   *
   * <pre>{@code
   * Files.writeString(Path.of("state.json"), server.control().exportFixtures());
   * }</pre>
   */
  public String exportFixtures() {
    return new String(fixturesService().export(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Replaces the whole state by a fixtures document's, at once, the clock included (as {@code POST
   * /_mock/fixtures}).
   *
   * @throws InvalidFixturesException naming the line and the field of an invalid document; the
   *     state is then unchanged
   */
  public void importFixtures(String json) {
    Objects.requireNonNull(json, "json");
    load(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Replaces the whole state by a fixtures file's (see {@link #importFixtures(String)}).
   *
   * <pre>{@code
   * server.control().importFixtures(Path.of("src/test/resources/state.json"));
   * }</pre>
   *
   * @throws InvalidFixturesException naming the line and the field of an invalid file
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public void importFixtures(java.nio.file.Path file) {
    Objects.requireNonNull(file, "file");
    try {
      load(java.nio.file.Files.readAllBytes(file));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the fixtures file", e);
    }
  }

  private void load(byte[] json) {
    var loaded = read(json);
    fixturesService().load(loaded, null);
  }

  /**
   * Generates a synthetic population and loads it in place of the state (as {@code POST
   * /_mock/fixtures/generate}): {@code patients} patients with valid INS, spaces in every state,
   * {@code documentsPerPatient} documents for each space holding data (every document type and
   * every label), professionals with valid RPPS, consents, conversations and appointments, dated
   * from the server's clock. The same arguments on the same clock give the same state.
   *
   * <pre>{@code
   * server.control().generate(10_000, 5, 42L);
   * }</pre>
   *
   * @throws IllegalArgumentException if a count is negative or too large
   */
  public void generate(int patients, int documentsPerPatient, long seed) {
    fixturesService()
        .generateAndLoad(
            new io.mes4j.mockserver.internal.fixtures.PopulationGenerator.Spec(
                patients, documentsPerPatient, seed, engine.clock().now()));
  }

  /**
   * The fixtures document of a synthetic population (see {@link #generate}) dated from {@code
   * clock}, without loading it: the same arguments always give the same text.
   */
  public static String generateFixtures(
      int patients, int documentsPerPatient, long seed, Instant clock) {
    Objects.requireNonNull(clock, "clock");
    return new String(
        io.mes4j.mockserver.internal.fixtures.FixturesService.generate(
            new io.mes4j.mockserver.internal.fixtures.PopulationGenerator.Spec(
                patients, documentsPerPatient, seed, clock)),
        java.nio.charset.StandardCharsets.UTF_8);
  }

  private io.mes4j.mockserver.internal.fixtures.FixturesService fixturesService() {
    return new io.mes4j.mockserver.internal.fixtures.FixturesService(engine);
  }

  /** Reads a fixtures document, an invalid one as an {@link InvalidFixturesException}. */
  static io.mes4j.mockserver.internal.fixtures.FixturesReader.Loaded read(byte[] json) {
    try {
      return io.mes4j.mockserver.internal.fixtures.FixturesReader.read(json);
    } catch (io.mes4j.mockserver.internal.fixtures.FixturesException e) {
      throw new InvalidFixturesException(
          e.getMessage(), e.line(), e.column(), e.field(), e.problem());
    }
  }
}
