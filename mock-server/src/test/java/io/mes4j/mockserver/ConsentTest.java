package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The Consent endpoints over HTTP: wire shapes, who may do what, bad input (CON-1 to CON-5). */
class ConsentTest extends ServerTest {
  private static final String CATEGORY = "https://mes4j.io/fhir/CodeSystem/consent-category";

  /**
   * ADULT's fixture consents: the médecin traitant, nine authorisations, one block, one same
   * rights.
   */
  private static final int ADULT_FIXTURE_CONSENTS = 12;

  static ObjectNode consent(Ins patient, String category, String type, String idNatPs) {
    ObjectNode consent = TestClient.JSON.createObjectNode();
    consent.put("resourceType", "Consent");
    consent.put("status", "active");
    consent
        .putObject("scope")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/consentscope")
        .put("code", "patient-privacy");
    consent
        .putArray("category")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", CATEGORY)
        .put("code", category);
    ObjectNode identifier = consent.putObject("patient").putObject("identifier");
    identifier.put("system", patient.system().uri());
    identifier.put("value", patient.value());
    ObjectNode provision = consent.putObject("provision");
    if (type != null) {
      provision.put("type", type);
    }
    if (idNatPs != null) {
      ObjectNode actor = provision.putArray("actor").addObject();
      actor
          .putObject("role")
          .putArray("coding")
          .addObject()
          .put("system", "http://terminology.hl7.org/CodeSystem/v3-ParticipationType")
          .put("code", "PRCP");
      ObjectNode ref = actor.putObject("reference").putObject("identifier");
      ref.put("system", ProfessionalId.SYSTEM);
      ref.put("value", idNatPs);
    }
    return consent;
  }

  private static Answer create(String token, Object body) {
    return http.postJson("/fhir/Consent", token, body);
  }

  private static Answer list(String token, Ins patient, String extra) {
    return http.postForm("/fhir/Consent/_search", token, patientParam(patient) + extra);
  }

