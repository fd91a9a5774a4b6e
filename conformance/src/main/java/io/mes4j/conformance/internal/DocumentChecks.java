package io.mes4j.conformance.internal;

import io.mes4j.conformance.Role;
import io.mes4j.core.Page;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.dossier.DocumentContent;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.DocumentStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** DOC-1 to DOC-8: deposit, idempotency, replacement, deletion, labels and who reads what. */
final class DocumentChecks {
  private DocumentChecks() {}

  /** Whether {@code role}'s default search of the holder's dossier holds {@code id}. */
  static boolean sees(Probe p, Role role, String id, boolean superseded) {
    return p.step(
        role + " searches the holder's dossier",
        () ->
            p.dossier(role)
                .documents()
                .search(
                    DocumentSearch.forPatient(p.holder())
                        .includeSuperseded(superseded)
                        .pageSize(100)
                        .build())
                .streamAll()
                .anyMatch(d -> d.id().equals(id)));
  }

  static Page<DocumentEntry> search(Probe p, Role role) {
    return p.dossier(role).documents().search(DocumentSearch.forPatient(p.holder()).build());
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "DOC-1.deposit-without-authorisation",
                "DOC-1",
                "A professional with no authorisation deposits; the server records the caller as"
                    + " author, the size and the SHA-1")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  DocumentDeposit deposit = p.document("DOC-1").build();
                  DocumentEntry e = p.deposit(Role.OTHER_DOCTOR, deposit);
                  p.equal("author", p.pro(Role.OTHER_DOCTOR).value(), e.author().id());
                  p.equal("status", DocumentStatus.CURRENT, e.status());
                  p.equal("size", (long) deposit.content().length, e.size());
                  p.equal("hash (SHA-1)", sha1(deposit.content()), e.sha1());
                }));
    checks.add(
        Check.define(
                "DOC-1.holder-upload-format-415",
                "DOC-1",
                "A holder's upload in a format outside PDF, TXT, RTF, JPEG, TIFF is refused 415"
                    + " unsupported-media-type")
            .as(Role.HOLDER)
            .run(
                p ->
                    p.refused(
                        "HOLDER uploads application/zip",
                        415,
                        ErrorCause.UNSUPPORTED_MEDIA_TYPE,
                        () ->
                            p.dossier(Role.HOLDER)
                                .documents()
                                .deposit(
                                    p.document("DOC-1 zip")
                                        .content(new byte[] {'P', 'K', 3, 4}, "application/zip")
                                        .build()))));
    checks.add(
        Check.define(
                "DOC-2.idempotent",
                "DOC-2",
                "A second deposit with the same unique id and content is the same deposit: same"
                    + " id, no duplicate")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentDeposit deposit = p.document("DOC-2 idempotent").build();
                  DocumentEntry first = p.deposit(Role.DOCTOR, deposit);
                  DocumentEntry again =
                      p.step(
                          "DOCTOR deposits it again",
                          () -> p.dossier(Role.DOCTOR).documents().deposit(deposit));
                  p.equal("id of the second deposit", first.id(), again.id());
                  long copies =
                      p.step(
                          "HOLDER searches",
                          () ->
                              p.dossier(Role.HOLDER)
                                  .documents()
                                  .search(
                                      DocumentSearch.forPatient(p.holder()).pageSize(100).build())
                                  .streamAll()
                                  .filter(d -> d.uniqueId().equals(deposit.uniqueId()))
                                  .count());
                  p.equal("documents with that unique id", 1L, copies);
                }));
    checks.add(
        Check.define(
                "DOC-2.duplicate-conflict",
                "DOC-2",
                "The same unique id with other content is refused 409 duplicate-conflict")
            .as(Role.DOCTOR)
            .run(
                p -> {
                  DocumentDeposit deposit = p.document("DOC-2 conflict").build();
                  p.deposit(Role.DOCTOR, deposit);
                  p.refused(
                      "DOCTOR deposits other bytes under the same unique id",
                      409,
                      ErrorCause.DUPLICATE_CONFLICT,
                      () ->
                          p.dossier(Role.DOCTOR)
                              .documents()
                              .deposit(
                                  p.document("DOC-2 conflict")
                                      .uniqueId(deposit.uniqueId())
                                      .content(
                                          "other bytes".getBytes(StandardCharsets.UTF_8),
                                          "text/plain")
                                      .build()));
                }));
    checks.add(
        Check.define(
                "DOC-3.replace",
                "DOC-3",
                "A new version replaces the old one: the old becomes superseded and leaves default"
                    + " searches, and is found with superseded ones")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentEntry v1 = p.deposit(Role.DOCTOR, p.document("DOC-3 v1").build());
                  DocumentEntry v2 =
                      p.step(
                          "DOCTOR replaces it",
                          () ->
                              p.dossier(Role.DOCTOR)
                                  .documents()
                                  .replace(v1.id(), p.document("DOC-3 v2").build()));
                  p.cleanup(() -> p.dossier(Role.DOCTOR).documents().delete(v2.id()));
                  p.equal("new version replaces", v1.id(), v2.replaces().orElse("(none)"));
                  DocumentEntry old =
                      p.step(
                          "HOLDER reads the old version",
                          () -> p.dossier(Role.HOLDER).documents().get(v1.id()));
                  p.equal("old version's status", DocumentStatus.SUPERSEDED, old.status());
                  p.equal(
                      "old version in the default search",
                      false,
                      sees(p, Role.HOLDER, v1.id(), false));
                  p.equal(
                      "new version in the default search",
                      true,
                      sees(p, Role.HOLDER, v2.id(), false));
                  p.equal(
                      "old version with superseded ones",
                      true,
                      sees(p, Role.HOLDER, v1.id(), true));
                }));
    checks.add(
        Check.define(
                "DOC-3.not-author",
                "DOC-3",
                "The holder replacing a professional's document is refused 403 not-author")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentEntry v1 = p.deposit(Role.DOCTOR, p.document("DOC-3 by holder").build());
                  p.refused(
                      "HOLDER replaces it",
                      403,
                      ErrorCause.NOT_AUTHOR,
                      () ->
                          p.dossier(Role.HOLDER)
                              .documents()
                              .replace(v1.id(), p.document("DOC-3 holder's version").build()));
                }));
    checks.add(
        Check.define(
                "DOC-5.holder-cannot-delete",
                "DOC-5",
                "The holder deleting a professional's document is refused 403 not-author")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("DOC-5 holder").build());
                  p.refused(
                      "HOLDER deletes it",
                      403,
                      ErrorCause.NOT_AUTHOR,
                      () -> p.dossier(Role.HOLDER).documents().delete(d.id()));
                }));
    checks.add(
        Check.define(
                "DOC-5.author-deletes",
                "DOC-5",
                "The author deletes (logically): the document is then 404 to everyone and out of"
                    + " searches")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("DOC-5 author").build());
                  DocumentEntry deleted =
                      p.step(
                          "DOCTOR deletes it",
                          () -> p.dossier(Role.DOCTOR).documents().delete(d.id()));
                  p.equal("status", DocumentStatus.ENTERED_IN_ERROR, deleted.status());
                  p.refused(
                      "HOLDER reads it",
                      404,
                      ErrorCause.NOT_FOUND,
                      () -> p.dossier(Role.HOLDER).documents().get(d.id()));
                  p.equal("in the holder's search", false, sees(p, Role.HOLDER, d.id(), true));
                }));
    checks.add(
        Check.define(
                "DOC-6.masked-absent-for-professionals",
                "DOC-6",
                "A document the holder masked is absent from another authorised professional's"
                    + " results and counts, and 404 by id")
            .as(Role.HOLDER, Role.DOCTOR, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.authoriseForCheck(Role.OTHER_DOCTOR);
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("DOC-6 masked").build());
                  int before =
                      p.step(
                          "OTHER_DOCTOR counts",
                          () -> search(p, Role.OTHER_DOCTOR).total().orElse(-1));
                  p.equal(
                      "visible before masking", true, sees(p, Role.OTHER_DOCTOR, d.id(), false));
                  p.step("HOLDER masks it", () -> p.dossier(Role.HOLDER).documents().mask(d.id()));
                  p.equal(
                      "visible after masking", false, sees(p, Role.OTHER_DOCTOR, d.id(), false));
                  int after =
                      p.step(
                          "OTHER_DOCTOR counts",
                          () -> search(p, Role.OTHER_DOCTOR).total().orElse(-1));
                  p.equal("total after masking", before - 1, after);
                  p.refused(
                      "OTHER_DOCTOR reads it by id",
                      404,
                      ErrorCause.NOT_FOUND,
                      () -> p.dossier(Role.OTHER_DOCTOR).documents().get(d.id()));
                }));
    checks.add(
        Check.define(
                "DOC-6.masked-visible-to-author",
                "DOC-6",
                "A masked document stays visible to its author")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  p.ensureAuthorised(Role.DOCTOR);
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("DOC-6 author").build());
                  DocumentEntry masked =
                      p.step(
                          "HOLDER masks it", () -> p.dossier(Role.HOLDER).documents().mask(d.id()));
                  p.equal("masked", true, masked.isMasked());
                  p.equal("in the author's search", true, sees(p, Role.DOCTOR, d.id(), false));
                }));
    checks.add(
        Check.define(
                "DOC-6.invisible-to-patient",
                "DOC-6",
                "A document labelled INVISIBLE_PATIENT is hidden from the holder (absent, 404) and"
                    + " visible to its author")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  p.ensureAuthorised(Role.DOCTOR);
                  DocumentEntry d =
                      p.deposit(
                          Role.DOCTOR,
                          p.document("DOC-6 invisible")
                              .labels(ConfidentialityLabel.INVISIBLE_PATIENT)
                              .build());
                  p.equal("in the holder's search", false, sees(p, Role.HOLDER, d.id(), false));
                  p.refused(
                      "HOLDER reads it by id",
                      404,
                      ErrorCause.NOT_FOUND,
                      () -> p.dossier(Role.HOLDER).documents().get(d.id()));
                  p.equal("in the author's search", true, sees(p, Role.DOCTOR, d.id(), false));
                }));
    checks.add(
        Check.define(
                "DOC-8.professional-cannot-mask",
                "DOC-8",
                "A professional depositing with MASQUE_PS (the holder's label) is refused 403"
                    + " label-not-allowed")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.refused(
                        "DOCTOR deposits with MASQUE_PS",
                        403,
                        ErrorCause.LABEL_NOT_ALLOWED,
                        () ->
                            p.dossier(Role.DOCTOR)
                                .documents()
                                .deposit(
                                    p.document("DOC-8")
                                        .labels(ConfidentialityLabel.MASQUE_PS)
                                        .build()))));
    checks.add(
        Check.define(
                "DOC-7.authorised-reads",
                "DOC-7",
                "An authorised professional finds another's document and retrieves its exact"
                    + " bytes")
            .as(Role.HOLDER, Role.DOCTOR, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureAuthorised(Role.DOCTOR);
                  DocumentDeposit deposit = p.document("DOC-7 read").build();
                  DocumentEntry d = p.deposit(Role.OTHER_DOCTOR, deposit);
                  p.equal("in DOCTOR's search", true, sees(p, Role.DOCTOR, d.id(), false));
                  byte[] bytes = retrieve(p, Role.DOCTOR, d.id());
                  p.equal("content (SHA-1)", sha1(deposit.content()), sha1(bytes));
                }));
    checks.add(
        Check.define(
                "DOC-7.holder-reads",
                "DOC-7",
                "The holder finds a professional's document and retrieves its exact bytes")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentDeposit deposit = p.document("DOC-7 holder").build();
                  DocumentEntry d = p.deposit(Role.DOCTOR, deposit);
                  p.equal("in the holder's search", true, sees(p, Role.HOLDER, d.id(), false));
                  p.equal(
                      "content (SHA-1)",
                      sha1(deposit.content()),
                      sha1(retrieve(p, Role.HOLDER, d.id())));
                }));
    checks.add(
        Check.define(
                "DOC-7.unauthorised-search",
                "DOC-7",
                "A professional with no authorisation searching in normal mode is refused 403"
                    + " not-authorised")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR searches",
                      403,
                      ErrorCause.NOT_AUTHORISED,
                      () -> search(p, Role.OTHER_DOCTOR));
                }));
    checks.add(
        Check.define(
                "DOC-7.unauthorised-read-by-id",
                "DOC-7",
                "A professional with no authorisation reading a document by id is refused 403"
                    + " not-authorised")
            .as(Role.HOLDER, Role.DOCTOR, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("DOC-7 by id").build());
                  p.refused(
                      "OTHER_DOCTOR reads it by id",
                      403,
                      ErrorCause.NOT_AUTHORISED,
                      () -> p.dossier(Role.OTHER_DOCTOR).documents().get(d.id()));
                }));
    checks.add(
        Check.define(
                "DOC-7.other-patient",
                "DOC-7",
                "A patient searching another patient's dossier is refused 403 forbidden")
            .as(Role.OTHER_PATIENT)
            .run(
                p ->
                    p.refused(
                        "OTHER_PATIENT searches the holder's dossier",
                        403,
                        ErrorCause.FORBIDDEN,
                        () -> search(p, Role.OTHER_PATIENT))));
    return checks;
  }

  static byte[] retrieve(Probe p, Role role, String id) {
    return p.step(
        role + " retrieves the content",
        () -> {
          DocumentEntry entry = p.dossier(role).documents().get(id);
          try (DocumentContent content = p.dossier(role).documents().retrieve(entry)) {
            return content.readAllBytes();
          }
        });
  }

  static String sha1(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
