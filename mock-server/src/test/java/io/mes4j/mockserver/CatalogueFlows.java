package io.mes4j.mockserver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.support.TestClient;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Raw HTTP steps of the catalogue's pairing (CAT-2) and DPoP proofs (RFC 9449), for the server
 * tests: PKCE pairs from a seeded random, the authorization request, the holder's decision, the
 * code exchange, refresh and revoke.
 */
final class CatalogueFlows {
  static final String AGENDA = Fixtures.Ids.AGENDA_APP;
  static final String AGENDA_REDIRECT = "https://agenda.example/callback";
  static final String MEASURES = Fixtures.Ids.MEASURES_APP;
  static final String MEASURES_REDIRECT = "https://mesures.example/callback";
  static final String CONSENT_CATEGORY = "https://mes4j.io/fhir/CodeSystem/consent-category";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;
  private final Random random;

  CatalogueFlows(String baseUrl, long seed) {
    this.baseUrl = baseUrl;
    this.random = new Random(seed);
  }

  /** A PKCE verifier and its S256 challenge. */
  record Pkce(String verifier, String challenge) {}

  /** The tokens of a pairing, as the token endpoint answered them. */
  record Tokens(String access, String refresh, String type, String scope, String pairingId) {}

  Pkce pkce() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Pkce(verifier, s256(verifier));
  }

  String nextId() {
    return Long.toHexString(random.nextLong());
  }

  static String s256(String value) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(value.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The authorization request's parameters, as a query or form string. */
  static String authorizeParams(
      String clientId, String redirectUri, String scope, String state, Pkce pkce) {
    return "response_type=code&client_id="
        + enc(clientId)
        + "&redirect_uri="
        + enc(redirectUri)
        + "&scope="
        + enc(scope)
        + "&state="
        + enc(state)
        + "&code_challenge="
        + pkce.challenge()
        + "&code_challenge_method=S256";
  }

  Answer authorizeGet(String query) {
    return send("GET", "/oauth2/authorize?" + query, Map.of(), null);
  }

  /** The holder's decision (with their token), the form given in full. */
  Answer authorizePost(String holderToken, String form) {
    return send(
        "POST",
        "/oauth2/authorize",
        Map.of(
            "Authorization",
            "Bearer " + holderToken,
            "Content-Type",
            "application/x-www-form-urlencoded"),
        form);
  }

  /** The parameters of a redirect's Location. */
  static Map<String, String> redirectParams(Answer answer) {
    String location = answer.header("Location");
    Map<String, String> params = new LinkedHashMap<>();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      params.put(
          pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }

  /** The holder approves; answers the code. */
  String code(
      String holderToken,
      Ins patient,
      String clientId,
      String redirectUri,
      String scope,
      Pkce pkce) {
    Answer answer =
        authorizePost(
            holderToken,
            authorizeParams(clientId, redirectUri, scope, "st-1", pkce)
                + "&patient="
                + patient.value());
    if (answer.status() != 302 || !redirectParams(answer).containsKey("code")) {
      throw new AssertionError("authorize failed: " + answer.status() + " " + answer.text());
    }
    return redirectParams(answer).get("code");
  }

  Answer token(String form, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/x-www-form-urlencoded");
    return send("POST", "/oauth2/token", all, form);
  }

  Answer exchange(String code, String clientId, String redirectUri, String verifier) {
    return token(
        "grant_type=authorization_code&code="
            + enc(code)
            + "&redirect_uri="
            + enc(redirectUri)
            + "&client_id="
            + enc(clientId)
            + "&code_verifier="
            + enc(verifier),
        Map.of());
  }

  Answer refresh(String refreshToken, String clientId) {
    return token(
        "grant_type=refresh_token&refresh_token="
            + enc(refreshToken)
            + "&client_id="
            + enc(clientId),
        Map.of());
  }

  Answer revoke(String token) {
    return send(
        "POST",
        "/oauth2/revoke",
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        "token=" + enc(token));
  }

  /** The whole pairing: the holder approves, the app exchanges the code. */
  Tokens pair(String holderToken, Ins patient, String clientId, String redirectUri, String scope) {
    Pkce pkce = pkce();
    String code = code(holderToken, patient, clientId, redirectUri, scope, pkce);
    Answer answer = exchange(code, clientId, redirectUri, pkce.verifier());
    if (answer.status() != 200) {
      throw new AssertionError("exchange failed: " + answer.status() + " " + answer.text());
    }
    return tokens(answer);
  }

  static Tokens tokens(Answer answer) {
    try {
      String access = answer.json().get("access_token").asText();
      String pairing = SignedJWT.parse(access).getJWTClaimsSet().getStringClaim("mes_pairing");
      return new Tokens(
          access,
          answer.json().get("refresh_token").asText(),
          answer.json().get("token_type").asText(),
          answer.json().get("scope").asText(),
          pairing);
    } catch (java.text.ParseException e) {
      throw new AssertionError(e);
    }
  }

  /** GET with any headers (the Authorization header given in full). */
  Answer get(String path, Map<String, String> headers) {
    return send("GET", path, headers, null);
  }

  /** A request with any headers and an optional body. */
  Answer send(String method, String path, Map<String, String> headers, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::setHeader);
    try {
      HttpResponse<byte[]> response =
          HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A DPoP proof (ES256) with the given claims; {@code ath} of {@code token} if not null. */
  String proof(
      ECKey key, String method, String url, Instant iat, String jti, String nonce, String token) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .jwtID(jti)
            .claim("htm", method)
            .claim("htu", url)
            .issueTime(java.util.Date.from(iat));
    if (nonce != null) {
      claims.claim("nonce", nonce);
    }
    if (token != null) {
      claims.claim("ath", s256(token));
    }
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("dpop+jwt"))
                .jwk(key.toPublicJWK())
                .build(),
            claims.build());
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  /** A search of a patient's pairings (category pairing). */
  static Answer pairings(TestClient http, String token, Ins patient) {
    return http.postForm(
        "/fhir/Consent/_search",
        token,
        "patient.identifier="
            + patient.system().uri()
            + "%7C"
            + patient.value()
            + "&category=pairing");
  }

  /** An appointment for {@code patient} with {@code doctor}, as a JSON body. */
  static ObjectNode appointment(Ins patient, ProfessionalId doctor, String start, String end) {
    ObjectNode appointment = TestClient.JSON.createObjectNode();
    appointment.put("resourceType", "Appointment");
    appointment.put("start", start);
    appointment.put("end", end);
    var participants = appointment.putArray("participant");
    ObjectNode p = participants.addObject().putObject("actor").putObject("identifier");
    p.put("system", patient.system().uri());
    p.put("value", patient.value());
    ObjectNode d = participants.addObject().putObject("actor").putObject("identifier");
    d.put("system", ProfessionalId.SYSTEM);
    d.put("value", doctor.value());
    return appointment;
  }

  static String appointmentsOf(Ins patient) {
    return "/fhir/Appointment?patient.identifier="
        + patient.system().uri()
        + "%7C"
        + patient.value();
  }
}
