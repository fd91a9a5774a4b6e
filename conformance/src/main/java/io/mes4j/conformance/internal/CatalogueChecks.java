package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks of the catalogue and of the start of pairing (CAT-1, CAT-2), over plain HTTP: they need no
 * identity, so they run against any endpoint.
 */
final class CatalogueChecks {
  private static final Set<String> STATUSES =
      Set.of("EN_LIGNE", "HORS_LIGNE", "SUSPENDUE", "DEREFERENCEE");

  /** The S256 challenge of RFC 7636's example verifier. */
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

  private CatalogueChecks() {}

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "CAT-1.listing",
                "CAT-1",
                "The catalogue lists services with an OID, a name, an editor, a status and"
                    + " finalities")
            .run(
                p -> {
                  RawHttp.Raw r = p.http().get("/catalogue/services", null);
                  p.answered("GET /catalogue/services", r, 200, null);
                  JsonNode services = r.json().path("services");
                  p.expect(
                      "at least one service", services.size() + " services", services.size() > 0);
                  for (JsonNode s : services) {
                    String id = s.path("id").asText("");
                    p.expect("an id urn:oid:…", "id " + id, id.startsWith("urn:oid:"));
                    p.expect(
                        id + ": a name and an editor",
                        id
                            + ": name and editor "
                            + (s.hasNonNull("name") && s.hasNonNull("editor")),
                        s.hasNonNull("name") && s.hasNonNull("editor"));
                    p.expect(
                        id + ": a status of CAT-1",
                        id + ": " + s.path("status").asText("(none)"),
                        STATUSES.contains(s.path("status").asText("")));
                    p.expect(
                        id + ": finalities with codes",
                        id + ": " + s.path("finalities").size() + " finalities",
                        s.path("finalities").size() > 0
                            && s.path("finalities").get(0).hasNonNull("code"));
                  }
                }));
    checks.add(
        Check.define(
                "CAT-2.unknown-client",
                "CAT-2",
                "An authorisation request of an unknown client is a 400, never a redirect")
            .run(
                p -> {
                  RawHttp.Raw r =
                      p.http()
                          .get(
                              authorize(
                                  "urn:oid:2.999.999.999", "https://unknown.example/cb", "S256"),
                              null);
                  p.answered("GET /oauth2/authorize (unknown client)", r, 400, null);
                  p.expect(
                      "no Location header",
                      "Location " + r.header("Location").orElse("(none)"),
                      r.header("Location").isEmpty());
                }));
    checks.add(
        Check.define(
                "CAT-2.pkce-s256-only",
                "CAT-2",
                "An authorisation request with a plain PKCE challenge goes back to the client's"
                    + " redirect URI with an error, never with a code")
            .run(
                p -> {
                  JsonNode service = onlineService(p);
                  String id = service.path("id").asText();
                  String redirect = service.path("redirectUris").path(0).asText("");
                  p.expect(
                      "an online service with a redirect URI",
                      id + " " + redirect,
                      !redirect.isEmpty());
                  RawHttp.Raw r = p.http().get(authorize(id, redirect, "plain"), null);
                  String location = r.header("Location").orElse("");
                  p.expect(
                      "302 to " + redirect + " with error=, no code=",
                      r.status() + " " + location,
                      r.status() == 302
                          && location.startsWith(redirect)
                          && location.contains("error=")
                          && !location.contains("code="));
                }));
    return checks;
  }

  private static JsonNode onlineService(Probe p) throws Exception {
    RawHttp.Raw r = p.http().get("/catalogue/services", null);
    p.answered("GET /catalogue/services", r, 200, null);
    for (JsonNode s : r.json().path("services")) {
      if ("EN_LIGNE".equals(s.path("status").asText()) && s.path("redirectUris").size() > 0) {
        return s;
      }
    }
    throw new Probe.Failure("an EN_LIGNE service with a redirect URI", "none listed");
  }

  private static String authorize(String clientId, String redirect, String method) {
    return "/oauth2/authorize?response_type=code&client_id="
        + enc(clientId)
        + "&redirect_uri="
        + enc(redirect)
        + "&scope=AGENDA_READ&state=conformance&code_challenge="
        + CHALLENGE
        + "&code_challenge_method="
        + method;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
