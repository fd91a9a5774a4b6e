package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.identity.ServiceId;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogueTest extends ServerTest {
  @Test
  void list_givesEveryFixtureServiceSortedById_withoutAToken() {
    // CAT-1
    // WHEN anyone lists the catalogue
    Answer answer = http.get("/catalogue/services", null);
    // THEN the five fixture services, sorted by id, with their status and finalities
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonNode services = answer.json().get("services");
    assertThat(services).hasSize(5);
    assertThat(services.findValuesAsText("id"))
        .containsExactly(
            Fixtures.Ids.AGENDA_APP,
            Fixtures.Ids.MEASURES_APP,
            Fixtures.Ids.OFFLINE_APP,
            Fixtures.Ids.SUSPENDED_APP,
            Fixtures.Ids.DELISTED_APP);
    assertThat(services.get(0).get("name").asText()).isEqualTo("Agenda Démo");
    assertThat(services.get(0).get("editor").asText()).isEqualTo("Éditeur Démo");
    assertThat(services.get(2).get("status").asText()).isEqualTo("HORS_LIGNE");
    assertThat(services.get(3).get("status").asText()).isEqualTo("SUSPENDUE");
    assertThat(services.get(4).get("status").asText()).isEqualTo("DEREFERENCEE");
  }

  @Test
  void lookup_byEncodedId_givesTheServiceWithItsFinalitiesPerimeters() {
    // CAT-1
    // WHEN the measures app is looked up by its percent-encoded id
    Answer answer = http.get("/catalogue/services/urn%3Aoid%3A2.999.1.2", null);
    // THEN its four finalities, each a perimeter of data and actions, and its redirect URI
    assertThat(answer.status()).isEqualTo(200);
    JsonNode service = answer.json();
    assertThat(service.get("id").asText()).isEqualTo(Fixtures.Ids.MEASURES_APP);
    assertThat(service.get("status").asText()).isEqualTo("EN_LIGNE");
    assertThat(service.get("finalities").findValuesAsText("code"))
        .containsExactly(
            "DOCUMENTS_READ", "DOCUMENTS_WRITE", "MEASUREMENTS_READ", "MEASUREMENTS_WRITE");
    JsonNode measurementsRead = service.get("finalities").get(2);
    assertThat(measurementsRead.get("data").get(0).asText()).isEqualTo("Observation");
    assertThat(measurementsRead.get("actions").get(0).asText()).isEqualTo("read");
    assertThat(measurementsRead.get("display").asText()).isNotBlank();
    assertThat(service.get("redirectUris").get(0).asText())
        .isEqualTo("https://mesures.example/callback");
  }

  @Test
  void lookup_byIdAsIs_findsIt_andAnUnknownIdIsNotFound() {
    // CAT-1
    // WHEN looked up with the id unencoded, and an unknown id
    Answer known = http.get("/catalogue/services/urn:oid:2.999.1.1", null);
    Answer unknown = http.get("/catalogue/services/urn%3Aoid%3A2.999.9.9", null);
    // THEN the first is found, the second is a 404 OperationOutcome
    assertThat(known.status()).isEqualTo(200);
    assertThat(known.json().get("name").asText()).isEqualTo("Agenda Démo");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.cause()).isEqualTo("not-found");
  }

  @Test
  void controlPlane_putsAServiceAndChangesItsStatus() {
    // CAT-1
    // GIVEN a new service put through the control plane
    Answer put =
        http.control(
            "PUT",
            "/_mock/services/urn%3Aoid%3A2.999.7.1",
            Map.of(
                "name",
                "Nouvelle App",
                "editor",
                "Éditeur Neuf",
                "finalities",
                List.of("AGENDA_READ"),
                "redirectUris",
                List.of("https://new.example/cb")));
    // WHEN its status is changed
    Answer status =
        http.control(
            "PUT", "/_mock/services/urn%3Aoid%3A2.999.7.1/status", Map.of("status", "SUSPENDUE"));
    // THEN it is listed, suspended
    assertThat(put.status()).as(put.text()).isEqualTo(200);
    assertThat(put.json().get("status").asText()).isEqualTo("EN_LIGNE");
    assertThat(status.status()).isEqualTo(200);
    Answer listed = http.get("/catalogue/services/urn%3Aoid%3A2.999.7.1", null);
    assertThat(listed.json().get("status").asText()).isEqualTo("SUSPENDUE");
    assertThat(listed.json().get("editor").asText()).isEqualTo("Éditeur Neuf");
  }

  @Test
  void controlPlane_refusesBadServicesWith400_andChangesNothing() {
    // CAT-1
    // WHEN services with a bad id, an unknown finality, no redirect URI, or a bad status are put
    Answer badId =
        http.control(
            "PUT",
            "/_mock/services/not-an-oid",
            Map.of(
                "name",
                "X",
                "editor",
                "Y",
                "finalities",
                List.of("AGENDA_READ"),
                "redirectUris",
                List.of("https://x.example/cb")));
    Answer badFinality =
        http.control(
            "PUT",
            "/_mock/services/urn%3Aoid%3A2.999.7.2",
            Map.of(
                "name",
                "X",
                "editor",
                "Y",
                "finalities",
                List.of("EVERYTHING"),
                "redirectUris",
                List.of("https://x.example/cb")));
    Answer noUri =
        http.control(
            "PUT",
            "/_mock/services/urn%3Aoid%3A2.999.7.3",
            Map.of(
                "name",
                "X",
                "editor",
                "Y",
                "finalities",
                List.of("AGENDA_READ"),
                "redirectUris",
                List.of()));
    Answer badStatus =
        http.control(
            "PUT", "/_mock/services/urn%3Aoid%3A2.999.1.1/status", Map.of("status", "PAUSED"));
    Answer unknownStatus =
        http.control(
            "PUT", "/_mock/services/urn%3Aoid%3A2.999.9.9/status", Map.of("status", "SUSPENDUE"));
    // THEN 400 invalid-request each (404 for an unknown service), and the catalogue unchanged
    assertThat(List.of(badId, badFinality, noUri, badStatus))
        .allSatisfy(
            a -> {
              assertThat(a.status()).isEqualTo(400);
              assertThat(a.cause()).isEqualTo("invalid-request");
            });
    assertThat(unknownStatus.status()).isEqualTo(404);
    assertThat(http.get("/catalogue/services", null).json().get("services")).hasSize(5);
    assertThat(
            http.get("/catalogue/services/urn:oid:2.999.1.1", null).json().get("status").asText())
        .isEqualTo("EN_LIGNE");
  }

  @Test
  void mockControl_putsAServiceAndSuspendsIt_andRefusesUnknownValues() {
    // CAT-1
    // GIVEN the Java control API
    MockControl control = server.control();
    // WHEN a service is put and suspended
    control.putService(
        ServiceId.of("2.999.7.4"),
        "App Java",
        "Éditeur",
        "EN_LIGNE",
        Set.of("DOCUMENTS_READ"),
        List.of("https://java.example/cb"));
    control.setServiceStatus(ServiceId.of("2.999.7.4"), "DEREFERENCEE");
    // THEN it is listed as such; unknown values are refused
    assertThat(
            http.get("/catalogue/services/urn:oid:2.999.7.4", null).json().get("status").asText())
        .isEqualTo("DEREFERENCEE");
    assertThatThrownBy(() -> control.setServiceStatus(ServiceId.of("2.999.7.4"), "GONE"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                control.putService(
                    ServiceId.of("2.999.7.5"),
                    "X",
                    "Y",
                    "EN_LIGNE",
                    Set.of("NOPE"),
                    List.of("https://x.example/cb")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void discovery_listsTheAuthorizationCodeFlowPkceAndDpop() {
    // CAT-2
    // WHEN the discovery document is read
    JsonNode discovery = http.get("/.well-known/openid-configuration", null).json();
    // THEN the pairing's endpoints, grants, PKCE and DPoP algorithms
    assertThat(discovery.get("authorization_endpoint").asText())
        .isEqualTo(server.baseUrl() + "/oauth2/authorize");
    assertThat(discovery.get("revocation_endpoint").asText())
        .isEqualTo(server.baseUrl() + "/oauth2/revoke");
    assertThat(discovery.get("grant_types_supported").toString())
        .contains("authorization_code", "refresh_token", "client_credentials");
    assertThat(discovery.get("code_challenge_methods_supported").toString())
        .isEqualTo("[\"S256\"]");
    assertThat(discovery.get("dpop_signing_alg_values_supported").toString())
        .contains("ES256", "RS256", "PS256");
  }

  @Test
  void reset_bringsTheFixtureCatalogueBack() {
    // CAT-1
    // GIVEN a suspended agenda app
    server.control().setServiceStatus(Fixtures.AGENDA_APP, "SUSPENDUE");
    // WHEN the server is reset
    server.control().reset();
    // THEN it is online again
    assertThat(
            http.get("/catalogue/services/urn:oid:2.999.1.1", null).json().get("status").asText())
        .isEqualTo("EN_LIGNE");
  }
}
