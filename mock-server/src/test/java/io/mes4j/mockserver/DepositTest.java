package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DepositTest extends ServerTest {
  // DOC-1, DOC-2
  @Test
  void iti105_byAProfessional_storesTheDocumentWithTheCallerAsAuthor() {
    // WHEN
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.1", LABORATORY, Documents.pdf("a")));
    // THEN
    assertThat(answer.status()).isEqualTo(201);
    JsonNode dr = answer.json();
    assertThat(answer.header("Location"))
        .isEqualTo(
            server.baseUrl() + "/fhir/DocumentReference/" + dr.get("id").asText() + "/_history/1");
    assertThat(dr.get("author").get(0).get("identifier").get("value").asText())
        .isEqualTo(Fixtures.DOCTOR.value());
    assertThat(dr.get("status").asText()).isEqualTo("current");
    assertThat(dr.get("date").asText()).isEqualTo(START.toString());
    assertThat(dr.get("category").get(0).get("coding").get(0).get("code").asText())
        .isEqualTo("LABORATORY");
    assertThat(dr.get("content").get(0).get("attachment").get("url").asText())
        .startsWith("Binary/bin-");
    assertThat(dr.get("content").get(0).get("attachment").has("data")).isFalse();
    assertThat(dr.get("securityLabel").get(0).get("coding").get(0).get("code").asText())
        .isEqualTo("N");
  }

  // DOC-1
  @Test
  void iti65_transaction_answersOneLocationPerEntry() {
    // WHEN
    Answer answer =
        http.postJson(
            "/fhir",
            token(Fixtures.DOCTOR),
            Documents.iti65(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.2", LABORATORY, Documents.pdf("b")));
    // THEN
    assertThat(answer.status()).isEqualTo(200);
    JsonNode bundle = answer.json();
    assertThat(bundle.get("type").asText()).isEqualTo("transaction-response");
    assertThat(bundle.get("entry")).hasSize(3);
    assertThat(bundle.get("entry").get(0).get("response").get("location").asText())
        .matches("List/list-.*/_history/1");
    assertThat(bundle.get("entry").get(1).get("response").get("location").asText())
        .matches("DocumentReference/doc-.*/_history/1");
    assertThat(bundle.get("entry").get(2).get("response").get("status").asText())
        .isEqualTo("201 Created");
    // and the document is found
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(1);
  }

  // DOC-2
  @Test
  void iti105_sameUniqueIdAndSameBytes_answersTheFirstDepositWithoutADuplicate() {
    // GIVEN
    var body =
        Documents.iti105(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.3", LABORATORY, Documents.pdf("c"));
    Answer first = http.postJson("/fhir/DocumentReference", token(Fixtures.DOCTOR), body);
    // WHEN
    Answer again = http.postJson("/fhir/DocumentReference", token(Fixtures.DOCTOR), body);
    // THEN
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(1);
  }

  // DOC-2
  @Test
  void iti65_sameUniqueIdAndSameBytes_answersTheSameLocations() {
    var body =
        Documents.iti65(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.4", LABORATORY, Documents.pdf("d"));
    Answer first = http.postJson("/fhir", token(Fixtures.DOCTOR), body);
    Answer again = http.postJson("/fhir", token(Fixtures.DOCTOR), body);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("entry")).isEqualTo(first.json().get("entry"));
  }

  // DOC-2
  @Test
  void iti105_sameUniqueIdWithOtherBytes_isADuplicateConflict() {
    // GIVEN
    http.postJson(
        "/fhir/DocumentReference",
        token(Fixtures.DOCTOR),
        Documents.iti105(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.5", LABORATORY, Documents.pdf("e")));
    // WHEN
    Answer conflict =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.DOCTOR),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.5", LABORATORY, Documents.pdf("other")));
    // THEN
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.cause()).isEqualTo("duplicate-conflict");
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(1);
  }

  // DOC-1, CON-2
  @Test
  void iti105_byABlockedProfessional_isStillAccepted() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.BLOCKED_DOCTOR),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.6", LABORATORY, Documents.pdf("f")));
    assertThat(answer.status()).isEqualTo(201);
  }

  // ES-4
  @Test
  void iti105_intoSpacesNotActive_namesTheState() {
    for (var pair :
        java.util.Map.of(
                Fixtures.PENDING, "espace-pending",
                Fixtures.OPPOSED, "espace-opposed",
                Fixtures.CLOSED, "espace-closed",
                Fixtures.DELETED, "espace-deleted")
            .entrySet()) {
      Answer answer =
          http.postJson(
              "/fhir/DocumentReference",
              token(Fixtures.DOCTOR),
              Documents.iti105(
                  pair.getKey(),
                  "urn:oid:1.2.250.1.999.2." + pair.getValue().length(),
                  LABORATORY,
                  Documents.pdf("g")));
      assertThat(answer.status()).isEqualTo(409);
      assertThat(answer.cause()).isEqualTo(pair.getValue());
    }
  }

  // DOC-1
  @Test
  void iti105_byTheHolderWithAForbiddenMimeType_is415() {
    var body =
        Documents.documentReference(
            Fixtures.ADULT,
            "urn:oid:1.2.250.1.999.1.7",
            LABORATORY,
            "application/zip",
            new byte[] {1, 2},
            true);
    Answer answer = http.postJson("/fhir/DocumentReference", token(Fixtures.ADULT), body);
    assertThat(answer.status()).isEqualTo(415);
    assertThat(answer.cause()).isEqualTo("unsupported-media-type");
  }

  // DOC-1
  @Test
  void iti105_byTheHolderOverFiveMegabytes_is413AndStoresNothing() {
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.ADULT),
            Documents.iti105(Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.8", LABORATORY, big));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.cause()).isEqualTo("too-large");
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
  }

  // DOC-1
  @Test
  void iti105_byTheHolderAsPdf_isAcceptedWithTheHolderAsAuthor() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.ADULT),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.9", LABORATORY, Documents.pdf("h")));
    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.json().get("author").get(0).get("identifier").get("system").asText())
        .isEqualTo("urn:oid:1.2.250.1.213.1.4.10");
  }

  @Test
  void iti105_byAPatientIntoAnotherDossier_isForbidden() {
    Answer answer =
        http.postJson(
            "/fhir/DocumentReference",
            token(Fixtures.PARENT),
            Documents.iti105(
                Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.10", LABORATORY, Documents.pdf("i")));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("forbidden");
  }

  // AU-3
  @Test
  void iti105_byAProfessional_notifiesTheHolder() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.11", LABORATORY);
    assertThat(server.control().outbox())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(Notification.Kind.DOCUMENT_ADDED);
              assertThat(n.patient()).isEqualTo(Fixtures.ADULT);
              assertThat(n.toString()).doesNotContain(Fixtures.ADULT.value());
            });
  }

  @Test
  void iti105_withAHashThatIsNotTheContents_is400() {
    var body =
        Documents.iti105(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.12", LABORATORY, Documents.pdf("j"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) body.get("content").get(0).get("attachment"))
        .put("hash", Base64.getEncoder().encodeToString(new byte[20]));
    Answer answer = http.postJson("/fhir/DocumentReference", token(Fixtures.DOCTOR), body);
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }

  @Test
  void iti105_repeatedIdempotencyKey_answersTheFirstAnswer() {
    var body =
        Documents.iti105(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.1.13", LABORATORY, Documents.pdf("k"));
    byte[] bytes =
        io.mes4j.mockserver.support.TestClient.JSON.valueToTree(body).toString().getBytes();
    Answer first = postWithKey(bytes, "key-1");
    Answer again = postWithKey(bytes, "key-1");
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
  }

  private static Answer postWithKey(byte[] body, String key) {
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(server.baseUrl() + "/fhir/DocumentReference"))
                      .header("Authorization", "Bearer " + token(Fixtures.DOCTOR))
                      .header("Content-Type", "application/fhir+json")
                      .header("Idempotency-Key", key)
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
