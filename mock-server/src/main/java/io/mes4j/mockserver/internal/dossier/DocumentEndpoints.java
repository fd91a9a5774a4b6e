package io.mes4j.mockserver.internal.dossier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.notify.Notices;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.SpaceContext;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import io.mes4j.mockserver.internal.store.StoredDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * PDSm: deposit (ITI-65 transaction, ITI-105 simplified publish; with {@code relatesTo} a
 * replacement, DOC-3), search (ITI-67), read of a DocumentReference, retrieve (ITI-68), and changes
 * after deposit ({@code PATCH} and {@code DELETE}, see {@link DocumentChanges}). Every one asks the
 * policy decision point and leaves a trace.
 */
public final class DocumentEndpoints {
  private final Engine engine;
  private final Deposits deposits;
  private final DocumentChanges changes;

  public DocumentEndpoints(Engine engine) {
    this.engine = engine;
    this.deposits = new Deposits(engine);
    this.changes = new DocumentChanges(engine, deposits);
    engine.onLoad(deposits::scheduleLoaded); // DOC-6, for a fixtures import
  }

  public void register(Router router) {
    router.add("POST", "/fhir", engine.protect(this::transaction));
    router.add("POST", "/fhir/DocumentReference", engine.protect(this::publish));
    router.add("GET", "/fhir/DocumentReference", engine.protect(this::search));
    // FHIR search via POST (ITI-67 allows it): the parameters, the INS first, stay out of URLs.
    router.add("POST", "/fhir/DocumentReference/_search", engine.protect(this::search));
    router.add("GET", "/fhir/DocumentReference/{id}", engine.protect(this::read));
    // DOC-4, DOC-5, DOC-8: labels, archive flag and status change; nothing else does.
    router.add("PATCH", "/fhir/DocumentReference/{id}", engine.protect(changes::patch));
    router.add("DELETE", "/fhir/DocumentReference/{id}", engine.protect(changes::delete));
    router.add("GET", "/fhir/Binary/{id}", engine.protect(this::retrieve));
  }

