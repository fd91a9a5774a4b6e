package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule 11: bad input is a clear 4xx and changes nothing. */
class BadInputTest extends ServerTest {
  @AfterEach
  void nothingWasStored() {
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
  }

  private static Answer publish(byte[] body, String contentType) {
    return http.post("/fhir/DocumentReference", token(Fixtures.DOCTOR), contentType, body);
  }

  @Test
  void malformedJson_is400InvalidRequest() {
    Answer answer =
        publish(
            "{\"resourceType\": \"DocumentRef".getBytes(StandardCharsets.UTF_8),
            "application/fhir+json");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }

  @Test
  void wrongFieldType_is400NamingTheField() {
    ObjectNode body =
        Documents.iti105(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.1", LABORATORY, Documents.pdf("x"));
    body.put("masterIdentifier", 42);
    Answer answer = http.postJson("/fhir/DocumentReference", token(Fixtures.DOCTOR), body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("issue").get(0).get("details").get("text").asText())
        .contains("masterIdentifier");
  }

  @Test
  void unknownTypeCode_is400UnknownCode() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.2", "99999-9", Documents.pdf("x")));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("unknown-code");
  }

  @Test
  void unknownLabel_is400UnknownCode() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            Documents.iti105(
                Fixtures.ADULT,
                "urn:oid:1.2.250.1.999.8.3",
                LABORATORY,
                Documents.pdf("x"),
                "SECRET"));
    assertThat(answer.cause()).isEqualTo("unknown-code");
  }

  @Test
  void normalCombinedWithAnotherLabel_is400() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            Documents.iti105(
                Fixtures.ADULT,
                "urn:oid:1.2.250.1.999.8.4",
                LABORATORY,
                Documents.pdf("x"),
                "N",
                "MASQUE_PS"));
    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void wrongContentType_is415() {
    byte[] body =
        TestClient.JSON
            .valueToTree(
                Documents.iti105(
                    Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.5", LABORATORY, Documents.pdf("x")))
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    Answer answer = publish(body, "text/plain");
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.cause()).isEqualTo("unsupported-media-type");
  }

  @Test
  void bodyOverTheLimit_is413() {
    // GIVEN a server with a 1 KB body limit
    try (MockServer small = MockServer.builder().requestBodyLimit(1024).start()) {
      TestClient client = new TestClient(small.baseUrl());
      String token = small.control().token(Fixtures.DOCTOR);
      // WHEN
      Answer answer =
          client.postJson(
              "/fhir/DocumentReference",
              token,
              Documents.iti105(
                  Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.6", LABORATORY, new byte[4096]));
      // THEN
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.cause()).isEqualTo("too-large");
      assertThat(
              client
                  .get(
                      "/fhir/DocumentReference?" + patientParam(Fixtures.ADULT),
                      small.control().token(Fixtures.ADULT))
                  .json()
                  .get("total")
                  .asInt())
          .isZero();
    }
  }

  @Test
  void unknownPath_is404() {
    Answer answer = http.get("/fhir/NoSuchThing", token(Fixtures.DOCTOR));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.cause()).isEqualTo("not-found");
    assertThat(http.get("/elsewhere", null).status()).isEqualTo(404);
  }

  @Test
  void knownButUnimplementedResourceType_is501() {
    Answer answer = http.get("/fhir/Encounter?subject=x", token(Fixtures.DOCTOR));
    assertThat(answer.status()).isEqualTo(501);
    assertThat(answer.cause()).isEqualTo("not-implemented");
  }

  @Test
  void wrongMethod_is405WithAllow() {
    // (A FHIR interaction's method not implemented here is a 501: see HonestParityTest.)
    Answer answer = http.method("OPTIONS", "/fhir/DocumentReference", token(Fixtures.DOCTOR));
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.cause()).isEqualTo("method-not-allowed");
    assertThat(answer.header("Allow")).isEqualTo("GET, POST");
  }

  @Test
  void unacceptableAccept_is406() {
    Answer answer =
        http.get(
            "/fhir/DocumentReference?" + patientParam(Fixtures.ADULT),
            token(Fixtures.ADULT),
            java.util.Map.of("Accept", "text/html"));
    assertThat(answer.status()).isEqualTo(406);
  }

  @Test
  void unknownSearchParameter_is400() {
    Answer answer = search(token(Fixtures.ADULT), Fixtures.ADULT, "&colour=blue");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }

  @Test
  void badCount_is400() {
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=0").status()).isEqualTo(400);
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=abc").status())
        .isEqualTo(400);
  }

  @Test
  void everyAnswerCarriesARequestId_echoedWhenGiven() {
    Answer generated = http.get("/fhir/NoSuchThing", null);
    assertThat(generated.header("X-Request-Id")).isNotBlank();
    Answer echoed = http.get("/fhir/metadata", null, java.util.Map.of("X-Request-Id", "req-42"));
    assertThat(echoed.header("X-Request-Id")).isEqualTo("req-42");
  }

  @Test
  void invalidTransactionBundle_is400() {
    ObjectNode bundle =
        Documents.iti65(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.7", LABORATORY, Documents.pdf("x"));
    ((ObjectNode)
            bundle.get("entry").get(1).get("resource").get("content").get(0).get("attachment"))
        .put("url", "urn:uuid:somewhere-else");
    Answer answer = http.postJson("/fhir", token(Fixtures.DOCTOR), bundle);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }
}
