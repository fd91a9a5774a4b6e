package io.mes4j.dossier;

import io.mes4j.core.Page;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.StreamingResponse;
import io.mes4j.dossier.internal.FhirDocuments;
import io.mes4j.dossier.internal.FhirPages;
import io.mes4j.dossier.internal.SearchForm;
import java.io.InputStream;

/**
 * The documents of patients' dossiers (PDSm): deposit, search, retrieve.
 *
 * <pre>{@code
 * Documents documents = Dossier.of(mes).documents();
 * DocumentEntry stored = documents.deposit(deposit);
 * for (DocumentEntry e : documents.search(DocumentSearch.forPatient(ins).build()).iterateAll()) {
 *   try (DocumentContent content = documents.retrieve(e)) {
 *     byte[] bytes = content.readAllBytes();
 *   }
 * }
 * }</pre>
 *
 * <p>Every refusal is a typed exception of {@code io.mes4j.core.error}: {@code
 * NotAuthorisedException} (CON-1), {@code BlockedException} (CON-2), {@code
 * SpaceNotActiveException} (ES-4), {@code DuplicateConflictException} (DOC-2)…
 */
public final class Documents {
  private final ApiExecutor executor;

  Documents(ApiExecutor executor) {
    this.executor = executor;
  }

  /**
   * Deposits a document (ITI-65) and returns it as stored. Depositing the same unique id with the
   * same content again returns the first document (DOC-2); the call carries an idempotency key so
   * that it is retried safely.
   *
   * @throws io.mes4j.core.error.DuplicateConflictException same unique id, other content (DOC-2)
   * @throws io.mes4j.core.error.SpaceNotActiveException the space is not active (ES-4)
   * @throws io.mes4j.core.error.DepositOpposedException the holder opposed the caller's deposits
   */
  public DocumentEntry deposit(DocumentDeposit deposit) {
    FhirDocuments.DepositData data =
        new FhirDocuments.DepositData(
            deposit.patient(),
            deposit.type(),
            deposit.title(),
            deposit.contentUnsafe(),
            deposit.mimeType(),
            deposit.creation(),
            deposit.labels(),
            deposit.uniqueId(),
            deposit.replaces().orElse(null));
    ApiResponse response =
        executor.execute(
            ApiRequest.builder("POST", "/fhir")
                .path("/fhir")
                .body(FhirPages.write(FhirDocuments.provideBundle(data)), ApiRequest.FHIR_JSON)
                .header("Prefer", "return=representation")
                .withNewIdempotencyKey()
                .build());
    byte[] answer = response.body();
    return FhirDocuments.storedDocument(answer)
        .orElseGet(() -> get(FhirDocuments.documentIdFromResponse(answer)));
  }

  /** Reads one document's metadata by its id. */
  public DocumentEntry get(String documentId) {
    ApiResponse response =
        executor.execute(
            ApiRequest.builder("GET", "/fhir/DocumentReference/{id}")
                .path("/fhir/DocumentReference/" + ApiRequest.encodePathSegment(documentId))
                .build());
    return FhirDocuments.readEntry(FhirPages.read(response.body()));
  }

  /**
   * Searches a dossier (ITI-67). The first page is fetched now ({@code POST
   * /fhir/DocumentReference/_search}, the parameters in a form body), the next ones when iterated
   * (their links hold no search parameter). Documents the caller may not see are absent from the
   * items and from the total (DOC-6).
   */
  public Page<DocumentEntry> search(DocumentSearch search) {
    // POST _search: the INS and the filters travel in the body, never in a URL.
    SearchForm form =
        new SearchForm("DocumentReference")
            .add("patient.identifier", FhirDocuments.patientToken(search.patient()))
            .add("status", search.includeSuperseded() ? "current,superseded" : "current")
            .add("_count", Integer.toString(search.pageSize()));
    for (DocumentType t : search.types()) {
      form.add("type", DocumentType.SYSTEM + "|" + t.code());
    }
    search.group().ifPresent(g -> form.add("category", g.code()));
    search.from().ifPresent(f -> form.add("date", "ge" + f));
    search.to().ifPresent(t -> form.add("date", "le" + t));
    search
        .author()
        .ifPresent(a -> form.add("author.identifier", ProfessionalId.SYSTEM + "|" + a.value()));
    search.label().map(ConfidentialityLabel::code).ifPresent(l -> form.add("security-label", l));
    if (search.includeArchived()) {
      form.add("isArchived", "true,false");
    }
    return FhirPages.page(
        executor, form.request(), "/fhir/DocumentReference", FhirDocuments::readEntry);
  }

  /**
   * Streams a document's content (ITI-68), checking it against the SHA-1 of its metadata as it is
   * read. Close the result.
   *
   * @throws io.mes4j.core.error.ContentIntegrityException when the content read does not match
   */
  public DocumentContent retrieve(DocumentEntry document) {
    StreamingResponse response =
        executor.executeStreaming(
            ApiRequest.builder("GET", "/fhir/Binary/{id}")
                .path("/fhir/Binary/" + ApiRequest.encodePathSegment(document.binaryId()))
                .accept("*/*")
                .build());
    InputStream body = response.body();
    String expected = document.sha1().isEmpty() ? null : document.sha1();
    return DocumentContent.checked(
        response.header("Content-Type").orElse(document.mimeType()), body, expected, response);
  }
}
