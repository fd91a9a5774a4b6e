package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.conformance.Role;
import io.mes4j.core.identity.Ins;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks whose subject is the wire shape itself, over plain HTTP: discovery, tokens, statuses and
 * {@code OperationOutcome} causes, honest parity ({@code 501}).
 */
final class WireChecks {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String SEARCH = "/fhir/DocumentReference/_search";

  /** R4 resource types the wire contract does not serve; any one the target lists is skipped. */
  private static final List<String> UNSERVED =
      List.of("Practitioner", "Organization", "Encounter", "MedicationRequest", "Group");

  private WireChecks() {}

  static byte[] searchForm(Ins ins, String... extra) {
    StringBuilder b =
        new StringBuilder("patient.identifier=")
            .append(
                URLEncoder.encode(ins.system().uri() + "|" + ins.value(), StandardCharsets.UTF_8));
    for (String e : extra) {
      b.append('&').append(e);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "WIRE.discovery",
                "wire: Authentication",
                "The OpenID discovery document names the issuer, the token endpoint and the keys,"
                    + " and the keys are published")
            .run(
                p -> {
                  RawHttp.Raw d = p.http().get("/.well-known/openid-configuration", null);
                  p.answered("GET /.well-known/openid-configuration", d, 200, null);
                  JsonNode json = d.json();
                  for (String field : List.of("issuer", "token_endpoint", "jwks_uri")) {
                    p.expect(
                        field + " is a URL",
                        field + " = " + json.path(field).asText("(absent)"),
                        json.path(field).asText("").startsWith("http"));
                  }
                  RawHttp.Raw keys = p.http().get("/oauth2/jwks", null);
                  p.answered("GET /oauth2/jwks", keys, 200, null);
                  int n = keys.json().path("keys").size();
                  p.expect("at least one key", n + " keys", n > 0);
                }));
    checks.add(
        Check.define(
                "WIRE.metadata",
                "wire: metadata",
                "GET /fhir/metadata is a FHIR R4 CapabilityStatement listing DocumentReference")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  RawHttp.Raw r = p.http().get("/fhir/metadata", p.token(Role.DOCTOR));
                  p.answered("GET /fhir/metadata", r, 200, null);
                  p.equal(
                      "resourceType",
                      "CapabilityStatement",
                      r.json().path("resourceType").asText());
                  p.expect(
                      "rest[0].resource lists DocumentReference",
                      "types = " + servedTypes(r.json()),
                      servedTypes(r.json()).contains("DocumentReference"));
                }));
    checks.add(
        Check.define(
                "WIRE.not-implemented-501",
                "wire: 501 (honest parity)",
                "A FHIR resource type the target does not list in its metadata answers 501"
                    + " not-implemented, never an empty result")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  String token = p.token(Role.DOCTOR);
                  RawHttp.Raw meta = p.http().get("/fhir/metadata", token);
                  Set<String> served = servedTypes(meta.json());
                  p.expect(
                      "the metadata lists served types",
                      meta.describe() + ", " + served.size() + " types",
                      meta.status() == 200 && !served.isEmpty());
                  int tried = 0;
                  for (String type : UNSERVED) {
                    if (served.contains(type)) {
                      continue;
                    }
                    tried++;
                    p.answered(
                        "GET /fhir/" + type,
                        p.http().get("/fhir/" + type, token),
                        501,
                        "not-implemented");
                  }
                  p.expect("at least one unserved type tried", tried + " tried", tried > 0);
                }));
    checks.add(
        Check.define(
                "WIRE.unknown-path-404",
                "wire: Errors",
                "A path that is no FHIR resource type answers 404 not-found")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.answered(
                        "GET /fhir/NoSuchThing",
                        p.http().get("/fhir/NoSuchThing", p.token(Role.DOCTOR)),
                        404,
                        "not-found")));
    checks.add(
        Check.define(
                "WIRE.method-not-allowed-405",
                "wire: Errors",
                "A known path outside /fhir with a method it does not take answers 405"
                    + " method-not-allowed with Allow")
            .run(
                p -> {
                  RawHttp.Raw r = p.http().send("DELETE", "/oauth2/jwks", null, null, new byte[0]);
                  p.answered("DELETE /oauth2/jwks", r, 405, "method-not-allowed");
                  allow(p, r);
                }));
    checks.add(
        Check.define(
                "WIRE.interaction-not-implemented-501",
                "wire: 501 (honest parity)",
                "A FHIR interaction not implemented on a served path answers 501 not-implemented"
                    + " with Allow")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  RawHttp.Raw r =
                      p.http()
                          .send(
                              "DELETE", "/fhir/metadata", p.token(Role.DOCTOR), null, new byte[0]);
                  p.answered("DELETE /fhir/metadata", r, 501, "not-implemented");
                  allow(p, r);
                }));
    checks.add(
        Check.define(
                "AUTH.missing-token-401",
                "wire: Authentication",
                "A /fhir call without a token answers 401 invalid-token with WWW-Authenticate:"
                    + " Bearer")
            .run(
                p -> {
                  RawHttp.Raw r = p.http().send("POST", SEARCH, null, FORM, searchForm(p.holder()));
                  p.answered("search without a token", r, 401, "invalid-token");
                  wwwAuthenticate(p, r);
                }));
    checks.add(
        Check.define(
                "AUTH.unsigned-token-401",
                "wire: Authentication",
                "A token without a signature (alg none) answers 401 invalid-token")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  String[] parts = jwtParts(p, p.token(Role.DOCTOR));
                  String none =
                      b64("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                          + "."
                          + parts[1]
                          + ".";
                  RawHttp.Raw r = p.http().send("POST", SEARCH, none, FORM, searchForm(p.holder()));
                  p.answered("search with an unsigned token", r, 401, "invalid-token");
                  wwwAuthenticate(p, r);
                }));
    checks.add(
        Check.define(
                "AUTH.altered-claims-401",
                "wire: Authentication",
                "A signed token whose claims were changed after signing answers 401 invalid-token")
            .as(Role.DOCTOR, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  String[] parts = jwtParts(p, p.token(Role.OTHER_DOCTOR));
                  ObjectNode claims =
                      (ObjectNode) RawHttp.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
                  claims.put("sub", p.pro(Role.DOCTOR).value());
                  String forged =
                      parts[0]
                          + "."
                          + b64(claims.toString().getBytes(StandardCharsets.UTF_8))
                          + "."
                          + parts[2];
                  RawHttp.Raw r =
                      p.http().send("POST", SEARCH, forged, FORM, searchForm(p.holder()));
                  p.answered("search with a token whose sub was changed", r, 401, "invalid-token");
                }));
    checks.add(
        Check.define(
                "WIRE.request-id",
                "wire: Errors",
                "Every answer carries X-Request-Id, the caller's when it sent one")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  String id = "conformance-" + UUID.randomUUID();
                  RawHttp.Raw r =
                      p.http()
                          .send(
                              "GET",
                              "/fhir/metadata",
                              p.token(Role.DOCTOR),
                              null,
                              new byte[0],
                              "X-Request-Id",
                              id);
                  p.answered("GET /fhir/metadata", r, 200, null);
                  p.equal("X-Request-Id", id, r.header("X-Request-Id").orElse("(absent)"));
                }));
    checks.add(
        Check.define(
                "ERR.malformed-json-400",
                "11",
                "A deposit whose body is not JSON answers 400 invalid-request")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.answered(
                        "POST /fhir/DocumentReference with a broken body",
                        p.http()
                            .send(
                                "POST",
                                "/fhir/DocumentReference",
                                p.token(Role.DOCTOR),
                                "application/fhir+json",
                                "{\"resourceType\": \"DocumentReference\", "
                                    .getBytes(StandardCharsets.UTF_8)),
                        400,
                        "invalid-request")));
    checks.add(
        Check.define(
                "ERR.unknown-code-400",
                "11",
                "A deposit of a document type outside the LOINC table answers 400 unknown-code and"
                    + " stores nothing")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  String uid = Probe.uniqueId();
                  RawHttp.Raw r =
                      p.http()
                          .send(
                              "POST",
                              "/fhir/DocumentReference",
                              p.token(Role.DOCTOR),
                              "application/fhir+json",
                              documentReference(p.holder(), uid, "99999-9"));
                  p.answered("deposit of type 99999-9", r, 400, "unknown-code");
                  long stored =
                      p.step(
                          "HOLDER searches",
                          () ->
                              p.dossier(Role.HOLDER)
                                  .documents()
                                  .search(
                                      io.mes4j.dossier.DocumentSearch.forPatient(p.holder())
                                          .pageSize(100)
                                          .build())
                                  .streamAll()
                                  .filter(d -> d.uniqueId().equals(uid))
                                  .count());
                  p.equal("documents with that unique id", 0L, stored);
                }));
    checks.add(
        Check.define(
                "ID-1.invalid-ins-400",
                "ID-1",
                "A search naming an INS with a wrong key answers 400 invalid-ins")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  String good = p.holder().value();
                  char last = good.charAt(14);
                  String bad = good.substring(0, 14) + (last == '9' ? '0' : (char) (last + 1));
                  byte[] body =
                      ("patient.identifier="
                              + URLEncoder.encode(
                                  p.holder().system().uri() + "|" + bad, StandardCharsets.UTF_8))
                          .getBytes(StandardCharsets.UTF_8);
                  p.answered(
                      "search with a wrong INS key",
                      p.http().send("POST", SEARCH, p.token(Role.DOCTOR), FORM, body),
                      400,
                      "invalid-ins");
                }));
    checks.add(
        Check.define(
                "ERR.unknown-parameter-400",
                "11",
                "A document search with an unknown parameter answers 400 invalid-request")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.answered(
                        "search with no-such-parameter=1",
                        p.http()
                            .send(
                                "POST",
                                SEARCH,
                                p.token(Role.DOCTOR),
                                FORM,
                                searchForm(p.holder(), "no-such-parameter=1")),
                        400,
                        "invalid-request")));
    checks.add(
        Check.define(
                "ERR.search-content-type-415",
                "wire: Search (ITI-67)",
                "A search whose body is not a form answers 415 unsupported-media-type")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.answered(
                        "search with a JSON body",
                        p.http()
                            .send(
                                "POST",
                                SEARCH,
                                p.token(Role.DOCTOR),
                                "application/json",
                                "{}".getBytes(StandardCharsets.UTF_8)),
                        415,
                        "unsupported-media-type")));
    checks.add(
        Check.define(
                "ERR.bad-count-400",
                "11",
                "A search page size outside 1 to 100 answers 400 invalid-request")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.answered(
                        "search with _count=1000",
                        p.http()
                            .send(
                                "POST",
                                SEARCH,
                                p.token(Role.DOCTOR),
                                FORM,
                                searchForm(p.holder(), "_count=1000")),
                        400,
                        "invalid-request")));
    return checks;
  }

  private static void allow(Probe p, RawHttp.Raw r) {
    p.expect(
        "an Allow header",
        "Allow = " + r.header("Allow").orElse("(absent)"),
        r.header("Allow").isPresent());
  }

  private static void wwwAuthenticate(Probe p, RawHttp.Raw r) {
    String header = r.header("WWW-Authenticate").orElse("(absent)");
    p.expect(
        "WWW-Authenticate: Bearer …",
        "WWW-Authenticate: " + header,
        header.regionMatches(true, 0, "Bearer", 0, 6));
  }

  private static Set<String> servedTypes(JsonNode capability) {
    Set<String> types = new HashSet<>();
    for (JsonNode rest : capability.path("rest")) {
      for (JsonNode resource : rest.path("resource")) {
        if (resource.path("type").isTextual()) {
          types.add(resource.path("type").asText());
        }
      }
    }
    return types;
  }

  private static String[] jwtParts(Probe p, String token) {
    String[] parts = token.split("\\.", -1);
    p.expect("the token is a signed JWT (3 parts)", parts.length + " parts", parts.length == 3);
    return parts;
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] documentReference(Ins ins, String uniqueId, String loinc) {
    ObjectNode d = RawHttp.JSON.createObjectNode();
    d.put("resourceType", "DocumentReference");
    d.putObject("masterIdentifier").put("system", "urn:ietf:rfc:3986").put("value", uniqueId);
    d.put("status", "current");
    d.putObject("type")
        .putArray("coding")
        .addObject()
        .put("system", "http://loinc.org")
        .put("code", loinc);
    d.putObject("subject")
        .putObject("identifier")
        .put("system", ins.system().uri())
        .put("value", ins.value());
    d.putArray("content")
        .addObject()
        .putObject("attachment")
        .put("contentType", "text/plain")
        .put(
            "data",
            Base64.getEncoder().encodeToString("conformance".getBytes(StandardCharsets.UTF_8)))
        .put("title", "Conformance")
        .put("creation", Probe.CREATED.toString());
    return d.toString().getBytes(StandardCharsets.UTF_8);
  }
}