  private static int total(Answer answer) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json().get("total").asInt();
  }

  private static List<String> codes(JsonNode bundle, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      JsonNode resource = entry.get("resource");
      values.add(
          switch (field) {
            case "category" -> resource.at("/category/0/coding/0/code").asText();
            case "actor" -> resource.at("/provision/actor/0/reference/identifier/value").asText();
            default -> resource.get(field).asText();
          });
    }
    return values;
  }

  @Test
  void create_byHolder_answers201WithTheStoredConsentInTheWireShape() {
    // CON-1: WHEN the holder authorises a professional
    Answer answer =
        create(
            token(Fixtures.ADULT),
            consent(
                Fixtures.ADULT, "authorisation", "permit", Fixtures.DOCTOR_UNAUTHORISED.value()));

    // THEN 201, Location, and the Consent as the wire contract shows it
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    JsonNode c = answer.json();
    String id = c.get("id").asText();
    assertThat(id).startsWith("cons-");
    assertThat(answer.header("Location"))
        .isEqualTo(server.baseUrl() + "/fhir/Consent/" + id + "/_history/1");
    assertThat(c.get("status").asText()).isEqualTo("active");
    assertThat(c.at("/meta/versionId").asText()).isEqualTo("1");
    assertThat(c.at("/scope/coding/0/code").asText()).isEqualTo("patient-privacy");
    assertThat(c.at("/category/0/coding/0/system").asText()).isEqualTo(CATEGORY);
    assertThat(c.at("/category/0/coding/0/code").asText()).isEqualTo("authorisation");
    assertThat(c.at("/patient/identifier/value").asText()).isEqualTo(Fixtures.ADULT.value());
    assertThat(c.at("/dateTime").asText()).isEqualTo(START.toString());
    assertThat(c.at("/performer/0/identifier/value").asText()).isEqualTo(Fixtures.ADULT.value());
    assertThat(c.at("/policyRule/coding/0/code").asText()).isEqualTo("OPTIN");
    assertThat(c.at("/provision/type").asText()).isEqualTo("permit");
    assertThat(c.at("/provision/actor/0/role/coding/0/code").asText()).isEqualTo("PRCP");
    assertThat(c.at("/provision/actor/0/reference/identifier/value").asText())
        .isEqualTo(Fixtures.DOCTOR_UNAUTHORISED.value());
    assertThat(http.get("/fhir/Consent/" + id, token(Fixtures.ADULT)).json()).isEqualTo(c);
    assertThat(total(search(token(Fixtures.DOCTOR_UNAUTHORISED), Fixtures.ADULT, ""))).isZero();
  }

  @Test
  void list_byHolder_showsTheFixturesConsentsNewestFirstAndPagesByCursor() {
    // CON-1, CON-2, CON-3: the fixtures' relations are listed
    Answer all = list(token(Fixtures.ADULT), Fixtures.ADULT, "");
    assertThat(total(all)).isEqualTo(ADULT_FIXTURE_CONSENTS);
    assertThat(codes(all.json(), "category")).first().isEqualTo("same-rights"); // the newest
    assertThat(
            codes(list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=block").json(), "actor"))
        .containsExactly(Fixtures.BLOCKED_DOCTOR.value());
    assertThat(
            codes(
                list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=medecin-traitant").json(),
                "actor"))
        .containsExactly(Fixtures.DOCTOR_TREATING.value());

    // paging: opaque cursors, no parameter in the links
    Answer first = list(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=4");
    String next = link(first.json(), "next");
    assertThat(next)
        .startsWith(server.baseUrl() + "/fhir/Consent?_page=")
        .doesNotContain("patient");
    List<String> ids = new ArrayList<>(codes(first.json(), "id"));
    while (next != null) {
      Answer page = http.get(next, token(Fixtures.ADULT));
      ids.addAll(codes(page.json(), "id"));
      next = link(page.json(), "next");
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(ADULT_FIXTURE_CONSENTS);
    // the GET form of the search answers the same
    assertThat(
            total(http.get("/fhir/Consent?" + patientParam(Fixtures.ADULT), token(Fixtures.ADULT))))
        .isEqualTo(ADULT_FIXTURE_CONSENTS);
  }

  @Test
  void list_byProfessional_showsOnlyTheirOwnAuthorisations() {
    // CON-1 (choice): a professional sees only their own authorisation
    Answer mine = list(token(Fixtures.DOCTOR), Fixtures.ADULT, "");
    assertThat(total(mine)).isEqualTo(1);
    assertThat(codes(mine.json(), "actor")).containsExactly(Fixtures.DOCTOR.value());

    // and may not list the other categories
    Answer blocks = list(token(Fixtures.DOCTOR), Fixtures.ADULT, "&category=block");
    assertThat(blocks.status()).isEqualTo(403);
    assertThat(blocks.cause()).isEqualTo("holder-only");
  }

  @Test
  void read_ofAnotherProfessionalsConsent_isNotFound() {
    // CON-1: what a professional may not see is not found
    String blockId =
        codes(list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=block").json(), "id").get(0);
    Answer answer = http.get("/fhir/Consent/" + blockId, token(Fixtures.DOCTOR));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(
            http.method("DELETE", "/fhir/Consent/" + blockId, token(Fixtures.BLOCKED_DOCTOR))
                .status())
        .isEqualTo(404);
    assertThat(search(token(Fixtures.BLOCKED_DOCTOR), Fixtures.ADULT, "").cause())
        .as("still blocked")
        .isEqualTo("blocked");
  }

  @Test
  void revoke_byHolder_makesTheConsentInactiveAndTakesEffectAtOnce() {
    // CON-2: GIVEN the fixture block
    String blockId =
        codes(list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=block").json(), "id").get(0);
    assertThat(search(token(Fixtures.BLOCKED_DOCTOR), Fixtures.ADULT, "").cause())
        .isEqualTo("blocked");

    // WHEN the holder deletes it
    Answer answer = http.method("DELETE", "/fhir/Consent/" + blockId, token(Fixtures.ADULT));

    // THEN it is inactive, version 2, kept; the professional reads on the next call
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("status").asText()).isEqualTo("inactive");
    assertThat(answer.json().at("/meta/versionId").asText()).isEqualTo("2");
    assertThat(total(search(token(Fixtures.BLOCKED_DOCTOR), Fixtures.ADULT, ""))).isZero();
    assertThat(
            total(list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=block&status=inactive")))
        .isEqualTo(1);
    // a repeated DELETE changes nothing more
    assertThat(
            http.method("DELETE", "/fhir/Consent/" + blockId, token(Fixtures.ADULT))
                .json()
                .at("/meta/versionId")
                .asText())
        .isEqualTo("2");
  }

  @Test
  void settings_aPostReplacesTheActiveOne() {
    // CON-4: one active BTG at a time
    create(token(Fixtures.ADULT), consent(Fixtures.ADULT, "BTG", "deny", null));
    Answer second = create(token(Fixtures.ADULT), consent(Fixtures.ADULT, "BTG", "permit", null));
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().at("/policyRule/coding/0/code").asText()).isEqualTo("OPTIN");

    Answer btg = list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=BTG");
    assertThat(codes(btg.json(), "status")).containsExactly("active", "inactive");
    // the same value again stores nothing new
    Answer same = create(token(Fixtures.ADULT), consent(Fixtures.ADULT, "BTG", "permit", null));
    assertThat(same.status()).isEqualTo(200);
    assertThat(same.json().get("id").asText()).isEqualTo(second.json().get("id").asText());
  }

  @Test
  void everyConsentChange_isTracedWithTheConsentAsItsObject() {
    // AU-1: GIVEN a refused and an accepted change
    create(
        token(Fixtures.DOCTOR), consent(Fixtures.ADULT, "block", "deny", Fixtures.NURSE.value()));
    String id =
        create(
                token(Fixtures.ADULT),
                consent(Fixtures.ADULT, "block", "deny", Fixtures.NURSE.value()))
            .json()
            .get("id")
            .asText();

    // WHEN the holder reads the history
    JsonNode traces =
        http.get("/fhir/AuditEvent?" + patientParam(Fixtures.ADULT), token(Fixtures.ADULT)).json();

    // THEN both are there, the accepted one naming the Consent
    List<JsonNode> creates = new ArrayList<>();
    traces
        .path("entry")
        .forEach(
            e -> {
              if ("CONSENT_CREATE".equals(e.at("/resource/subtype/0/code").asText())) {
                creates.add(e.get("resource"));
              }
            });
    assertThat(creates).hasSize(2);
    assertThat(creates.get(0).at("/outcome").asText()).isEqualTo("0");
    assertThat(creates.get(0).at("/action").asText()).isEqualTo("C");
    assertThat(creates.get(0).at("/entity/1/what/reference").asText()).isEqualTo("Consent/" + id);
    assertThat(creates.get(1).at("/outcome").asText()).isEqualTo("4");
    assertThat(creates.get(1).at("/outcomeDesc").asText()).isEqualTo("holder-only");
  }

  /** Rule 11: bad input is a 400 and changes nothing. */
  @Nested
  class BadInput {
    private void assertRefused(Answer answer, String cause) {
      assertThat(answer.status()).as(answer.text()).isEqualTo(400);
      assertThat(answer.cause()).isEqualTo(cause);
      assertThat(total(list(token(Fixtures.ADULT), Fixtures.ADULT, "")))
          .as("nothing stored")
          .isEqualTo(ADULT_FIXTURE_CONSENTS);
      assertThat(search(token(Fixtures.DOCTOR_UNAUTHORISED), Fixtures.ADULT, "").cause())
          .as("nobody authorised")
          .isEqualTo("not-authorised");
    }

    private Answer createRaw(String json) {
      return http.post(
          "/fhir/Consent",
          token(Fixtures.ADULT),
          "application/fhir+json",
          json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void malformedJson() {
      assertRefusedNoChange(createRaw("{\"resourceType\": \"Cons"), "invalid-request");
    }

    @Test
    void wrongResourceType() {
      ObjectNode body =
          consent(Fixtures.ADULT, "authorisation", "permit", Fixtures.DOCTOR_UNAUTHORISED.value());
      body.put("resourceType", "Patient");
      assertRefusedNoChange(create(token(Fixtures.ADULT), body), "invalid-request");
    }

    @Test
    void unknownCategory() {
      assertRefusedNoChange(
          create(
              token(Fixtures.ADULT),
              consent(
                  Fixtures.ADULT, "everything", "permit", Fixtures.DOCTOR_UNAUTHORISED.value())),
          "unknown-code");
    }

    @Test
    void missingActor() {
      assertRefusedNoChange(
          create(token(Fixtures.ADULT), consent(Fixtures.ADULT, "authorisation", "permit", null)),
          "invalid-request");
    }

    @Test
    void invalidIdNatPs() {
      assertRefusedNoChange(
          create(
              token(Fixtures.ADULT),
              consent(Fixtures.ADULT, "authorisation", "permit", "810000009993")),
          "invalid-request");
    }

    @Test
    void unknownProfessional() {
      assertRefusedNoChange(
          create(
              token(Fixtures.ADULT),
              consent(Fixtures.ADULT, "authorisation", "permit", "810000009992")),
          "invalid-request");
    }

    @Test
    void actorOfAnotherSystem() {
      ObjectNode body =
          consent(Fixtures.ADULT, "authorisation", "permit", Fixtures.DOCTOR_UNAUTHORISED.value());
      ((ObjectNode) body.at("/provision/actor/0/reference/identifier"))
          .put("system", "urn:oid:1.2.250.1.71.4.2.2");
      assertRefusedNoChange(create(token(Fixtures.ADULT), body), "invalid-request");
    }

    @Test
    void typeContradictingTheCategory() {
      assertRefusedNoChange(
          create(
              token(Fixtures.ADULT),
              consent(
                  Fixtures.ADULT, "authorisation", "deny", Fixtures.DOCTOR_UNAUTHORISED.value())),
          "invalid-request");
    }

    @Test
    void settingWithoutType() {
      assertRefusedNoChange(
          create(token(Fixtures.ADULT), consent(Fixtures.ADULT, "BTG", null, null)),
          "invalid-request");
    }

    @Test
    void settingNamingAProfessional() {
      assertRefusedNoChange(
          create(
              token(Fixtures.ADULT),
              consent(Fixtures.ADULT, "MASKED", "permit", Fixtures.DOCTOR.value())),
          "invalid-request");
    }

    @Test
    void inactiveStatus() {
      ObjectNode body =
          consent(Fixtures.ADULT, "authorisation", "permit", Fixtures.DOCTOR_UNAUTHORISED.value());
      body.put("status", "inactive");
      assertRefusedNoChange(create(token(Fixtures.ADULT), body), "invalid-request");
    }

    @Test
    void badPatientIns() {
      ObjectNode body =
          consent(Fixtures.ADULT, "authorisation", "permit", Fixtures.DOCTOR_UNAUTHORISED.value());
      ((ObjectNode) body.at("/patient/identifier")).put("value", "180017511234517");
      assertRefusedNoChange(create(token(Fixtures.ADULT), body), "invalid-ins");
    }

    @Test
    void searchWithUnknownParameterOrCategoryOrCount() {
      assertRefusedNoChange(
          list(token(Fixtures.ADULT), Fixtures.ADULT, "&foo=1"), "invalid-request");
      assertRefusedNoChange(
          list(token(Fixtures.ADULT), Fixtures.ADULT, "&category=nope"), "unknown-code");
      assertRefusedNoChange(
          list(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=0"), "invalid-request");
      assertRefusedNoChange(
          list(token(Fixtures.ADULT), Fixtures.ADULT, "&status=gone"), "invalid-request");
      assertThat(total(list(token(Fixtures.ADULT), Fixtures.ADULT, "&status=active,active")))
          .isEqualTo(ADULT_FIXTURE_CONSENTS);
    }

    private void assertRefusedNoChange(Answer answer, String cause) {
      assertRefused(answer, cause);
    }
  }
}
