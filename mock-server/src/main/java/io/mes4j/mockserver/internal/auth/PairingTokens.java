package io.mes4j.mockserver.internal.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.catalogue.CatalogueService;
import io.mes4j.mockserver.internal.catalogue.OAuthErrors;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.store.Grants;
import io.mes4j.mockserver.internal.store.Pairings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The token endpoint's grants for paired services (CAT-2): {@code authorization_code} (with the
 * PKCE verifier, RFC 7636) and {@code refresh_token} (rotated: a spent refresh token revokes its
 * whole grant), optionally DPoP-bound (RFC 9449); and revocation (RFC 7009). Errors follow RFC 6749
 * §5.2 and never quote a token, a code or a verifier.
 */
public final class PairingTokens {
  /** Access tokens of paired services live 15 minutes. */
  public static final Duration ACCESS_TTL = Duration.ofSeconds(900);

  private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

  private final Engine engine;

  public PairingTokens(Engine engine) {
    this.engine = engine;
  }

  /** What a DPoP proof at the token endpoint gave: the key thumbprint, or a refusal to answer. */
  private record Binding(@Nullable String jkt, @Nullable Response refusal) {}

  // RFC 6749 §4.1.3, RFC 7636 §4.6
  Response authorizationCode(Request request, Map<String, List<String>> form) {
    String code = single(form, "code");
    String redirectUri = single(form, "redirect_uri");
    String clientId = single(form, "client_id");
    String verifier = single(form, "code_verifier");
    if (code == null || redirectUri == null || clientId == null || verifier == null) {
      return OAuthErrors.json(
          "invalid_request", "code, redirect_uri, client_id and code_verifier are required");
    }
    ServerState state = engine.state();
    Optional<CatalogueService> service = state.catalogue().service(clientId);
    if (service.isEmpty()) {
      return OAuthErrors.json("invalid_client", "Unknown client_id: not in the catalogue");
    }
    Binding binding = binding(request, null);
    if (binding.refusal() != null) {
      return binding.refusal();
    }
    Instant now = engine.clock().now();
    Grants.Redemption redemption = state.grants().redeem(code);
    if (redemption instanceof Grants.Redemption.Unknown) {
      return OAuthErrors.json("invalid_grant", "The code is unknown or expired");
    }
    if (redemption instanceof Grants.Redemption.Reused) {
      return OAuthErrors.json(
          "invalid_grant", "The code was already used: the tokens issued from it are revoked");
    }
    Grants.Redemption.Found found = (Grants.Redemption.Found) redemption;
    Grants.Code bound = found.code();
    if (!bound.clientId().equals(clientId)) {
      return OAuthErrors.json("invalid_grant", "The code was issued to another client");
    }
    if (now.isAfter(bound.expiresAt())) {
      return OAuthErrors.json("invalid_grant", "The code has expired");
    }
    if (!bound.redirectUri().equals(redirectUri)) {
      return OAuthErrors.json(
          "invalid_grant", "redirect_uri is not the one of the authorization request");
    }
    if (!VERIFIER.matcher(verifier).matches()
        || !MessageDigest.isEqual(
            Dpop.sha256(verifier).getBytes(StandardCharsets.US_ASCII),
            bound.challenge().getBytes(StandardCharsets.US_ASCII))) {
      return OAuthErrors.json("invalid_grant", "The code_verifier does not match the challenge");
    }
    if (service.get().status().refused()) {
      return OAuthErrors.json(
          "invalid_grant", "The service is suspended or delisted from the catalogue");
    }
    if (!AccessGate.pairingActive(state, bound.pairingId())) {
      return OAuthErrors.json("invalid_grant", "The pairing was withdrawn");
    }
    Set<String> finalities = current(state, bound.pairingId(), bound.finalities());
    Grants.Grant grant =
        state.grants().spend(found.hash(), state.ids().next("grant-"), finalities, binding.jkt());
    if (grant == null) {
      return OAuthErrors.json(
          "invalid_grant", "The code was already used: the tokens issued from it are revoked");
    }
    return issue(state, grant, finalities, binding.jkt(), request);
  }

