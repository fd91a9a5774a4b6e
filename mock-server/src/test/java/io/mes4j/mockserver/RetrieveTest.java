package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static io.mes4j.mockserver.support.Documents.PSYCHIATRY;
import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrieveTest extends ServerTest {
  private static String binaryOf(String documentId, String token) {
    String url =
        http.get("/fhir/DocumentReference/" + documentId, token)
            .json()
            .get("content")
            .get(0)
            .get("attachment")
            .get("url")
            .asText();
    return "/fhir/" + url;
  }

  // ITI-68
  @Test
  void binary_raw_answersTheBytesWithTheirTypeAndDigest() throws Exception {
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.6.1", LABORATORY);
    Answer answer = http.get(binaryOf(id, token(Fixtures.ADULT)), token(Fixtures.ADULT));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(answer.bytes()).isEqualTo(Documents.pdf("urn:oid:1.2.250.1.999.6.1"));
    String digest =
        Base64.getEncoder()
            .encodeToString(MessageDigest.getInstance("SHA-256").digest(answer.bytes()));
    assertThat(answer.header("Repr-Digest")).isEqualTo("sha-256=:" + digest + ":");
  }

  // ITI-68
  @Test
  void binary_asFhirJson_answersABinaryResource() {
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.6.2", LABORATORY);
    Answer answer =
        http.get(
            binaryOf(id, token(Fixtures.DOCTOR)),
            token(Fixtures.DOCTOR),
            Map.of("Accept", "application/fhir+json"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("resourceType").asText()).isEqualTo("Binary");
    assertThat(Base64.getDecoder().decode(answer.json().get("data").asText()))
        .isEqualTo(Documents.pdf("urn:oid:1.2.250.1.999.6.2"));
  }

  @Test
  void binary_withAnUnsatisfiableAccept_is406() {
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.6.3", LABORATORY);
    Answer answer =
        http.get(
            binaryOf(id, token(Fixtures.DOCTOR)),
            token(Fixtures.DOCTOR),
            Map.of("Accept", "image/png"));
    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.cause()).isEqualTo("not-acceptable");
  }

  // DOC-6: a masked document is not found, like an unknown one
  @Test
  void binary_ofAMaskedDocumentForAnotherProfessional_isNotFound() {
    String id =
        deposit(
            Fixtures.DOCTOR_TREATING,
            Fixtures.ADULT,
            "urn:oid:1.2.250.1.999.6.4",
            LABORATORY,
            "MASQUE_PS");
    String binary = binaryOf(id, token(Fixtures.ADULT));
    Answer hidden = http.get(binary, token(Fixtures.DOCTOR));
    Answer unknown = http.get("/fhir/Binary/bin-unknown", token(Fixtures.DOCTOR));
    assertThat(hidden.status()).isEqualTo(404);
    assertThat(hidden.cause()).isEqualTo(unknown.cause()).isEqualTo("not-found");
  }

  // DOC-7
  @Test
  void binary_forAnUnauthorisedDoctor_isNotAuthorised() {
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.6.5", LABORATORY);
    Answer answer =
        http.get(binaryOf(id, token(Fixtures.ADULT)), token(Fixtures.DOCTOR_UNAUTHORISED));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("not-authorised");
  }

  // DOC-7: the matrix on a retrieve of a known document
  @Test
  void documentReference_ofAPsychiatricSummaryForADentist_isProfessionNotAllowed() {
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.6.6", PSYCHIATRY);
    Answer answer = http.get("/fhir/DocumentReference/" + id, token(Fixtures.DENTIST));
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.cause()).isEqualTo("profession-not-allowed");
  }
}
