package io.mes4j.mockserver.internal.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.AccessMode;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.catalogue.CatalogueEndpoints;
import io.mes4j.mockserver.internal.catalogue.OAuthErrors;
import io.mes4j.mockserver.internal.catalogue.PairingEndpoints;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Mode;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * OpenID discovery, the JWKS and the token endpoint (client credentials with {@code
 * private_key_jwt}). Token endpoint errors follow RFC 6749 §5.2.
 */
public final class OAuthEndpoints {
  public static final String ASSERTION_TYPE =
      "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final Duration MAX_ASSERTION_LIFETIME = Duration.ofMinutes(5);

  private final Engine engine;
  private final PairingTokens pairing;

  public OAuthEndpoints(Engine engine) {
    this.engine = engine;
    this.pairing = new PairingTokens(engine);
  }

  public void register(Router router) {
    router.add("GET", "/.well-known/openid-configuration", this::discovery);
    router.add("GET", "/oauth2/jwks", this::jwks);
    router.add("POST", "/oauth2/token", this::token);
    router.add("POST", "/oauth2/revoke", this::revoke);
    // CAT-1, CAT-2: the catalogue's listing and the pairing's authorization endpoint.
    new PairingEndpoints(engine).register(router);
    new CatalogueEndpoints(engine).register(router);
    router.fallback("/oauth2", Engine::notImplemented);
  }

  public String tokenEndpoint() {
    return engine.baseUrl() + "/oauth2/token";
  }

  private Response discovery(Request request) {
    String base = engine.baseUrl();
    ObjectNode body = Json.object();
    body.put("issuer", base);
    body.put("token_endpoint", tokenEndpoint());
    body.put("jwks_uri", base + "/oauth2/jwks");
    body.put("authorization_endpoint", base + "/oauth2/authorize");
    body.put("revocation_endpoint", base + "/oauth2/revoke");
    body.set(
        "grant_types_supported",
        Json.array().add("client_credentials").add("authorization_code").add("refresh_token"));
    body.set("response_types_supported", Json.array().add("code"));
    body.set("code_challenge_methods_supported", Json.array().add("S256"));
    body.set(
        "dpop_signing_alg_values_supported", Json.array().add("ES256").add("RS256").add("PS256"));
    body.set(
        "token_endpoint_auth_methods_supported", Json.array().add("private_key_jwt").add("none"));
    body.set(
        "token_endpoint_auth_signing_alg_values_supported", Json.array().add("RS256").add("ES256"));
    body.set("id_token_signing_alg_values_supported", Json.array().add("ES256"));
    return Response.json(200, body);
  }

  private Response jwks(Request request) {
    return Response.json(200, Json.MAPPER.valueToTree(engine.tokens().jwks()))
        .header("Cache-Control", "public, max-age=300");
  }

  private Response token(Request request) {
    Response response = tokenAnswer(request);
    // RFC 9449 §8: every answer to a request with a proof carries the current nonce.
    if (request.header("DPoP") != null && !response.headers().containsKey("DPoP-Nonce")) {
      response.header("DPoP-Nonce", engine.gate().dpop().nonce());
    }
    return response;
  }

  /** A form body, or the RFC 6749 error answering a body that is not one. */
  private record Form(Map<String, List<String>> fields, @Nullable Response refusal) {
    static Form read(Request request) {
      if (!"application/x-www-form-urlencoded".equals(request.contentType())) {
        return new Form(
            Map.of(),
            oauthError(
                "invalid_request", "Content-Type must be application/x-www-form-urlencoded"));
      }
      try {
        return new Form(
            Request.parseQuery(new String(request.body(), StandardCharsets.UTF_8)), null);
      } catch (HttpError e) {
        if (e.errorCause().status() == 413) {
          throw e;
        }
        return new Form(
            Map.of(), oauthError("invalid_request", "The form is not correctly encoded"));
      }
    }
  }