  // RFC 6749 §6, RFC 9449 §5
  Response refreshToken(Request request, Map<String, List<String>> form) {
    String refresh = single(form, "refresh_token");
    String clientId = single(form, "client_id");
    if (refresh == null || clientId == null) {
      return OAuthErrors.json("invalid_request", "refresh_token and client_id are required");
    }
    ServerState state = engine.state();
    Optional<CatalogueService> service = state.catalogue().service(clientId);
    if (service.isEmpty()) {
      return OAuthErrors.json("invalid_client", "Unknown client_id: not in the catalogue");
    }
    Grants.Refresh found = state.grants().refresh(refresh);
    if (found instanceof Grants.Refresh.Unknown) {
      return OAuthErrors.json("invalid_grant", "The refresh token is unknown");
    }
    if (found instanceof Grants.Refresh.Spent) {
      return OAuthErrors.json(
          "invalid_grant", "The refresh token was already used: its whole grant is revoked");
    }
    Grants.Refresh.Current current = (Grants.Refresh.Current) found;
    Grants.Grant grant = current.grant();
    if (!grant.clientId().equals(clientId)) {
      return OAuthErrors.json("invalid_grant", "The refresh token was issued to another client");
    }
    if (grant.revoked()) {
      return OAuthErrors.json("invalid_grant", "The grant was revoked");
    }
    if (!AccessGate.pairingActive(state, grant.pairingId())) {
      return OAuthErrors.json("invalid_grant", "The holder withdrew the pairing");
    }
    if (service.get().status().refused()) {
      return OAuthErrors.json(
          "invalid_grant", "The service is suspended or delisted from the catalogue");
    }
    Binding binding = binding(request, grant.jkt());
    if (binding.refusal() != null) {
      return binding.refusal();
    }
    Set<String> requested = grant.finalities();
    String scope = single(form, "scope");
    if (scope != null) {
      requested = new LinkedHashSet<>(List.of(scope.trim().split(" +")));
      if (!grant.finalities().containsAll(requested)) {
        return OAuthErrors.json("invalid_scope", "scope must be a subset of the grant's");
      }
    }
    Set<String> finalities = current(state, grant.pairingId(), requested);
    state.grants().spendRefresh(current.hash());
    return issue(state, grant, finalities, binding.jkt(), request);
  }

  // RFC 7009: 200 whatever the token; a known one revokes its whole grant.
  Response revoke(Map<String, List<String>> form) {
    String token = single(form, "token");
    if (token == null || token.isBlank()) {
      return OAuthErrors.json("invalid_request", "token is required");
    }
    String clientId = single(form, "client_id");
    ServerState state = engine.state();
    Optional<String> grantId = state.grants().grantOfRefresh(token);
    if (grantId.isEmpty()) {
      Principal principal = engine.tokens().ownToken(token);
      if (principal != null) {
        grantId = Optional.ofNullable(principal.grant());
      }
    }
    grantId.ifPresent(
        id ->
            state
                .grants()
                .grant(id)
                .filter(g -> clientId == null || g.clientId().equals(clientId))
                .ifPresent(g -> state.grants().revoke(g.id())));
    return Response.empty(200).header("Cache-Control", "no-store");
  }

  /** The finalities asked that the pairing still grants now (CAT-3). */
  private static Set<String> current(ServerState state, String pairingId, Set<String> asked) {
    Set<String> now = state.pairings().terms(pairingId).map(Pairings.Terms::codes).orElse(Set.of());
    Set<String> granted = new LinkedHashSet<>();
    for (String finality : asked) {
      if (now.contains(finality)) {
        granted.add(finality);
      }
    }
    return granted;
  }

  private Response issue(
      ServerState state,
      Grants.Grant grant,
      Set<String> finalities,
      @Nullable String jkt,
      Request request) {
    Identity identity =
        Identity.service(
            grant.clientId(), finalities, grant.patient(), grant.pairingId(), grant.id());
    String access = engine.tokens().issue(identity, Mode.NORMAL, ACCESS_TTL, jkt);
    String refresh = state.grants().issueRefresh(grant.id());
    ObjectNode body = Json.object();
    body.put("access_token", access);
    body.put("token_type", jkt == null ? "Bearer" : "DPoP");
    body.put("expires_in", ACCESS_TTL.toSeconds());
    body.put("refresh_token", refresh);
    body.put("scope", String.join(" ", finalities.stream().sorted().toList()));
    Response response = Response.json(200, body).header("Cache-Control", "no-store");
    if (request.header("DPoP") != null) {
      response.header("DPoP-Nonce", engine.gate().dpop().nonce());
    }
    return response;
  }

  /**
   * The DPoP proof of a token request (RFC 9449 §5), if any: its key binds the tokens; a bound
   * grant requires one by the same key.
   */
  private Binding binding(Request request, @Nullable String requiredJkt) {
    List<String> proofs = request.headers().get("DPoP");
    if (proofs == null || proofs.isEmpty()) {
      if (requiredJkt != null) {
        return new Binding(
            null,
            dpopError("invalid_dpop_proof", "The grant is DPoP-bound: send a proof by its key"));
      }
      return new Binding(null, null);
    }
    if (proofs.size() > 1) {
      return new Binding(null, dpopError("invalid_dpop_proof", "Only one DPoP proof is allowed"));
    }
    Dpop dpop = engine.gate().dpop();
    try {
      String jkt =
          dpop.verify(proofs.get(0), "POST", engine.gate().requestUrls(request), null, requiredJkt);
      return new Binding(jkt, null);
    } catch (Dpop.ProofException e) {
      return new Binding(
          null,
          dpopError(
              e.nonce() ? "use_dpop_nonce" : "invalid_dpop_proof", String.valueOf(e.getMessage())));
    }
  }

  private Response dpopError(String error, String description) {
    return OAuthErrors.json(error, description).header("DPoP-Nonce", engine.gate().dpop().nonce());
  }

  private static @Nullable String single(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }
}
