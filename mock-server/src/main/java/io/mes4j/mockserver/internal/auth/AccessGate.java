package io.mes4j.mockserver.internal.auth;

import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.catalogue.CatalogueService;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.ServiceStanding;
import io.mes4j.mockserver.internal.store.ConsentRecord;
import io.mes4j.mockserver.internal.store.Grants;
import io.mes4j.mockserver.internal.store.Pairings;
import io.mes4j.mockserver.internal.store.PatientRecord;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * The door of every protected endpoint: reads the {@code Authorization} header (scheme {@code
 * Bearer}, or {@code DPoP} with its proof, RFC 9449), verifies the token, enforces its DPoP
 * binding, and for a catalogue service asks the policy decision point about the token's standing
 * (grant and pairing in force, service not suspended, no re-approval pending: CAT-2, CAT-3, ES-6)
 * before the endpoint runs.
 */
public final class AccessGate {
  private final Engine engine;
  private final Dpop dpop;

  public AccessGate(Engine engine) {
    this.engine = engine;
    this.dpop = new Dpop(engine.clock());
  }

  public Dpop dpop() {
    return dpop;
  }

  /** Whether the request speaks DPoP (a {@code DPoP} scheme or proof): its answer gets a nonce. */
  public static boolean dpopRequest(Request request) {
    String authorization = request.header("Authorization");
    return request.header("DPoP") != null
        || (authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5));
  }

  /**
   * Authenticates the request's caller.
   *
   * @throws HttpError 401 {@code invalid-token}, {@code invalid-dpop-proof}, {@code token-revoked};
   *     403 {@code service-suspended}, {@code reapproval-required}
   */
  public Principal authenticate(Request request) {
    String authorization = request.header("Authorization");
    String token = null;
    boolean dpopScheme = false;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = authorization.substring(7).trim();
    } else if (authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5)) {
      token = authorization.substring(5).trim();
      dpopScheme = true;
    }
    Principal principal = engine.tokens().verify(token);
    if (principal.dpopBound()) {
      if (!dpopScheme) {
        throw proofError("A DPoP-bound token must be sent with the DPoP scheme and a proof");
      }
      List<String> proofs = request.headers().get("DPoP");
      if (proofs == null || proofs.isEmpty()) {
        throw proofError("A DPoP-bound token needs a DPoP proof header");
      }
      if (proofs.size() > 1) {
        throw proofError("Only one DPoP proof header is allowed");
      }
      try {
        dpop.verify(proofs.get(0), request.method(), requestUrls(request), token, principal.jkt());
      } catch (Dpop.ProofException e) {
        throw e.nonce() ? nonceError(e.getMessage()) : proofError(e.getMessage());
      }
    } else if (dpopScheme) {
      throw new HttpError(
              Cause.INVALID_TOKEN, "The token is not DPoP-bound: send it with the Bearer scheme")
          .header("WWW-Authenticate", "DPoP error=\"invalid_token\"");
    }
    if (principal.kind() == Actor.Kind.SERVICE) {
      requireStanding(engine.state(), principal, dpopScheme);
    }
    return principal;
  }

  /** The URLs a request may be named by in a proof's {@code htu}: the server's, and the Host's. */
  public Set<String> requestUrls(Request request) {
    Set<String> urls = new LinkedHashSet<>();
    urls.add(engine.baseUrl() + request.path());
    String host = request.header("Host");
    if (host != null && !host.isBlank()) {
      String scheme = engine.baseUrl().startsWith("https:") ? "https://" : "http://";
      urls.add(scheme + host.trim() + request.path());
    }
    return urls;
  }

  // CAT-2, CAT-3, ES-6: the one decision point decides on what the state says now.
  private void requireStanding(ServerState state, Principal principal, boolean dpopScheme) {
    String grantId = principal.grant();
    boolean grantActive =
        grantId == null
            || state.grants().grant(grantId).map(g -> !g.revoked()).orElse(Boolean.FALSE);
    String pairingId = principal.pairing();
    boolean pairingActive = pairingId == null || pairingActive(state, pairingId);
    boolean refused =
        state
            .catalogue()
            .service(principal.subject())
            .map(CatalogueService::status)
            .map(s -> s.refused())
            .orElse(Boolean.FALSE);
    boolean reapproval =
        pairingId != null
            && state
                .pairings()
                .terms(pairingId)
                .map(Pairings.Terms::reapprovalRequired)
                .orElse(Boolean.FALSE);
    Decision decision =
        engine
            .policy()
            .serviceStanding(new ServiceStanding(grantActive, pairingActive, refused, reapproval));
    if (!decision.permitted()) {
      traceRefusal(state, principal, pairingId, decision.denyCause());
      HttpError error = new HttpError(decision.denyCause(), decision.message());
      if (decision.denyCause() == Cause.TOKEN_REVOKED) {
        error.header(
            "WWW-Authenticate",
            (dpopScheme ? "DPoP" : "Bearer")
                + " realm=\"mes4j\", error=\"invalid_token\", error_description=\""
                + decision.message()
                + "\"");
      }
      throw error;
    }
  }

  /**
   * AU-1: a refusal at the door is an action on the dossier too; the holder sees the service
   * knocking after a withdrawal. Traced in the paired patient's dossier (the token's, or the
   * pairing's), when it is known.
   */
  private void traceRefusal(
      ServerState state, Principal principal, @Nullable String pairingId, Cause cause) {
    Optional<PatientRecord> patient =
        Optional.ofNullable(principal.pairedPatient())
            .flatMap(state.store()::patient)
            .or(
                () ->
                    pairingId == null
                        ? Optional.empty()
                        : state.store().consentPatient(pairingId).flatMap(state.store()::patient));
    if (patient.isEmpty()) {
      return;
    }
    Actor actor = engine.actor(principal, state);
    Lock lock = patient.get().lock().writeLock();
    lock.lock();
    try {
      AuditTrail.recordObject(
          state,
          engine.clock().now(),
          patient.get(),
          actor,
          Action.SERVICE_CALL,
          Mode.NORMAL,
          pairingId == null ? null : "Consent/" + pairingId,
          cause);
    } finally {
      lock.unlock();
    }
  }

  /** Whether the pairing (a Consent id) is active now. */
  public static boolean pairingActive(ServerState state, String pairingId) {
    Optional<PatientRecord> patient =
        state.store().consentPatient(pairingId).flatMap(state.store()::patient);
    if (patient.isEmpty()) {
      return false;
    }
    Lock lock = patient.get().lock().readLock();
    lock.lock();
    try {
      ConsentRecord consent = patient.get().consent(pairingId);
      return consent != null && consent.active();
    } finally {
      lock.unlock();
    }
  }

  /** Whether a grant may still be used for a refresh: in force, its pairing active. */
  public static boolean grantUsable(ServerState state, Grants.Grant grant) {
    return !grant.revoked() && pairingActive(state, grant.pairingId());
  }

  private HttpError proofError(String message) {
    return new HttpError(Cause.INVALID_DPOP_PROOF, message)
        .header(
            "WWW-Authenticate",
            "DPoP realm=\"mes4j\", error=\"invalid_dpop_proof\", error_description=\""
                + message
                + "\", algs=\"ES256 RS256 PS256\"");
  }

  private HttpError nonceError(@Nullable String message) {
    return new HttpError(
            Cause.INVALID_DPOP_PROOF,
            "A DPoP proof with the current server nonce is required (use_dpop_nonce)")
        .header(
            "WWW-Authenticate",
            "DPoP realm=\"mes4j\", error=\"use_dpop_nonce\", error_description=\""
                + (message == null ? "Use the server nonce" : message)
                + "\", algs=\"ES256 RS256 PS256\"")
        .header("DPoP-Nonce", dpop.nonce());
  }
}
