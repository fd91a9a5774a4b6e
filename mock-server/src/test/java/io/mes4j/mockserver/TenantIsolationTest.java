package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tenants: isolated servers under /t/{name} on one port. */
class TenantIsolationTest extends ServerTest {

  @AfterEach
  void removeTenants() {
    JsonNode list = http.control("GET", "/_mock/tenants", null).json().get("tenants");
    list.forEach(t -> http.control("DELETE", "/_mock/tenants/" + t.get("name").asText(), null));
  }

  private static String create(String name) {
    Answer answer = http.control("POST", "/_mock/tenants", Map.of("name", name));
    assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    return answer.json().get("baseUrl").asText();
  }

  /** A deposit into the server at {@code base}, with a token of that server. */
  private static Answer depositAt(TestClient client, String token, String masterId) {
    return client.postJson(
        "/fhir/DocumentReference",
        token,
        Documents.iti105(Fixtures.ADULT, masterId, LABORATORY, Documents.pdf(masterId)));
  }

  private static String tokenAt(TestClient client, String subject) {
    return client
        .control("POST", "/_mock/tokens", Map.of("subject", subject))
        .json()
        .get("access_token")
        .asText();
  }

  private static int documentsAt(TestClient client) {
    return client
        .postForm(
            "/fhir/DocumentReference/_search",
            tokenAt(client, Fixtures.Ids.ADULT),
            patientParam(Fixtures.ADULT))
        .json()
        .get("total")
        .asInt();
  }

  @Test
  void tenants_haveTheirOwnStateJournalFaultsAndClock() {
    // GIVEN two tenants
    TestClient a = new TestClient(create("team-a"));
    TestClient b = new TestClient(create("team-b"));
    // WHEN a deposit is made in a, a fault put in b and b's clock moved
    assertThat(depositAt(a, tokenAt(a, Fixtures.Ids.DOCTOR), "urn:oid:1.2.250.1.999.86.1").status())
        .isEqualTo(201);
    assertThat(
            b.control(
                    "PUT",
                    "/_mock/faults",
                    "{\"rules\": [{\"path\": \"/fhir/metadata\", \"status\": 503}]}")
                .status())
        .isEqualTo(200);
    b.control("POST", "/_mock/clock/advance", Map.of("duration", "P1D"));
    // THEN a has the document, b and the root do not
    assertThat(documentsAt(a)).isEqualTo(1);
    assertThat(documentsAt(b)).isZero();
    assertThat(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
    // AND each journal has its own requests, named with the tenant
    JsonNode journalA =
        a.control("GET", "/_mock/journal?method=POST&path=/fhir/DocumentReference", null).json();
    assertThat(journalA.get("total").asInt()).isEqualTo(1);
    assertThat(journalA.get("entries").get(0).get("tenant").asText()).isEqualTo("team-a");
    assertThat(server.control().journal(JournalQuery.all().status(201))).isEmpty();
    // AND the fault is b's only
    assertThat(b.get("/fhir/metadata", null).status()).isEqualTo(503);
    assertThat(a.get("/fhir/metadata", null).status()).isEqualTo(200);
    assertThat(http.get("/fhir/metadata", null).status()).isEqualTo(200);
    // AND so is the clock
    assertThat(b.control("GET", "/_mock/clock", null).json().get("now").asText())
        .isEqualTo(START.plus(Duration.ofDays(1)).toString());
    assertThat(a.control("GET", "/_mock/clock", null).json().get("now").asText())
        .isEqualTo(START.toString());
  }

  @Test
  void aTokenOfOneTenant_isRefusedByAnother() {
    TestClient a = new TestClient(create("keys-a"));
    TestClient b = new TestClient(create("keys-b"));
    Answer answer = depositAt(b, tokenAt(a, Fixtures.Ids.DOCTOR), "urn:oid:1.2.250.1.999.86.2");
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.cause()).isEqualTo("invalid-token");
    assertThat(
            depositAt(http, tokenAt(a, Fixtures.Ids.DOCTOR), "urn:oid:1.2.250.1.999.86.3").status())
        .isEqualTo(401);
  }