  static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }

  // ITI-105
  private Response publish(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    ObjectNode dr = Json.parseObject(request.body());
    DocumentReferenceReader.Attachment attachment =
        DocumentReferenceReader.attachment(dr, "DocumentReference");
    if (attachment.data() == null) {
      throw HttpError.badRequest(
          "Field DocumentReference.content[0].attachment.data is required (inline content, ITI-105)");
    }
    byte[] content =
        DocumentReferenceReader.base64(
            attachment.data(), "DocumentReference.content[0].attachment.data");
    DepositRequest deposit = DocumentReferenceReader.read(dr, "DocumentReference", content);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Deposits.Outcome outcome =
        deposits.deposit(state, engine.actor(principal, state), principal.mode(), deposit);
    StoredDocument document = outcome.document();
    return Response.fhir(
            outcome.created() ? 201 : 200,
            FhirWriter.documentReference(document, outcome.patient().ins()))
        .header(
            "Location", engine.fhirBase() + "/DocumentReference/" + document.id() + "/_history/1")
        .header("ETag", "W/\"" + document.version() + "\"");
  }

  // ITI-65
  private Response transaction(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    ObjectNode bundle = Json.parseObject(request.body());
    if (!"Bundle".equals(Fields.optionalText(bundle, "resourceType", "Bundle.resourceType"))) {
      throw HttpError.badRequest("POST /fhir takes a Bundle of type transaction");
    }
    if (!"transaction".equals(Fields.optionalText(bundle, "type", "Bundle.type"))) {
      throw HttpError.badRequest("Field Bundle.type must be transaction");
    }
    ArrayNode entries = Fields.array(bundle, "entry", "Bundle.entry");
    if (entries.size() != 3) {
      throw HttpError.badRequest(
          "An ITI-65 Bundle has exactly three entries: the List, the DocumentReference, the Binary");
    }
    Map<String, Integer> indexByType = new HashMap<>();
    List<ObjectNode> resources = new ArrayList<>();
    List<String> fullUrls = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = "Bundle.entry[" + i + "]";
      ObjectNode entry = Fields.element(entries, i, "Bundle.entry");
      String fullUrl = Fields.text(entry, "fullUrl", at + ".fullUrl");
      if (!fullUrl.startsWith("urn:uuid:")) {
        throw HttpError.badRequest("Field " + at + ".fullUrl must be a urn:uuid:");
      }
      ObjectNode resource = Fields.object(entry, "resource", at + ".resource");
      String type = Fields.text(resource, "resourceType", at + ".resource.resourceType");
      ObjectNode req = Fields.object(entry, "request", at + ".request");
      if (!"POST".equals(Fields.text(req, "method", at + ".request.method"))) {
        throw HttpError.badRequest("Field " + at + ".request.method must be POST");
      }
      String url = Fields.text(req, "url", at + ".request.url");
      if (!url.equals(type)) {
        throw HttpError.badRequest("Field " + at + ".request.url must be " + type);
      }
      if (!List.of("List", "DocumentReference", "Binary").contains(type)) {
        throw HttpError.badRequest(
            "Field " + at + ".resource must be a List, a DocumentReference or a Binary");
      }
      if (indexByType.put(type, i) != null) {
        throw HttpError.badRequest("The Bundle has two entries of type " + type);
      }
      resources.add(resource);
      fullUrls.add(fullUrl);
    }
    int listIndex = indexByType.get("List");
    int drIndex = indexByType.get("DocumentReference");
    int binaryIndex = indexByType.get("Binary");
    String drPath = "Bundle.entry[" + drIndex + "].resource";
    ObjectNode dr = resources.get(drIndex);
    ObjectNode binary = resources.get(binaryIndex);
    String binaryPath = "Bundle.entry[" + binaryIndex + "].resource";
    String binaryType =
        DocumentReferenceReader.contentType(
            Fields.text(binary, "contentType", binaryPath + ".contentType"),
            binaryPath + ".contentType");
    byte[] content =
        DocumentReferenceReader.base64(
            Fields.text(binary, "data", binaryPath + ".data"), binaryPath + ".data");
    DocumentReferenceReader.Attachment attachment = DocumentReferenceReader.attachment(dr, drPath);
    if (!fullUrls.get(binaryIndex).equals(attachment.url())) {
      throw HttpError.badRequest(
          "Field " + drPath + ".content[0].attachment.url must be the Binary's fullUrl");
    }
    if (!attachment.contentType().equals(binaryType)) {
      throw HttpError.badRequest(
          "The DocumentReference and the Binary give different content types");
    }
    DepositRequest deposit = DocumentReferenceReader.read(dr, drPath, content);
    checkSubmissionSet(
        resources.get(listIndex),
        "Bundle.entry[" + listIndex + "].resource",
        fullUrls.get(drIndex),
        deposit.patient());

    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Deposits.Outcome outcome =
        deposits.deposit(state, engine.actor(principal, state), principal.mode(), deposit);
    StoredDocument document = outcome.document();
    String[] locations = new String[3];
    locations[listIndex] = "List/" + document.listId() + "/_history/1";
    locations[drIndex] = "DocumentReference/" + document.id() + "/_history/1";
    locations[binaryIndex] = "Binary/" + document.binaryId() + "/_history/1";
    ObjectNode[] representations = new ObjectNode[3];
    if (prefersRepresentation(request)) {
      // FHIR's Prefer: return=representation: the stored DocumentReference in its entry, so the
      // author needs no read (which CON-2 may refuse them) to learn what was stored.
      representations[drIndex] = FhirWriter.documentReference(document, deposit.patient());
    }
    return Response.fhir(
        200,
        FhirWriter.transactionResponse(
            List.of(locations), Arrays.asList(representations), document.lastUpdated()));
  }

  private static boolean prefersRepresentation(Request request) {
    String prefer = request.header("Prefer");
    return prefer != null && prefer.replace(" ", "").contains("return=representation");
  }

  private static void checkSubmissionSet(
      ObjectNode list, String path, String drFullUrl, Ins patient) {
    if (!"current".equals(Fields.optionalText(list, "status", path + ".status"))) {
      throw HttpError.badRequest("Field " + path + ".status must be current");
    }
    if (!"working".equals(Fields.optionalText(list, "mode", path + ".mode"))) {
      throw HttpError.badRequest("Field " + path + ".mode must be working");
    }
    ObjectNode code = Fields.object(list, "code", path + ".code");
    boolean submissionSet = false;
    for (JsonNode coding : Fields.array(code, "coding", path + ".code.coding")) {
      if (coding.isObject() && "submissionset".equals(coding.path("code").asText(null))) {
        submissionSet = true;
      }
    }
    if (!submissionSet) {
      throw HttpError.badRequest("Field " + path + ".code must be submissionset");
    }
    Ins subject =
        Identifiers.fromReference(
            Fields.object(list, "subject", path + ".subject"), path + ".subject");
    if (!subject.value().equals(patient.value())) {
      throw HttpError.badRequest(
          "The SubmissionSet and the DocumentReference name different patients");
    }
    ArrayNode listEntries = Fields.array(list, "entry", path + ".entry");
    ObjectNode item =
        Fields.object(
            Fields.element(listEntries, 0, path + ".entry"), "item", path + ".entry[0].item");
    if (!drFullUrl.equals(
        Fields.optionalText(item, "reference", path + ".entry[0].item.reference"))) {
      throw HttpError.badRequest(
          "Field " + path + ".entry[0].item.reference must be the DocumentReference's fullUrl");
    }
  }

  // ITI-67, DOC-6, DOC-7
  private Response search(Request request) {
    requireJsonAccept(request);
    SearchInput input = SearchInput.of(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    String caller = caller(principal);
    PageCursors.Position<SearchParameters> position =
        state.cursors().position(input, SearchParameters.class, caller, SearchParameters::parse);
    SearchParameters params = position.search();
    int offset = position.offset();
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    PatientRecord patient = patient(state.store(), params.patient());
    Instant now = engine.clock().now();
    int total = 0;
    List<ObjectNode> page = new ArrayList<>();
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      SpaceContext context = Engine.context(actor, patient, now);
      Decision decision =
          engine
              .policy()
              .decide(
                  actor,
                  Action.SEARCH_DOCUMENTS,
                  Target.SPACE,
                  context,
                  patient.settings(),
                  mode,
                  now);
      if (!decision.permitted()) {
        AuditTrail.record(
            state, now, patient, actor, Action.SEARCH_DOCUMENTS, mode, null, decision.denyCause());
        throw new HttpError(decision.denyCause(), decision.message());
      }
      List<StoredDocument> documents = patient.documents();
      for (int i = documents.size() - 1; i >= 0; i--) {
        StoredDocument document = documents.get(i);
        if (!params.matches(document)) {
          continue;
        }
        // DOC-6: what the caller may not see is absent from entries, total and links alike.
        Decision visible =
            engine
                .policy()
                .decide(
                    actor,
                    Action.READ_DOCUMENT,
                    new Target.Document(
                        document.type().group(), document.labels(), document.authorId()),
                    context,
                    patient.settings(),
                    mode,
                    now);
        if (!visible.permitted()) {
          continue;
        }
        if (total >= offset && page.size() < params.count()) {
          page.add(FhirWriter.documentReference(document, patient.ins()));
        }
        total++;
      }
      AuditTrail.record(state, now, patient, actor, Action.SEARCH_DOCUMENTS, mode, null, null);
    } finally {
      lock.unlock();
    }
    if (mode.isEmergency() && actor.is(Actor.Kind.PROFESSIONAL)) {
      Notices.emergencyAccess(state.outbox(), patient, actor, mode, now);
    }
    // Links are opaque cursors: no search parameter (no INS) in any URL (see PageCursors).
    PageCursors.Links links =
        state
            .cursors()
            .links(
                engine.fhirBase() + "/DocumentReference", position, params.count(), total, caller);
    return Response.fhir(
        200, FhirWriter.searchset(total, links.self(), links.next(), page, engine.fhirBase()));
  }

  /** Who may follow a page cursor: the actor kind and subject of the token that made it. */
  static String caller(Principal principal) {
    return principal.kind() + "|" + principal.subject();
  }

  private Response read(Request request) {
    requireJsonAccept(request);
    Readable readable = readable(request, request.pathParam("id"), false);
    return Response.fhir(200, FhirWriter.documentReference(readable.document(), readable.patient()))
        .header("ETag", "W/\"" + readable.document().version() + "\"");
  }

  // ITI-68
  private Response retrieve(Request request) {
    String accept = request.header("Accept");
    Readable readable = readable(request, request.pathParam("id"), true);
    StoredDocument document = readable.document();
    if (MediaTypes.names(accept, MediaTypes.FHIR_JSON)
        || MediaTypes.names(accept, MediaTypes.JSON)) {
      return Response.fhir(200, FhirWriter.binary(document));
    }
    if (!MediaTypes.accepts(accept, document.contentType())) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE,
          "The document is " + document.contentType() + ", or application/fhir+json as a Binary");
    }
    return Response.bytes(200, document.content(), document.contentType())
        .header("Repr-Digest", "sha-256=:" + document.sha256() + ":");
  }

  private record Readable(StoredDocument document, Ins patient) {}

  /** DOC-7: the space, then the document; both traced, refusals included (AU-1). */
  private Readable readable(Request request, String id, boolean byBinaryId) {
    ServerState state = engine.state();
    Store store = state.store();
    Store.Location location =
        (byBinaryId ? store.binary(id) : store.document(id))
            .orElseThrow(() -> HttpError.notFound("Not found"));
    PatientRecord patient =
        store.patient(location.insValue()).orElseThrow(() -> HttpError.notFound("Not found"));
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    Instant now = engine.clock().now();
    StoredDocument document;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      document = patient.document(location.documentId());
      // DOC-5: a deleted document is out of every read.
      if (document == null || document.deleted()) {
        throw HttpError.notFound("Not found");
      }
      SpaceContext context = Engine.context(actor, patient, now);
      Decision decision =
          engine
              .policy()
              .decide(
                  actor,
                  Action.READ_DOCUMENT,
                  Target.SPACE,
                  context,
                  patient.settings(),
                  mode,
                  now);
      if (decision.permitted()) {
        decision =
            engine
                .policy()
                .decide(
                    actor,
                    Action.READ_DOCUMENT,
                    new Target.Document(
                        document.type().group(), document.labels(), document.authorId()),
                    context,
                    patient.settings(),
                    mode,
                    now);
      }
      AuditTrail.record(
          state,
          now,
          patient,
          actor,
          Action.READ_DOCUMENT,
          mode,
          document.id(),
          decision.permitted() ? null : decision.denyCause());
      if (!decision.permitted()) {
        throw new HttpError(decision.denyCause(), decision.message());
      }
    } finally {
      lock.unlock();
    }
    if (mode.isEmergency() && actor.is(Actor.Kind.PROFESSIONAL)) {
      Notices.emergencyAccess(state.outbox(), patient, actor, mode, now);
    }
    return new Readable(document, patient.ins());
  }

  static PatientRecord patient(Store store, Ins ins) {
    return store
        .patient(ins.value())
        .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
  }
}
