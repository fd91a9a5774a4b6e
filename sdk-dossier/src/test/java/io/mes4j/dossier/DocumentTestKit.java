package io.mes4j.dossier;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.mockserver.MockServer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** What the document tests share: deposits, clients acting as an identity, raw PATCH calls. */
final class DocumentTestKit {
  private DocumentTestKit() {}

  /** A PDF whose bytes (and so whose unique id's content) differ with {@code text}. */
  static byte[] pdf(String text) {
    return ("%PDF-1.4 " + text).getBytes(StandardCharsets.US_ASCII);
  }

  static DocumentDeposit.Builder report(
      Ins patient, DocumentType type, String uniqueId, ConfidentialityLabel... labels) {
    return DocumentDeposit.builder()
        .patient(patient)
        .type(type)
        .title("Compte rendu")
        .content(pdf(uniqueId), "application/pdf")
        .uniqueId(uniqueId)
        .labels(labels);
  }

  static DocumentDeposit labReport(Ins patient, String uniqueId, ConfidentialityLabel... labels) {
    return report(patient, DocumentType.LABORATORY_REPORT, uniqueId, labels).build();
  }

  /** A client acting as {@code subject}; close it. */
  static MesClient client(MockServer server, String subject) {
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(server.tokenProvider(subject))
        .build();
  }

  static Documents documents(MesClient client) {
    return Dossier.of(client).documents();
  }

  /** The ids of the documents a search by {@code reader} finds, every page. */
  static List<String> ids(MesClient reader, DocumentSearch search) {
    return documents(reader).search(search).streamAll().map(DocumentEntry::id).toList();
  }

  /** The total a search by {@code reader} announces. */
  static int total(MesClient reader, DocumentSearch search) {
    return documents(reader).search(search).total().orElseThrow();
  }

  static DocumentSearch all(Ins patient) {
    return DocumentSearch.forPatient(patient)
        .includeArchived(true)
        .includeSuperseded(true)
        .pageSize(100)
        .build();
  }

  /** A raw answer: status and cause code (empty on success). */
  record Raw(int status, String cause) {}

  /**
   * A PATCH sent as given through the SDK's executor, with a token of {@code subject}: for what the
   * SDK's API never sends.
   */
  static Raw patch(
      MockServer server, String subject, String documentId, String contentType, String body) {
    try (MesClient client = client(server, subject)) {
      ApiResponse response =
          CoreAccess.executor(client)
              .execute(
                  ApiRequest.builder("PATCH", "/fhir/DocumentReference/{id}")
                      .path("/fhir/DocumentReference/" + documentId)
                      .body(body.getBytes(StandardCharsets.UTF_8), contentType)
                      .retryable(false)
                      .build());
      return new Raw(response.status(), "");
    } catch (MesServiceException e) {
      return new Raw(e.statusCode(), e.causeCode());
    }
  }

  static Raw jsonPatch(MockServer server, String subject, String documentId, String body) {
    return patch(server, subject, documentId, "application/json-patch+json", body);
  }
}
