package io.mes4j.dossier;

import io.mes4j.core.Page;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.SearchForm;
import io.mes4j.core.internal.StreamingResponse;
import io.mes4j.dossier.internal.FhirDocuments;
import io.mes4j.dossier.internal.FhirPages;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The documents of patients' dossiers (PDSm): deposit, replace, search, retrieve, and the changes
 * the rules allow after deposit (DOC-8): mask and unmask, invisibility to the patient or to the
 * representatives, archive and unarchive, delete.
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
    return deposit(deposit, deposit.replaces().orElse(null));
  }

  /**
   * Replaces a document by a new version (DOC-3): an ITI-65 deposit whose DocumentReference {@code
   * relatesTo} the old one with {@code replaces}. The old version becomes {@link
   * DocumentStatus#SUPERSEDED} and leaves default searches; the new one carries its own labels (and
   * keeps {@code MASQUE_PS} if the holder had masked the old one). Only the author's organisation
   * may replace a professional's document; the holder replaces only their own uploads.
   *
   * @param documentId the id of the current version to replace
   * @param newVersion the new version; if it names a document it replaces, it must be this one
   * @return the new version as stored
   * @throws io.mes4j.core.error.NotAuthorException the caller is not of the author's organisation
   * @throws io.mes4j.core.error.InvalidRequestException the old version was already replaced
   * @throws io.mes4j.core.error.ResourceNotFoundException no such document (or hidden from the
   *     caller)
   */
  public DocumentEntry replace(String documentId, DocumentDeposit newVersion) {
    requireId(documentId);
    newVersion
        .replaces()
        .filter(other -> !other.equals(documentId))
        .ifPresent(
            other -> {
              throw new InvalidValueException(
                  "the new version already names another document it replaces");
            });
    return deposit(newVersion, documentId);
  }

  private DocumentEntry deposit(DocumentDeposit deposit, @Nullable String replaces) {
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
            replaces);
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

  /**
   * Masks a document to professionals ({@code MASQUE_PS}, DOC-6): the holder's (or a
   * representative's) label. The document stays visible to the holder, its author, the médecin
   * traitant and professionals given the same rights. Reads the document, then patches its labels
   * (a JSON Patch guarded by a {@code test} of the labels as they stood: an empty patch first
   * answers them).
   *
   * @return the document as it now stands
   * @throws io.mes4j.core.error.LabelNotAllowedException the caller is not the holder
   */
  public DocumentEntry mask(String documentId) {
    return changeLabel(documentId, ConfidentialityLabel.MASQUE_PS, true);
  }

  /** Lifts {@code MASQUE_PS} (DOC-8): the holder's label. See {@link #mask(String)}. */
  public DocumentEntry unmask(String documentId) {
    return changeLabel(documentId, ConfidentialityLabel.MASQUE_PS, false);
  }

  /**
   * Makes a document invisible to the patient and their representatives, pending an announcement
   * consultation ({@code INVISIBLE_PATIENT}, DOC-6): its author's label. If still set after 2 weeks
   * the holder is told an update is pending; it lifts itself one month after it was set.
   *
   * @throws io.mes4j.core.error.LabelNotAllowedException the caller is not the author
   */
  public DocumentEntry setInvisibleToPatient(String documentId) {
    return changeLabel(documentId, ConfidentialityLabel.INVISIBLE_PATIENT, true);
  }

  /** Lifts {@code INVISIBLE_PATIENT} before its month (DOC-8): only the author. */
  public DocumentEntry liftInvisibleToPatient(String documentId) {
    return changeLabel(documentId, ConfidentialityLabel.INVISIBLE_PATIENT, false);
  }

  /**
   * Hides a minor's document from their legal representatives ({@code
   * INVISIBLE_REPRESENTANTS_LEGAUX}, DOC-6): only the author, only on a minor's dossier.
   *
   * @throws io.mes4j.core.error.InvalidRequestException the dossier is not a minor's
   */
  public DocumentEntry setInvisibleToRepresentatives(String documentId) {
    return changeLabel(documentId, ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX, true);
  }

  /** Lifts {@code INVISIBLE_REPRESENTANTS_LEGAUX} (DOC-8): only the author. */
  public DocumentEntry liftInvisibleToRepresentatives(String documentId) {
    return changeLabel(documentId, ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX, false);
  }

  /**
   * Archives a document (DOC-4): the holder or the author. It leaves default searches and comes
   * back with {@link DocumentSearch.Builder#includeArchived(boolean)}.
   *
   * @throws io.mes4j.core.error.NotAuthorException the caller is neither the holder nor the author
   */
  public DocumentEntry archive(String documentId) {
    return patch(documentId, FhirDocuments.archivePatch(true), true);
  }

  /** Brings an archived document back into default searches (DOC-4). See {@link #archive}. */
  public DocumentEntry unarchive(String documentId) {
    return patch(documentId, FhirDocuments.archivePatch(false), true);
  }

  /**
   * Deletes a document, logically (DOC-5): its status becomes {@link
   * DocumentStatus#ENTERED_IN_ERROR} and it is out of every search and read afterwards. Only its
   * author; the holder deletes only their own uploads.
   *
   * @return the document as deleted
   * @throws io.mes4j.core.error.NotAuthorException the caller is not the author
   */
  public DocumentEntry delete(String documentId) {
    return patch(documentId, FhirDocuments.deletePatch(), true);
  }

  private DocumentEntry changeLabel(String documentId, ConfidentialityLabel label, boolean set) {
    requireId(documentId);
    // An empty patch answers the document as it stands to whoever may change it (its author even
    // without a read authorisation), where a read would need one.
    byte[] current = patchRaw(documentId, FhirDocuments.emptyPatch(), true);
    // Not retried: after a lost answer, its test of the labels would fail on the new ones.
    return patch(documentId, FhirDocuments.labelPatch(current, label, set), false);
  }

  private DocumentEntry patch(String documentId, byte[] patch, boolean retryable) {
    requireId(documentId);
    return FhirDocuments.readEntry(FhirPages.read(patchRaw(documentId, patch, retryable)));
  }

  private byte[] patchRaw(String documentId, byte[] patch, boolean retryable) {
    ApiResponse response =
        executor.execute(
            ApiRequest.builder("PATCH", "/fhir/DocumentReference/{id}")
                .path("/fhir/DocumentReference/" + ApiRequest.encodePathSegment(documentId))
                .body(patch, FhirDocuments.JSON_PATCH)
                .retryable(retryable)
                .build());
    return response.body();
  }

  private static void requireId(@Nullable String documentId) {
    if (documentId == null || documentId.isBlank()) {
      throw new InvalidValueException("documentId is required");
    }
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