  @Test
  void resettingATenant_leavesTheOthersAlone() {
    TestClient a = new TestClient(create("reset-a"));
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.86.4", LABORATORY);
    depositAt(a, tokenAt(a, Fixtures.Ids.DOCTOR), "urn:oid:1.2.250.1.999.86.5");
    assertThat(a.control("POST", "/_mock/reset", null).status()).isEqualTo(204);
    assertThat(documentsAt(a)).isZero();
    assertThat(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(1);
  }

  @Test
  void tenants_areListedAndRemoved_andAnUnknownOneIs404() {
    String base = create("listed");
    assertThat(http.control("POST", "/_mock/tenants", Map.of("name", "listed")).status())
        .as("made once, found after")
        .isEqualTo(200);
    JsonNode list = http.control("GET", "/_mock/tenants", null).json().get("tenants");
    assertThat(list).hasSize(1);
    assertThat(list.get(0).get("baseUrl").asText()).isEqualTo(base).endsWith("/t/listed");
    assertThat(http.control("DELETE", "/_mock/tenants/listed", null).status()).isEqualTo(204);
    Answer gone = http.get("/t/listed/fhir/metadata", null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.cause()).isEqualTo("not-found");
    assertThat(http.control("DELETE", "/_mock/tenants/listed", null).status()).isEqualTo(404);
  }

  @Test
  void aBadTenantName_is400() {
    for (String bad : List.of("Upper", "with space", "x".repeat(41), "")) {
      assertThat(http.control("POST", "/_mock/tenants", Map.of("name", bad)).status())
          .as(bad)
          .isEqualTo(400);
    }
    assertThatThrownBy(() -> server.tenant("No_Way")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theJavaApi_givesATenantServerThatClosingRemoves() {
    // GIVEN a tenant made in Java
    MockServer tenant = server.tenant("java-made");
    // THEN it is a whole server at its own base URL
    assertThat(tenant.tenantName()).hasValue("java-made");
    assertThat(tenant.baseUrl()).isEqualTo(server.baseUrl() + "/t/java-made");
    assertThat(server.tenant("java-made")).isSameAs(tenant);
    TestClient client = new TestClient(tenant.baseUrl());
    assertThat(
            depositAt(client, tenant.control().token(Fixtures.DOCTOR), "urn:oid:1.2.250.1.999.86.6")
                .status())
        .isEqualTo(201);
    tenant.control().verify(1, JournalQuery.all().method("POST"));
    server.control().verify(0, JournalQuery.all().method("POST"));
    // WHEN it is closed, THEN it is gone and the root still serves
    tenant.close();
    assertThat(client.get("/fhir/metadata", null).status()).isEqualTo(404);
    assertThat(http.get("/fhir/metadata", null).status()).isEqualTo(200);
  }

  @Test
  void parallelClients_eachInItsTenant_seeOnlyTheirOwnState() throws Exception {
    // GIVEN four tenants used at the same time by four threads
    int tenants = 4;
    int deposits = 10;
    ExecutorService pool = Executors.newFixedThreadPool(tenants);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int t = 0; t < tenants; t++) {
        MockServer tenant = server.tenant("parallel-" + t);
        int index = t;
        results.add(
            pool.submit(
                () -> {
                  TestClient client = new TestClient(tenant.baseUrl());
                  String token = tenant.control().token(Fixtures.DOCTOR);
                  for (int i = 0; i < deposits + index; i++) {
                    depositAt(client, token, "urn:oid:1.2.250.1.999.87." + index + "." + i);
                  }
                  return new int[] {
                    documentsAt(client),
                    tenant.control().journal(JournalQuery.all().method("POST").status(201)).size()
                  };
                }));
      }
      // THEN each saw exactly its own deposits
      for (int t = 0; t < tenants; t++) {
        assertThat(results.get(t).get()).containsExactly(deposits + t, deposits + t);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The JUnit extension gives each class its own tenant of one shared server. */
  @Nested
  @MesMockServer(shared = true, tenant = true, clock = "2026-11-28T10:00:00Z")
  class WithTheExtension {
    @Test
    void theInjectedServer_isATenantOfTheSharedServer(MockServer injected) {
      assertThat(injected.tenantName()).isPresent();
      assertThat(injected.baseUrl()).contains("/t/withtheextension-");
      TestClient client = new TestClient(injected.baseUrl());
      assertThat(
              depositAt(
                      client,
                      injected.control().token(Fixtures.DOCTOR),
                      "urn:oid:1.2.250.1.999.88.1")
                  .status())
          .isEqualTo(201);
      injected.control().verify(1, JournalQuery.all().method("POST").status(201));
    }
  }
}