  private Response tokenAnswer(Request request) {
    Form read = Form.read(request);
    if (read.refusal() != null) {
      return read.refusal();
    }
    Map<String, List<String>> form = read.fields();
    String grantType = single(form, "grant_type");
    if (grantType == null) {
      return oauthError("invalid_request", "grant_type is required");
    }
    if (grantType.equals("authorization_code")) {
      return pairing.authorizationCode(request, form);
    }
    if (grantType.equals("refresh_token")) {
      return pairing.refreshToken(request, form);
    }
    if (!grantType.equals("client_credentials")) {
      return oauthError(
          "unsupported_grant_type",
          "grant_type must be client_credentials, authorization_code or refresh_token");
    }
    if (!ASSERTION_TYPE.equals(single(form, "client_assertion_type"))) {
      return oauthError("invalid_request", "client_assertion_type must be " + ASSERTION_TYPE);
    }
    String assertion = single(form, "client_assertion");
    if (assertion == null || assertion.isBlank()) {
      return oauthError("invalid_request", "client_assertion is required");
    }
    Mode mode;
    String modeCode = single(form, "access_mode");
    if (modeCode == null) {
      mode = Mode.NORMAL;
    } else {
      AccessMode.Kind kind = Mode.kindOf(modeCode);
      if (kind == null) {
        return oauthError(
            "invalid_request", "access_mode must be normal, bris_de_glace or centre_15");
      }
      mode = new Mode(kind, single(form, "access_reason"));
    }

    ClientRegistry clients = engine.state().clients();
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(assertion);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return oauthError("invalid_client", "client_assertion is not a signed JWT");
    }
    String clientId = claims.getIssuer();
    if (clientId == null || !clientId.equals(claims.getSubject())) {
      return oauthError("invalid_client", "The assertion's iss and sub must both be the client id");
    }
    String formClientId = single(form, "client_id");
    if (formClientId != null && !formClientId.equals(clientId)) {
      return oauthError("invalid_client", "client_id does not match the assertion");
    }
    var client = clients.client(clientId);
    if (client.isEmpty()) {
      return oauthError("invalid_client", "Unknown client");
    }
    String signatureProblem = verifySignature(jwt, client.get().publicKey());
    if (signatureProblem != null) {
      return oauthError("invalid_client", signatureProblem);
    }
    if (claims.getAudience() == null || !claims.getAudience().contains(tokenEndpoint())) {
      return oauthError("invalid_client", "The assertion's aud must be " + tokenEndpoint());
    }
    // The assertion is signed on the client's real clock: its freshness and jti window are checked
    // on wall time, whatever instant a test set the server's domain clock to.
    Instant now = Instant.now();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return oauthError("invalid_client", "The assertion has no exp");
    }
    if (now.isAfter(exp.toInstant().plus(TokenService.SKEW))) {
      return oauthError("invalid_client", "The assertion has expired");
    }
    if (exp.toInstant().isAfter(now.plus(MAX_ASSERTION_LIFETIME).plus(TokenService.SKEW))) {
      return oauthError("invalid_client", "The assertion's exp is more than 5 minutes ahead");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.plus(TokenService.SKEW).isBefore(nbf.toInstant())) {
      return oauthError("invalid_client", "The assertion is not valid yet");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      return oauthError("invalid_client", "The assertion has no jti");
    }
    if (!clients.useJti(clientId, jti, exp.toInstant().plus(TokenService.SKEW), now)) {
      return oauthError("invalid_client", "The assertion's jti was already used");
    }
    Identity identity;
    try {
      identity =
          Identity.resolve(client.get().subject(), engine.state().store().directory(), null, null);
    } catch (IllegalArgumentException e) {
      return oauthError("invalid_client", "The client's subject is unusable: " + e.getMessage());
    }
    // RFC 9449: a proof binds the token to its key, as for the pairing's grants.
    String jkt = null;
    List<String> proofs = request.headers().get("DPoP");
    if (proofs != null && !proofs.isEmpty()) {
      Dpop dpop = engine.gate().dpop();
      try {
        if (proofs.size() > 1) {
          throw new Dpop.ProofException("Only one DPoP proof is allowed", false);
        }
        jkt = dpop.verify(proofs.get(0), "POST", engine.gate().requestUrls(request), null, null);
      } catch (Dpop.ProofException e) {
        return oauthError(
                e.nonce() ? "use_dpop_nonce" : "invalid_dpop_proof", String.valueOf(e.getMessage()))
            .header("DPoP-Nonce", dpop.nonce());
      }
    }
    String token = engine.tokens().issue(identity, mode, TokenService.DEFAULT_TTL, jkt);
    ObjectNode body = tokenBody(token, TokenService.DEFAULT_TTL);
    Response response = Response.json(200, body).header("Cache-Control", "no-store");
    if (jkt != null) {
      body.put("token_type", "DPoP");
      response =
          Response.json(200, body)
              .header("Cache-Control", "no-store")
              .header("DPoP-Nonce", engine.gate().dpop().nonce());
    }
    return response;
  }

  // RFC 7009
  private Response revoke(Request request) {
    Form read = Form.read(request);
    return read.refusal() != null ? read.refusal() : pairing.revoke(read.fields());
  }

  public static ObjectNode tokenBody(String token, Duration ttl) {
    ObjectNode body = Json.object();
    body.put("access_token", token);
    body.put("token_type", "Bearer");
    body.put("expires_in", ttl.toSeconds());
    return body;
  }

  private static @Nullable String verifySignature(SignedJWT jwt, JWK key) {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    try {
      JWSVerifier verifier;
      if (JWSAlgorithm.RS256.equals(alg) && key instanceof RSAKey rsa) {
        verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
      } else if (JWSAlgorithm.ES256.equals(alg)
          && key instanceof ECKey ec
          && Curve.P_256.equals(ec.getCurve())) {
        verifier = new ECDSAVerifier(ec.toECPublicKey());
      } else {
        return "The assertion must be signed with RS256 or ES256 matching the client's key";
      }
      return jwt.verify(verifier)
          ? null
          : "The assertion's signature does not match the client's key";
    } catch (JOSEException e) {
      return "The assertion's signature cannot be verified";
    }
  }

  private static @Nullable String single(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    return values == null || values.size() != 1 ? null : values.get(0);
  }

  private static Response oauthError(String error, String description) {
    return OAuthErrors.json(error, description);
  }
}
