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
import org.jspecify.annotations.Nullable;

/**
 * The Java control API of a {@link MockServer}, mirroring the HTTP control plane ({@code /_mock}):
 * reset the state, mint tokens for any identity, drive the clock, register OAuth clients, read the
 * notification outbox. Thread-safe.
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

  /** The token endpoint URL, the {@code aud} of client assertions. */
  public String tokenEndpoint() {
    return engine.baseUrl() + "/oauth2/token";
  }
}
