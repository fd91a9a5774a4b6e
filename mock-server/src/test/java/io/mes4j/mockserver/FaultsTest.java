package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.internal.faults.FaultPlan;
import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Injected faults: error statuses, Retry-After, dropped connections, latency, by seed. */
class FaultsTest extends ServerTest {

  private static JsonNode put(String plan) {
    Answer answer = http.control("PUT", "/_mock/faults", plan);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  private static int metadataStatus() {
    return http.get("/fhir/metadata", null).status();
  }

  @Test
  void plan_roundTripsOverHttpAndCanBeRemoved() throws Exception {
    // GIVEN a plan using every kind of rule
    String plan =
        """
        {"seed": 42,
         "rules": [
           {"method": "POST", "path": "/fhir/DocumentReference", "rate": 0.05, "status": 503},
           {"path": "/fhir/**", "rate": 0.05, "status": 429, "retryAfter": 2},
           {"path": "/fhir/**", "rate": 0.05, "drop": true},
           {"path": "/fhir/**", "rate": 0.05,
            "latency": {"distribution": "uniform", "minMs": 50, "maxMs": 400}},
           {"path": "regex:/oauth2/.*", "rate": 1.0,
            "latency": {"distribution": "lognormal", "medianMs": 20, "sigma": 0.5, "maxMs": 100}},
           {"path": "/oauth2/token", "rate": 1.0, "latency": {"distribution": "fixed", "ms": 100}}
         ]}
        """;
    // WHEN it is put
    JsonNode answered = put(plan);
    // THEN GET shows exactly it
    JsonNode expected = TestClient.JSON.readTree(plan);
    assertThat(answered).isEqualTo(expected);
    assertThat(http.control("GET", "/_mock/faults", null).json()).isEqualTo(expected);
    assertThat(server.control().faults()).hasSize(6);
    // AND DELETE removes it
    assertThat(http.control("DELETE", "/_mock/faults", null).status()).isEqualTo(204);
    assertThat(http.control("GET", "/_mock/faults", null).json().get("rules")).isEmpty();
  }

  @Test
  void anErrorRule_answersItsStatusAsAnOperationOutcome_andChangesNothing() {
    // GIVEN every deposit fails with 503
    put(
        "{\"rules\": [{\"method\": \"POST\", \"path\": \"/fhir/DocumentReference\", \"status\": 503}]}");
    // WHEN a deposit is sent
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.82.1", LABORATORY, Documents.pdf("f")));
    // THEN a 503 unavailable, journaled as a fault, and no document was stored
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.cause()).isEqualTo("unavailable");
    assertThat(answer.json().get("resourceType").asText()).isEqualTo("OperationOutcome");
    assertThat(server.control().journal(JournalQuery.all().status(503)))
        .singleElement()
        .satisfies(e -> assertThat(e.fault()).isEqualTo("error"));
    server.control().clearFaults();
    assertThat(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
    assertThat(server.control().outbox()).isEmpty();
    // AND other methods and paths were not faulted
    assertThat(metadataStatus()).isEqualTo(200);
  }

  @Test
  void a429Rule_sendsRetryAfter() {
    put("{\"rules\": [{\"path\": \"/fhir/metadata\", \"status\": 429, \"retryAfter\": 2}]}");
    Answer answer = http.get("/fhir/metadata", null);
    assertThat(answer.status()).isEqualTo(429);
    assertThat(answer.cause()).isEqualTo("rate-limited");
    assertThat(answer.header("Retry-After")).isEqualTo("2");
  }

  @Test
  void aDropRule_closesTheConnectionWithoutAnAnswer_andChangesNothing() {
    // GIVEN every deposit is dropped
    put(
        "{\"rules\": [{\"method\": \"POST\", \"path\": \"/fhir/DocumentReference\", \"drop\": true}]}");
    HttpClient client = HttpClient.newHttpClient();
    // (a POST: the JDK's client retries an idempotent GET once on a dropped connection by itself)
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/fhir/DocumentReference"))
            .header("Authorization", "Bearer " + token(Fixtures.DOCTOR))
            .header("Content-Type", "application/fhir+json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    bytes(
                        Documents.iti105(
                            Fixtures.ADULT,
                            "urn:oid:1.2.250.1.999.82.2",
                            LABORATORY,
                            Documents.pdf("d")))))
            .build();
    // WHEN / THEN the client sees the connection closed, and the journal a status 0
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(server.control().journal())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isZero();
              assertThat(e.fault()).isEqualTo("drop");
            });
    // AND nothing was stored
    server.control().clearFaults();
    assertThat(searchByPost(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
  }

  @Test
  void aLatencyRule_delaysThenServesNormally() {
    // GIVEN a fixed 30 ms latency
    server.control().setFaults(Fault.on("/fhir/metadata").latencyFixed(Duration.ofMillis(30)));
    // WHEN
    int status = metadataStatus();
    // THEN the answer is the normal one, after at least the delay
    assertThat(status).isEqualTo(200);
    JournalEntry entry = server.control().journal().get(0);
    assertThat(entry.fault()).isEqualTo("latency");
    assertThat(entry.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
  }

  @Test
  void faults_neverApplyToTheControlPlane() {
    put("{\"rules\": [{\"path\": \"**\", \"status\": 503}]}");
    assertThat(http.control("GET", "/_mock/clock", null).status()).isEqualTo(200);
    assertThat(http.control("GET", "/_mock/journal", null).status()).isEqualTo(200);
    assertThat(metadataStatus()).isEqualTo(503);
  }

  @Test
  void onTheTokenEndpoint_aFaultIsAnOAuthError() {
    put("{\"rules\": [{\"path\": \"/oauth2/**\", \"status\": 503, \"retryAfter\": 1}]}");
    Answer answer = http.form("/oauth2/token", "grant_type=client_credentials");
    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.json().get("error").asText()).isEqualTo("temporarily_unavailable");
    assertThat(answer.header("Retry-After")).isEqualTo("1");
  }

  @Test
  void theSameSeed_faultsTheSameRequests() {
    // GIVEN half of the requests fail, seed 7
    String plan =
        "{\"seed\": 7, \"rules\": [{\"path\": \"/fhir/**\", \"rate\": 0.5, \"status\": 503}]}";
    put(plan);
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      first.append(metadataStatus() == 503 ? 'x' : '.');
    }
    // WHEN the same plan is put again, and then another seed
    put(plan);
    StringBuilder second = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      second.append(metadataStatus() == 503 ? 'x' : '.');
    }
    put(plan.replace("\"seed\": 7", "\"seed\": 8"));
    StringBuilder other = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      other.append(metadataStatus() == 503 ? 'x' : '.');
    }
    // THEN the same seed gives the same sequence, another seed another one
    assertThat(second.toString()).isEqualTo(first.toString());
    assertThat(other.toString()).isNotEqualTo(first.toString());
    assertThat(first.toString()).contains("x").contains(".");
  }

  @Test
  void ratesOfMatchingRules_add_up() {
    // GIVEN four rules of 5 % each (the soak's mix: 503, 429, drop, latency)
    FaultPlan plan = new FaultPlan(0);
    plan.put(
        11L,
        List.of(
            Fault.on("/fhir/**").rate(0.05).status(503),
            Fault.on("/fhir/**").rate(0.05).status(429).retryAfter(Duration.ofSeconds(1)),
            Fault.on("/fhir/**").rate(0.05).drop(),
            Fault.on("/fhir/**")
                .rate(0.05)
                .latencyUniform(Duration.ofMillis(1), Duration.ofMillis(9))));
    // WHEN 100 000 requests are decided
    int[] kinds = new int[4];
    int faulted = 0;
    for (int i = 0; i < 100_000; i++) {
      FaultPlan.Verdict verdict = plan.decide("POST", "/fhir/DocumentReference");
      if (verdict != null) {
        faulted++;
        kinds[
            switch (verdict.kind()) {
              case "error" -> verdict.rule().status() == 503 ? 0 : 1;
              case "drop" -> 2;
              default -> 3;
            }]++;
        assertThat(verdict.delayMs()).isBetween(0L, 9L);
      }
    }
    // THEN about 20 % are faulted, about 5 % of each kind (exact for this seed)
    assertThat(faulted).isBetween(19_000, 21_000);
    for (int count : kinds) {
      assertThat(count).isBetween(4_500, 5_500);
    }
    // AND a path no rule matches is never faulted
    assertThat(plan.decide("GET", "/oauth2/token")).isNull();
  }

  @Test
  void lognormalLatency_staysUnderItsCap() {
    FaultPlan plan = new FaultPlan(3);
    plan.put(
        null,
        List.of(
            Fault.on("**").latencyLogNormal(Duration.ofMillis(50), 2.0, Duration.ofMillis(200))));
    for (int i = 0; i < 10_000; i++) {
      assertThat(plan.decide("GET", "/fhir/metadata").delayMs()).isBetween(0L, 200L);
    }
  }

  @Test
  void anInvalidPlan_is400NamingTheRuleAndField_andLeavesThePlanInForce() {
    // GIVEN a plan in force
    put("{\"rules\": [{\"path\": \"/fhir/metadata\", \"status\": 503}]}");
    // WHEN invalid plans are put
    Map<String, String> invalid =
        Map.of(
            "{\"rules\": [{\"path\": \"/a\", \"status\": 503}, {\"path\": \"/b\", \"rate\": 1.5, \"status\": 503}]}",
            "rules[1]: rate",
            "{\"rules\": [{\"path\": \"/a\", \"status\": 302}]}",
            "rules[0].status",
            "{\"rules\": [{\"path\": \"/a\", \"status\": 503, \"drop\": true}]}",
            "drop and status",
            "{\"rules\": [{\"path\": \"/a\"}]}",
            "needs a status, drop or latency",
            "{\"rules\": [{\"path\": \"/a\", \"drop\": true, \"retryAfter\": 1}]}",
            "retryAfter needs a status",
            "{\"rules\": [{\"path\": \"regex:((\", \"status\": 503}]}",
            "regular expression",
            "{\"rules\": [{\"path\": \"/a\", \"latency\": {\"distribution\": \"fixed\", \"ms\": 600000}}]}",
            "latency",
            "{\"rules\": [{\"path\": \"/a\", \"latency\": {\"distribution\": \"gamma\"}}]}",
            "rules[0].latency.distribution",
            "{\"rules\": [{\"path\": \"/a\", \"status\": 503, \"colour\": \"red\"}]}",
            "rules[0].colour",
            "{\"rule\": []}",
            "Unknown field rule");
    invalid.forEach(
        (body, named) -> {
          Answer answer = http.control("PUT", "/_mock/faults", body);
          // THEN each is a 400 naming what is wrong
          assertThat(answer.status()).as(body).isEqualTo(400);
          assertThat(answer.cause()).as(body).isEqualTo("invalid-request");
          assertThat(answer.text()).as(body).contains(named);
        });
    // AND the plan in force is unchanged
    assertThat(server.control().faults()).containsExactly(Fault.on("/fhir/metadata").status(503));
    assertThat(http.control("PUT", "/_mock/faults", "{not json").status()).isEqualTo(400);
  }

  @Test
  void theJavaApi_refusesAnInvalidRule() {
    assertThatThrownBy(() -> server.control().setFaults(Fault.on("/fhir/**").rate(-1).status(503)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rules[0]: rate");
    assertThat(server.control().faults()).isEmpty();
  }

  @Test
  void reset_removesTheFaults() {
    server.control().setFaults(Fault.on("/fhir/**").status(503));
    assertThat(metadataStatus()).isEqualTo(503);
    assertThat(http.control("POST", "/_mock/reset", null).status()).isEqualTo(204);
    assertThat(server.control().faults()).isEmpty();
    assertThat(metadataStatus()).isEqualTo(200);
  }

  static byte[] bytes(Object value) {
    try {
      return TestClient.JSON.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
