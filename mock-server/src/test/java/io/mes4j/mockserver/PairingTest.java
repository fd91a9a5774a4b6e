package io.mes4j.mockserver;

import static io.mes4j.mockserver.CatalogueFlows.AGENDA;
import static io.mes4j.mockserver.CatalogueFlows.AGENDA_REDIRECT;
import static io.mes4j.mockserver.CatalogueFlows.MEASURES;
import static io.mes4j.mockserver.CatalogueFlows.MEASURES_REDIRECT;
import static io.mes4j.mockserver.CatalogueFlows.appointment;
import static io.mes4j.mockserver.CatalogueFlows.appointmentsOf;
import static io.mes4j.mockserver.CatalogueFlows.authorizeParams;
import static io.mes4j.mockserver.CatalogueFlows.redirectParams;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.CatalogueFlows.Pkce;
import io.mes4j.mockserver.CatalogueFlows.Tokens;
import io.mes4j.mockserver.support.EmittedFhir;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PairingTest extends ServerTest {
  private static final String WITHDRAW = "/$withdraw-finality";
  private static EmittedFhir emitted;
  private CatalogueFlows flows;

  @BeforeAll
  static void recordFhir() {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyEmittedResourceIsValid() {
    emitted.assertAllValid();
  }

  @BeforeEach
  void flows() {
    flows = new CatalogueFlows(server.baseUrl(), 7L);
  }

  private static Answer listAppointments(String serviceToken, Ins patient) {
    return http.get(appointmentsOf(patient), serviceToken);
  }

  private static Answer book(String serviceToken, Ins patient) {
    return http.postJson(
        "/fhir/Appointment",
        serviceToken,
        appointment(patient, Fixtures.DOCTOR, "2026-12-03T09:00:00Z", "2026-12-03T09:30:00Z"));
  }

  private static List<String> traceCodes(Ins patient) {
    Answer answer =
        http.get("/fhir/AuditEvent?" + patientParam(patient) + "&_count=100", token(patient));
    List<String> codes = new ArrayList<>();
    for (JsonNode entry : answer.json().path("entry")) {
      codes.add(entry.path("resource").path("subtype").path(0).path("code").asText());
    }
    return codes;
  }

  private static List<Notification.Kind> notices(Ins patient) {
    return server.control().outbox().stream()
        .filter(n -> patient.equals(n.patient()))
        .map(Notification::kind)
        .toList();
  }

  private static Answer withdrawFinality(String holderToken, String pairingId, String finality) {
    return http.postJson(
        "/fhir/Consent/" + pairingId + WITHDRAW,
        holderToken,
        "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"finality\",\"valueCode\":\""
            + finality
            + "\"}]}");
  }

  // ---- the whole flow

  @Test
  void fullFlow_authorizeConsentExchange_thenTheServiceUsesTheAgenda() throws Exception {
    // CAT-2
    // GIVEN the app's authorization request, as a consent page would show it
    Pkce pkce = flows.pkce();
    String params =
        authorizeParams(AGENDA, AGENDA_REDIRECT, "AGENDA_READ AGENDA_WRITE", "xyz", pkce);
    Answer shown = flows.authorizeGet(params);
    assertThat(shown.status()).as(shown.text()).isEqualTo(200);
    assertThat(shown.json().get("service").get("name").asText()).isEqualTo("Agenda Démo");
    assertThat(shown.json().get("finalities").toString())
        .isEqualTo("[\"AGENDA_READ\",\"AGENDA_WRITE\"]");
    assertThat(shown.json().get("state").asText()).isEqualTo("xyz");

    // WHEN the holder approves with their token, and the app exchanges the code
    Answer approved = flows.authorizePost(token(Fixtures.ADULT), params);
    assertThat(approved.status()).as(approved.text()).isEqualTo(302);
    Map<String, String> redirect = redirectParams(approved);
    assertThat(approved.header("Location")).startsWith(AGENDA_REDIRECT + "?code=");
    assertThat(redirect.get("state")).isEqualTo("xyz");
    Answer exchanged =
        flows.exchange(redirect.get("code"), AGENDA, AGENDA_REDIRECT, pkce.verifier());

    // THEN tokens for exactly the consented finalities, which book and list appointments
    assertThat(exchanged.status()).as(exchanged.text()).isEqualTo(200);
    assertThat(exchanged.json().get("token_type").asText()).isEqualTo("Bearer");
    assertThat(exchanged.json().get("expires_in").asLong()).isEqualTo(900);
    assertThat(exchanged.json().get("scope").asText()).isEqualTo("AGENDA_READ AGENDA_WRITE");
    assertThat(exchanged.header("Cache-Control")).isEqualTo("no-store");
    Tokens tokens = CatalogueFlows.tokens(exchanged);
    JWTClaimsSet claims = SignedJWT.parse(tokens.access()).getJWTClaimsSet();
    assertThat(claims.getSubject()).isEqualTo(AGENDA);
    assertThat(claims.getStringClaim("mes_actor")).isEqualTo("service");
    assertThat(claims.getStringListClaim("mes_finalities"))
        .containsExactlyInAnyOrder("AGENDA_READ", "AGENDA_WRITE");
    assertThat(claims.getStringClaim("mes_patient")).isEqualTo(Fixtures.Ids.ADULT);
    assertThat(claims.getStringClaim("mes_grant")).isNotBlank();
    assertThat(claims.getClaim("cnf")).isNull();
    Answer booked = book(tokens.access(), Fixtures.ADULT);
    assertThat(booked.status()).as(booked.text()).isEqualTo(201);
    Answer listed = listAppointments(tokens.access(), Fixtures.ADULT);
    assertThat(listed.status()).as(listed.text()).isEqualTo(200);
    assertThat(listed.json().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void pairing_isAConsentOfCategoryPairing_tracedAndNoticed() {
    // CAT-2, AU-1, AU-3
    // GIVEN a pairing of the agenda app for AGENDA_READ only, out of the scope asked
    Pkce pkce = flows.pkce();
    Answer approved =
        flows.authorizePost(
            token(Fixtures.ADULT),
            authorizeParams(AGENDA, AGENDA_REDIRECT, "AGENDA_READ AGENDA_WRITE", "s", pkce)
                + "&finalities=AGENDA_READ");
    assertThat(approved.status()).as(approved.text()).isEqualTo(302);
    // WHEN the holder lists their pairings
    Answer listed = CatalogueFlows.pairings(http, token(Fixtures.ADULT), Fixtures.ADULT);
    // THEN one active Consent naming the service and its one finality; traced and noticed
    assertThat(listed.status()).as(listed.text()).isEqualTo(200);
    assertThat(listed.json().get("total").asInt()).isEqualTo(1);
    JsonNode consent = listed.json().get("entry").get(0).get("resource");
    assertThat(consent.get("status").asText()).isEqualTo("active");
    assertThat(consent.at("/category/0/coding/0/code").asText()).isEqualTo("pairing");
    assertThat(consent.at("/provision/actor/0/role/coding/0/code").asText()).isEqualTo("PRCP");
    assertThat(consent.at("/provision/actor/0/reference/identifier/system").asText())
        .isEqualTo("urn:ietf:rfc:3986");
    assertThat(consent.at("/provision/actor/0/reference/identifier/value").asText())
        .isEqualTo(AGENDA);
    assertThat(consent.at("/provision/provision").size()).isEqualTo(1);
    assertThat(consent.at("/provision/provision/0/code/0/coding/0/code").asText())
        .isEqualTo("AGENDA_READ");
    assertThat(consent.at("/provision/provision/0/code/0/coding/0/system").asText())
        .isEqualTo("https://mes4j.io/fhir/CodeSystem/catalogue-finality");
    assertThat(consent.has("extension")).isFalse();
    assertThat(traceCodes(Fixtures.ADULT)).contains("PAIRING_CREATE");
    assertThat(notices(Fixtures.ADULT)).contains(Notification.Kind.PAIRING_CREATED);
  }

  @Test
  void createConsent_ofCategoryPairing_isRefused() {
    // CAT-2
    // WHEN the holder posts a pairing Consent directly
    Answer answer =
        http.postJson(
            "/fhir/Consent",
            token(Fixtures.ADULT),
            "{\"resourceType\":\"Consent\",\"category\":[{\"coding\":[{\"system\":\""
                + CatalogueFlows.CONSENT_CATEGORY
                + "\",\"code\":\"pairing\"}]}],\"patient\":{\"identifier\":{\"system\":\""
                + Fixtures.ADULT.system().uri()
                + "\",\"value\":\""
                + Fixtures.Ids.ADULT
                + "\"}}}");
    // THEN 400: pairings are made through /oauth2/authorize
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
    assertThat(answer.text()).contains("/oauth2/authorize");
  }

  // ---- the authorization request's refusals

  @Test
  void authorize_unknownClientOrUnregisteredRedirect_is400JsonAndNeverARedirect() {
    // CAT-2
    Pkce pkce = flows.pkce();
    // WHEN the client is unknown, or the redirect URI not registered (at GET and at POST)
    Answer unknown =
        flows.authorizeGet(
            authorizeParams("urn:oid:2.999.9.9", AGENDA_REDIRECT, "AGENDA_READ", "s", pkce));
    Answer wrongRedirect =
        flows.authorizeGet(
            authorizeParams(AGENDA, "https://evil.example/callback", "AGENDA_READ", "s", pkce));
    Answer wrongRedirectPost =
        flows.authorizePost(
            token(Fixtures.ADULT),
            authorizeParams(AGENDA, AGENDA_REDIRECT + "/", "AGENDA_READ", "s", pkce));
    // THEN 400 JSON with the OAuth error, no Location; nothing paired
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(List.of(wrongRedirect, wrongRedirectPost))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(400);
              assertThat(a.json().get("error").asText()).isEqualTo("invalid_request");
              assertThat(a.header("Location")).isNull();
            });
    assertThat(
            CatalogueFlows.pairings(http, token(Fixtures.ADULT), Fixtures.ADULT)
                .json()
                .get("total")
                .asInt())
        .isZero();
  }

  @Test
  void authorize_otherBadParameters_redirectWithTheErrorAndState() {
    // CAT-2
    Pkce pkce = flows.pkce();
    String base =
        "client_id="
            + CatalogueFlows.enc(AGENDA)
            + "&redirect_uri="
            + CatalogueFlows.enc(AGENDA_REDIRECT)
            + "&state=st";
    // WHEN PKCE is missing or plain, the response type is not code, or the scope is not offered
    Answer noPkce = flows.authorizeGet(base + "&response_type=code&scope=AGENDA_READ");
    Answer plain =
        flows.authorizeGet(
            base
                + "&response_type=code&scope=AGENDA_READ&code_challenge_method=plain&code_challenge="
                + pkce.verifier());
    Answer tokenType =
        flows.authorizeGet(
            base
                + "&response_type=token&scope=AGENDA_READ&code_challenge_method=S256&code_challenge="
                + pkce.challenge());
    Answer notOffered =
        flows.authorizeGet(
            base
                + "&response_type=code&scope=DOCUMENTS_READ&code_challenge_method=S256&code_challenge="
                + pkce.challenge());
    // THEN each is a 302 to the app with its error and the state
    assertThat(List.of(noPkce, plain, tokenType, notOffered))
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(302));
    assertThat(redirectParams(noPkce))
        .containsEntry("error", "invalid_request")
        .containsEntry("state", "st");
    assertThat(redirectParams(plain)).containsEntry("error", "invalid_request");
    assertThat(redirectParams(tokenType)).containsEntry("error", "unsupported_response_type");
    assertThat(redirectParams(notOffered)).containsEntry("error", "invalid_scope");
  }

  @Test
  void authorize_deny_redirectsWithAccessDenied_andPairsNothing() {
    // CAT-2
    Pkce pkce = flows.pkce();
    // WHEN the holder denies
    Answer denied =
        flows.authorizePost(
            token(Fixtures.ADULT),
            authorizeParams(AGENDA, AGENDA_REDIRECT, "AGENDA_READ", "st", pkce) + "&decision=deny");
    // THEN access_denied with the state, and no pairing
    assertThat(denied.status()).isEqualTo(302);
    assertThat(redirectParams(denied))
        .containsEntry("error", "access_denied")
        .containsEntry("state", "st")
        .doesNotContainKey("code");
    assertThat(
            CatalogueFlows.pairings(http, token(Fixtures.ADULT), Fixtures.ADULT)
                .json()
                .get("total")
                .asInt())
        .isZero();
  }

  @Test
  void authorize_refusesOtherCallersSpacesAndServices_eachWithItsCause() {
    // CAT-1, CAT-2, ES-4
    String params = authorizeParams(AGENDA, AGENDA_REDIRECT, "AGENDA_READ", "s", flows.pkce());
    // WHEN without a token, by a professional, by another patient, for a closed space, for a
    // suspended, a delisted or an offline service, and with a bad decision
    Answer noToken = flows.authorizePost("", params);
    Answer professional =
        flows.authorizePost(token(Fixtures.DOCTOR), params + "&patient=" + Fixtures.Ids.ADULT);
    Answer otherPatient =
        flows.authorizePost(token(Fixtures.PARENT), params + "&patient=" + Fixtures.Ids.ADULT);
    Answer closed = flows.authorizePost(token(Fixtures.CLOSED), params);
    Answer suspended =
        flows.authorizePost(
            token(Fixtures.ADULT),
            authorizeParams(
                Fixtures.Ids.SUSPENDED_APP,
                "https://suspended.example/callback",
                "AGENDA_READ",
                "s",
                flows.pkce()));
    Answer delisted =
        flows.authorizePost(
            token(Fixtures.ADULT),
            authorizeParams(
                Fixtures.Ids.DELISTED_APP,
                "https://delisted.example/callback",
                "AGENDA_READ",
                "s",
                flows.pkce()));
    Answer offline =
        flows.authorizePost(
            token(Fixtures.ADULT),
            authorizeParams(
                Fixtures.Ids.OFFLINE_APP,
                "https://offline.example/callback",
                "AGENDA_READ",
                "s",
                flows.pkce()));
    Answer badDecision = flows.authorizePost(token(Fixtures.ADULT), params + "&decision=maybe");
    Answer badFinalities =
        flows.authorizePost(token(Fixtures.ADULT), params + "&finalities=AGENDA_WRITE");
    // THEN a distinct typed refusal each
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.cause()).isEqualTo("invalid-token");
    assertThat(professional.status()).isEqualTo(403);
    assertThat(professional.cause()).isEqualTo("holder-only");
    assertThat(otherPatient.status()).isEqualTo(403);
    assertThat(otherPatient.cause()).isEqualTo("forbidden");
    assertThat(closed.status()).isEqualTo(409);
    assertThat(closed.cause()).isEqualTo("espace-closed");
    assertThat(suspended.status()).isEqualTo(403);
    assertThat(suspended.cause()).isEqualTo("service-suspended");
    assertThat(delisted.cause()).isEqualTo("service-suspended");
    assertThat(offline.status()).isEqualTo(403);
    assertThat(offline.cause()).isEqualTo("service-unavailable");
    assertThat(badDecision.status()).isEqualTo(400);
    assertThat(badFinalities.status()).isEqualTo(400);
    assertThat(badFinalities.cause()).isEqualTo("invalid-request");
  }

  // ---- the exchange's refusals

  @Test
  void exchange_withAnotherVerifier_isInvalidGrant() {
    // CAT-2 (RFC 7636)
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    // WHEN the app sends the verifier of another challenge
    Answer answer = flows.exchange(code, AGENDA, AGENDA_REDIRECT, flows.pkce().verifier());
    // THEN invalid_grant, never quoting the verifier or the code
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(answer.text()).doesNotContain(code).doesNotContain(pkce.verifier());
  }

  @Test
  void exchange_codeUsedTwice_isInvalidGrant_andRevokesTheTokensMadeFromIt() {
    // CAT-2 (RFC 6749 §4.1.2)
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    Answer first = flows.exchange(code, AGENDA, AGENDA_REDIRECT, pkce.verifier());
    Tokens tokens = CatalogueFlows.tokens(first);
    assertThat(listAppointments(tokens.access(), Fixtures.ADULT).status()).isEqualTo(200);
    // WHEN the code is presented again
    Answer second = flows.exchange(code, AGENDA, AGENDA_REDIRECT, pkce.verifier());
    // THEN invalid_grant, and the first exchange's tokens are refused from the next call
    assertThat(second.status()).isEqualTo(400);
    assertThat(second.json().get("error").asText()).isEqualTo("invalid_grant");
    Answer call = listAppointments(tokens.access(), Fixtures.ADULT);
    assertThat(call.status()).isEqualTo(401);
    assertThat(call.cause()).isEqualTo("token-revoked");
    assertThat(call.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(flows.refresh(tokens.refresh(), AGENDA).json().get("error").asText())
        .isEqualTo("invalid_grant");
  }

  @Test
  void exchange_withAnotherRedirectUri_isInvalidGrant() {
    // CAT-2
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    // WHEN the exchange names another redirect URI
    Answer answer = flows.exchange(code, AGENDA, "https://agenda.example/other", pkce.verifier());
    // THEN invalid_grant
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void exchange_afterSixtySecondsOnTheServerClock_isInvalidGrant() {
    // CAT-2
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    // WHEN 61 seconds pass on the server clock
    server.control().advanceClock(Duration.ofSeconds(61));
    Answer answer = flows.exchange(code, AGENDA, AGENDA_REDIRECT, pkce.verifier());
    // THEN the code has expired
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(answer.json().get("error_description").asText()).contains("expired");
  }

  @Test
  void exchange_byAnotherClientOrWithoutVerifier_isRefused() {
    // CAT-2
    Pkce pkce = flows.pkce();
    String code =
        flows.code(
            token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ", pkce);
    // WHEN another client presents it, an unknown client, and no verifier
    Answer other = flows.exchange(code, MEASURES, AGENDA_REDIRECT, pkce.verifier());
    Answer unknown = flows.exchange(code, "urn:oid:2.999.9.9", AGENDA_REDIRECT, pkce.verifier());
    Answer missing =
        flows.token(
            "grant_type=authorization_code&code=" + code + "&client_id=" + AGENDA, Map.of());
    // THEN invalid_grant, invalid_client, invalid_request; the code is still good after
    assertThat(other.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(unknown.json().get("error").asText()).isEqualTo("invalid_client");
    assertThat(missing.json().get("error").asText()).isEqualTo("invalid_request");
    assertThat(flows.exchange(code, AGENDA, AGENDA_REDIRECT, pkce.verifier()).status())
        .isEqualTo(200);
  }

  // ---- finalities on every call

  @Test
  void finalityNotConsented_readOnlyCannotBook_andMeasuresAppCannotUseTheAgenda() {
    // CAT-2
    // GIVEN the agenda app paired for AGENDA_READ, the measures app for all its finalities
    Tokens reader =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    Tokens measures =
        flows.pair(
            token(Fixtures.ADULT),
            Fixtures.ADULT,
            MEASURES,
            MEASURES_REDIRECT,
            "MEASUREMENTS_READ MEASUREMENTS_WRITE DOCUMENTS_READ DOCUMENTS_WRITE");
    // WHEN the reader books, and the measures app lists appointments
    Answer booked = book(reader.access(), Fixtures.ADULT);
    Answer listed = listAppointments(measures.access(), Fixtures.ADULT);
    // THEN 403 finality-not-consented, naming the finality needed; the reader still reads
    assertThat(booked.status()).isEqualTo(403);
    assertThat(booked.cause()).isEqualTo("finality-not-consented");
    assertThat(booked.text()).contains("AGENDA_WRITE");
    assertThat(listed.status()).isEqualTo(403);
    assertThat(listed.cause()).isEqualTo("finality-not-consented");
    assertThat(listed.text()).contains("AGENDA_READ");
    assertThat(listAppointments(reader.access(), Fixtures.ADULT).status()).isEqualTo(200);
  }

  @Test
  void measuresApp_readsTheHoldersDocuments_andTheAgendaAppCannot() {
    // CAT-2: a service allowed to read the agenda cannot read documents
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.3.4.5", "11488-4");
    Tokens agenda =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    Tokens measures =
        flows.pair(
            token(Fixtures.ADULT), Fixtures.ADULT, MEASURES, MEASURES_REDIRECT, "DOCUMENTS_READ");
    // WHEN each searches the holder's documents
    Answer byAgenda = search(agenda.access(), Fixtures.ADULT, "");
    Answer byMeasures = search(measures.access(), Fixtures.ADULT, "");
    // THEN the agenda app is refused, the measures app sees the document
    assertThat(byAgenda.status()).isEqualTo(403);
    assertThat(byAgenda.cause()).isEqualTo("finality-not-consented");
    assertThat(byMeasures.status()).as(byMeasures.text()).isEqualTo(200);
    assertThat(byMeasures.json().get("total").asInt()).isEqualTo(1);
  }

  @Test
  void measuresApp_depositsADocumentAndRecordsAMeasurement_asItsFinalitiesAllow() {
    // CAT-1, CAT-2: DOCUMENTS_WRITE and MEASUREMENTS_WRITE (author = the service)
    Tokens measures =
        flows.pair(
            token(Fixtures.ADULT),
            Fixtures.ADULT,
            MEASURES,
            MEASURES_REDIRECT,
            "DOCUMENTS_WRITE MEASUREMENTS_READ MEASUREMENTS_WRITE");
    String weight =
        "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":"
            + "[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},\"subject\":"
            + "{\"identifier\":{\"system\":\""
            + Fixtures.ADULT.system().uri()
            + "\",\"value\":\""
            + Fixtures.Ids.ADULT
            + "\"}},\"effectiveDateTime\":\"2026-11-28T08:00:00Z\",\"valueQuantity\":"
            + "{\"value\":72,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\","
            + "\"code\":\"kg\"}}";
    // WHEN the service deposits a document and records a weight, then reads the measurements
    Answer deposited =
        http.postJson(
            "/fhir/DocumentReference",
            measures.access(),
            io.mes4j.mockserver.support.Documents.iti105(
                Fixtures.ADULT,
                "urn:oid:1.2.3.4.6",
                "11488-4",
                io.mes4j.mockserver.support.Documents.pdf("urn:oid:1.2.3.4.6")));
    Answer recorded = http.postJson("/fhir/Observation", measures.access(), weight);
    Answer read = http.get("/fhir/Observation?" + patientParam(Fixtures.ADULT), measures.access());
    // THEN both are stored, and read back; the service may not read documents (not consented)
    assertThat(deposited.status()).as(deposited.text()).isEqualTo(201);
    assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
    assertThat(read.status()).as(read.text()).isEqualTo(200);
    assertThat(search(measures.access(), Fixtures.ADULT, "").cause())
        .isEqualTo("finality-not-consented");
  }

  @Test
  void measurementsRead_coversMeasurementsOnly_notTheRestOfTheMedicalProfile() {
    // CAT-1: MEASUREMENTS_READ is a perimeter of data: Observation measurements, nothing else
    Tokens measures =
        flows.pair(
            token(Fixtures.ADULT),
            Fixtures.ADULT,
            MEASURES,
            MEASURES_REDIRECT,
            "MEASUREMENTS_READ");
    // AND the holder's weight and organ donation wish, both Observations
    String subject =
        "\"subject\":{\"identifier\":{\"system\":\""
            + Fixtures.ADULT.system().uri()
            + "\",\"value\":\""
            + Fixtures.Ids.ADULT
            + "\"}}";
    assertThat(
            http.postJson(
                    "/fhir/Observation",
                    token(Fixtures.ADULT),
                    "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":"
                        + "[{\"system\":\"http://loinc.org\",\"code\":\"29463-7\"}]},"
                        + subject
                        + ",\"effectiveDateTime\":\"2026-11-28T08:00:00Z\",\"valueQuantity\":"
                        + "{\"value\":72,\"unit\":\"kg\",\"system\":\"http://unitsofmeasure.org\","
                        + "\"code\":\"kg\"}}")
                .status())
        .isEqualTo(201);
    assertThat(
            http.postJson(
                    "/fhir/Observation",
                    token(Fixtures.ADULT),
                    "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"coding\":"
                        + "[{\"system\":\"https://mes4j.io/fhir/CodeSystem/profile-item\","
                        + "\"code\":\"organ-donation-wish\"}]},"
                        + subject
                        + ",\"valueCodeableConcept\":{\"coding\":[{\"system\":"
                        + "\"https://mes4j.io/fhir/CodeSystem/organ-donation-wish\","
                        + "\"code\":\"WILLING\"}]}}")
                .status())
        .isEqualTo(201);
    // WHEN the service reads measurements, then allergies, conditions and treatments
    Answer observations =
        http.get("/fhir/Observation?" + patientParam(Fixtures.ADULT), measures.access());
    Answer allergies =
        http.get("/fhir/AllergyIntolerance?" + patientParam(Fixtures.ADULT), measures.access());
    Answer conditions =
        http.get("/fhir/Condition?" + patientParam(Fixtures.ADULT), measures.access());
    Answer treatments =
        http.get("/fhir/MedicationStatement?" + patientParam(Fixtures.ADULT), measures.access());
    // THEN the weight is read, not the organ donation wish; every other part is refused
    assertThat(observations.status()).as(observations.text()).isEqualTo(200);
    assertThat(observations.json().get("total").asInt()).isEqualTo(1);
    assertThat(observations.text()).contains("29463-7").doesNotContain("organ-donation-wish");
    assertThat(
            http.get("/fhir/Observation?" + patientParam(Fixtures.ADULT), token(Fixtures.ADULT))
                .json()
                .get("total")
                .asInt())
        .as("the holder sees both")
        .isEqualTo(2);
    for (Answer refused : List.of(allergies, conditions, treatments)) {
      assertThat(refused.status()).as(refused.text()).isEqualTo(403);
      assertThat(refused.cause()).isEqualTo("forbidden");
    }
  }

  @Test
  void withdrawnFinality_isRefusedOnTheVeryNextCall() {
    // CAT-3
    // GIVEN the agenda app paired for reading and writing, booking once
    Tokens tokens =
        flows.pair(
            token(Fixtures.ADULT),
            Fixtures.ADULT,
            AGENDA,
            AGENDA_REDIRECT,
            "AGENDA_READ AGENDA_WRITE");
    assertThat(book(tokens.access(), Fixtures.ADULT).status()).isEqualTo(201);
    // WHEN the holder withdraws AGENDA_WRITE
    Answer withdrawn = withdrawFinality(token(Fixtures.ADULT), tokens.pairingId(), "AGENDA_WRITE");
    // THEN a new version with one finality; the same token can no longer book, still reads
    assertThat(withdrawn.status()).as(withdrawn.text()).isEqualTo(200);
    assertThat(withdrawn.json().at("/meta/versionId").asText()).isEqualTo("2");
    assertThat(withdrawn.json().at("/provision/provision").size()).isEqualTo(1);
    Answer booked = book(tokens.access(), Fixtures.ADULT);
    assertThat(booked.status()).isEqualTo(403);
    assertThat(booked.cause()).isEqualTo("finality-not-consented");
    assertThat(listAppointments(tokens.access(), Fixtures.ADULT).status()).isEqualTo(200);
    // and a refreshed token carries only what is left
    Answer refreshed = flows.refresh(tokens.refresh(), AGENDA);
    assertThat(refreshed.json().get("scope").asText()).isEqualTo("AGENDA_READ");
    assertThat(traceCodes(Fixtures.ADULT)).contains("PAIRING_FINALITY_WITHDRAW");
  }

  @Test
  void withdrawFinality_badInput_is400AndChangesNothing() {
    // CAT-3
    Tokens tokens =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    // WHEN a finality not in the pairing, an unknown one, and a body that is not Parameters
    Answer notHeld = withdrawFinality(token(Fixtures.ADULT), tokens.pairingId(), "AGENDA_WRITE");
    Answer unknown = withdrawFinality(token(Fixtures.ADULT), tokens.pairingId(), "EVERYTHING");
    Answer notParameters =
        http.postJson(
            "/fhir/Consent/" + tokens.pairingId() + WITHDRAW, token(Fixtures.ADULT), "{\"a\":1}");
    Answer byOther = withdrawFinality(token(Fixtures.PARENT), tokens.pairingId(), "AGENDA_READ");
    // THEN 400 each (the other patient 403), and the pairing unchanged
    assertThat(List.of(notHeld, unknown, notParameters))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(400);
              assertThat(a.cause()).isEqualTo("invalid-request");
            });
    assertThat(byOther.status()).isEqualTo(403);
    Answer read = http.get("/fhir/Consent/" + tokens.pairingId(), token(Fixtures.ADULT));
    assertThat(read.json().at("/meta/versionId").asText()).isEqualTo("1");
    assertThat(listAppointments(tokens.access(), Fixtures.ADULT).status()).isEqualTo(200);
  }

  @Test
  void withdrawingTheLastFinality_endsThePairing() {
    // CAT-3
    Tokens tokens =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    // WHEN the only finality is withdrawn
    Answer withdrawn = withdrawFinality(token(Fixtures.ADULT), tokens.pairingId(), "AGENDA_READ");
    // THEN the pairing is inactive and its tokens revoked
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().get("status").asText()).isEqualTo("inactive");
    assertThat(listAppointments(tokens.access(), Fixtures.ADULT).cause())
        .isEqualTo("token-revoked");
  }

  @Test
  void withdrawnPairing_isRefusedOnTheNextCall_andItsRefreshToo() {
    // CAT-3
    Tokens tokens =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    assertThat(listAppointments(tokens.access(), Fixtures.ADULT).status()).isEqualTo(200);
    // WHEN the holder withdraws the whole pairing
    Answer deleted =
        http.method("DELETE", "/fhir/Consent/" + tokens.pairingId(), token(Fixtures.ADULT));
    // THEN inactive; the token is revoked; refresh refused; traced and noticed
    assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
    assertThat(deleted.json().get("status").asText()).isEqualTo("inactive");
    Answer call = listAppointments(tokens.access(), Fixtures.ADULT);
    assertThat(call.status()).isEqualTo(401);
    assertThat(call.cause()).isEqualTo("token-revoked");
    Answer refreshed = flows.refresh(tokens.refresh(), AGENDA);
    assertThat(refreshed.status()).isEqualTo(400);
    assertThat(refreshed.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(traceCodes(Fixtures.ADULT)).contains("PAIRING_WITHDRAW");
    assertThat(notices(Fixtures.ADULT)).contains(Notification.Kind.PAIRING_WITHDRAWN);
  }

  @Test
  void aServiceCallRefusedAtTheDoor_isInTheHoldersActivityHistory() {
    // AU-1, CAT-3: a refusal before any endpoint ran is an action on the dossier too
    Tokens tokens =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    http.method("DELETE", "/fhir/Consent/" + tokens.pairingId(), token(Fixtures.ADULT));
    assertThat(traceCodes(Fixtures.ADULT)).doesNotContain("SERVICE_CALL");
    // WHEN the service calls after the withdrawal
    assertThat(listAppointments(tokens.access(), Fixtures.ADULT).cause())
        .isEqualTo("token-revoked");
    // THEN the holder reads a refused SERVICE_CALL by the service, naming the pairing
    JsonNode trace = null;
    for (JsonNode entry :
        http.get(
                "/fhir/AuditEvent?" + patientParam(Fixtures.ADULT) + "&_count=100",
                token(Fixtures.ADULT))
            .json()
            .path("entry")) {
      if ("SERVICE_CALL"
          .equals(entry.path("resource").path("subtype").path(0).path("code").asText())) {
        trace = entry.path("resource");
      }
    }
    assertThat(trace).as("a SERVICE_CALL trace").isNotNull();
    assertThat(trace.toString())
        .contains("token-revoked")
        .contains(tokens.pairingId())
        .contains(Fixtures.Ids.AGENDA_APP);
  }

  @Test
  void suspendedOrDelistedService_isRefusedOnTheNextCall_andCannotRefresh() {
    // CAT-1
    Tokens agenda =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    Tokens measures =
        flows.pair(
            token(Fixtures.ADULT), Fixtures.ADULT, MEASURES, MEASURES_REDIRECT, "DOCUMENTS_READ");
    // WHEN the catalogue suspends one and delists the other
    server.control().setServiceStatus(Fixtures.AGENDA_APP, "SUSPENDUE");
    server.control().setServiceStatus(Fixtures.MEASURES_APP, "DEREFERENCEE");
    // THEN 403 service-suspended on the next call of each; refresh refused
    Answer byAgenda = listAppointments(agenda.access(), Fixtures.ADULT);
    Answer byMeasures = search(measures.access(), Fixtures.ADULT, "");
    assertThat(byAgenda.status()).isEqualTo(403);
    assertThat(byAgenda.cause()).isEqualTo("service-suspended");
    assertThat(byMeasures.cause()).isEqualTo("service-suspended");
    assertThat(flows.refresh(agenda.refresh(), AGENDA).json().get("error").asText())
        .isEqualTo("invalid_grant");
    // and back online, the same token works again
    server.control().setServiceStatus(Fixtures.AGENDA_APP, "HORS_LIGNE");
    assertThat(listAppointments(agenda.access(), Fixtures.ADULT).status()).isEqualTo(200);
  }

  // ---- refresh and revoke

  @Test
  void refresh_rotates_andASpentRefreshTokenRevokesTheWholeGrant() {
    // CAT-2 (RFC 6749 §6, rotation)
    Tokens first =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    // WHEN refreshed once
    Answer refreshed = flows.refresh(first.refresh(), AGENDA);
    assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
    Tokens second = CatalogueFlows.tokens(refreshed);
    // THEN a new access token and a new refresh token, both working
    assertThat(second.refresh()).isNotEqualTo(first.refresh());
    assertThat(second.access()).isNotEqualTo(first.access());
    assertThat(listAppointments(second.access(), Fixtures.ADULT).status()).isEqualTo(200);
    // WHEN the spent refresh token is presented again
    Answer reused = flows.refresh(first.refresh(), AGENDA);
    // THEN invalid_grant, and every token of the grant is refused
    assertThat(reused.status()).isEqualTo(400);
    assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(listAppointments(second.access(), Fixtures.ADULT).cause())
        .isEqualTo("token-revoked");
    assertThat(flows.refresh(second.refresh(), AGENDA).json().get("error").asText())
        .isEqualTo("invalid_grant");
  }

  @Test
  void refresh_byAnotherClientOrForMoreScope_isRefused() {
    // CAT-2
    Tokens tokens =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    // WHEN another client refreshes it, and the app asks for more than granted
    Answer other = flows.refresh(tokens.refresh(), MEASURES);
    Answer more =
        flows.token(
            "grant_type=refresh_token&refresh_token="
                + tokens.refresh()
                + "&client_id="
                + CatalogueFlows.enc(AGENDA)
                + "&scope=AGENDA_WRITE",
            Map.of());
    // THEN invalid_grant and invalid_scope
    assertThat(other.json().get("error").asText()).isEqualTo("invalid_grant");
    assertThat(more.json().get("error").asText()).isEqualTo("invalid_scope");
  }

  @Test
  void revoke_accessOrRefreshToken_revokesTheGrant_andUnknownTokensAre200() {
    // CAT-2 (RFC 7009)
    Tokens byRefresh =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    Tokens byAccess =
        flows.pair(
            token(Fixtures.ADULT), Fixtures.ADULT, MEASURES, MEASURES_REDIRECT, "DOCUMENTS_READ");
    // WHEN the app revokes a refresh token, an access token, and an unknown token
    Answer revokedRefresh = flows.revoke(byRefresh.refresh());
    Answer revokedAccess = flows.revoke(byAccess.access());
    Answer unknown = flows.revoke("not-a-token");
    // THEN 200 each; the grants' tokens are refused; the pairings stay active
    assertThat(List.of(revokedRefresh, revokedAccess, unknown))
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
    assertThat(listAppointments(byRefresh.access(), Fixtures.ADULT).cause())
        .isEqualTo("token-revoked");
    assertThat(search(byAccess.access(), Fixtures.ADULT, "").cause()).isEqualTo("token-revoked");
    assertThat(flows.refresh(byAccess.refresh(), MEASURES).json().get("error").asText())
        .isEqualTo("invalid_grant");
    Answer pairings = CatalogueFlows.pairings(http, token(Fixtures.ADULT), Fixtures.ADULT);
    assertThat(pairings.json().findValuesAsText("status")).containsOnly("active");
  }

  @Test
  void pairingAgain_replacesTheActivePairing_andRevokesTheOldTokens() {
    // CAT-2
    Tokens old =
        flows.pair(token(Fixtures.ADULT), Fixtures.ADULT, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    // WHEN the holder pairs the same service again
    Tokens fresh =
        flows.pair(
            token(Fixtures.ADULT),
            Fixtures.ADULT,
            AGENDA,
            AGENDA_REDIRECT,
            "AGENDA_READ AGENDA_WRITE");
    // THEN one active pairing, the new one; the old tokens are refused
    Answer pairings = CatalogueFlows.pairings(http, token(Fixtures.ADULT), Fixtures.ADULT);
    assertThat(pairings.json().get("total").asInt()).isEqualTo(2);
    assertThat(pairings.json().findValuesAsText("status"))
        .containsExactlyInAnyOrder("active", "inactive");
    assertThat(listAppointments(old.access(), Fixtures.ADULT).cause()).isEqualTo("token-revoked");
    assertThat(book(fresh.access(), Fixtures.ADULT).status()).isEqualTo(201);
  }

  // ---- ES-6

  @Test
  void minorsPairing_mustBeApprovedAgainByTheAdult_notByTheFormerRepresentative() {
    // ES-6, CAT-2
    // GIVEN the representative pairs the agenda app for the minor
    Tokens tokens =
        flows.pair(token(Fixtures.PARENT), Fixtures.MINOR, AGENDA, AGENDA_REDIRECT, "AGENDA_READ");
    assertThat(listAppointments(tokens.access(), Fixtures.MINOR).status()).isEqualTo(200);
    // WHEN the minor turns 18 (server clock), and the app refreshes its expired token
    server.control().setClock(Instant.parse("2033-06-20T00:00:00Z"));
    Answer refreshed = flows.refresh(tokens.refresh(), AGENDA);
    assertThat(refreshed.status()).as(refreshed.text()).isEqualTo(200);
    String access = CatalogueFlows.tokens(refreshed).access();
    // THEN the service is refused until the adult approves again
    Answer refused = listAppointments(access, Fixtures.MINOR);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.cause()).isEqualTo("reapproval-required");
    Answer flagged = http.get("/fhir/Consent/" + tokens.pairingId(), token(Fixtures.MINOR));
    assertThat(flagged.json().at("/extension/0/url").asText())
        .isEqualTo("https://mes4j.io/fhir/StructureDefinition/reapproval-required");
    assertThat(flagged.json().at("/extension/0/valueBoolean").asBoolean()).isTrue();
    // the former representative cannot approve again
    Answer byParent =
        http.postJson(
            "/fhir/Consent/" + tokens.pairingId() + "/$reapprove", token(Fixtures.PARENT), "");
    assertThat(byParent.status()).isEqualTo(403);
    assertThat(listAppointments(access, Fixtures.MINOR).cause()).isEqualTo("reapproval-required");
    // the adult can, and the same token works again
    Answer byAdult =
        http.postJson(
            "/fhir/Consent/" + tokens.pairingId() + "/$reapprove",
            token(Fixtures.MINOR),
            "{\"resourceType\":\"Parameters\"}");
    assertThat(byAdult.status()).as(byAdult.text()).isEqualTo(200);
    assertThat(byAdult.json().has("extension")).isFalse();
    assertThat(listAppointments(access, Fixtures.MINOR).status()).isEqualTo(200);
    assertThat(traceCodes(Fixtures.MINOR)).contains("PAIRING_REAPPROVE");
    assertThat(server.control().catalogueConsentsToReapprove(Fixtures.MINOR)).isFalse();
  }
}
