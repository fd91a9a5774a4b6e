package io.mes4j.examples;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.NotAuthorException;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Documents;
import io.mes4j.dossier.Dossier;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A hospital's discharge-letter flow: the ward deposits the letter, a colleague of the same
 * hospital corrects it with a new version that replaces it (DOC-3), the patient sees only the
 * current version and is told, and a doctor of another organisation cannot replace it.
 *
 * <p>Run it on its own: {@code mvn -B -ntp -q -DskipTests -Ptour
 * -Dtour.mainClass=io.mes4j.examples.DischargeLetter verify}.
 */
public final class DischargeLetter {
  private DischargeLetter() {}

  /** Runs the example and prints what happened. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the versions the patient can list. */
  public static List<DocumentEntry> run(PrintStream out) {
    try (MockServer server =
            MockServer.builder().clock(Instant.parse("2026-11-28T09:00:00Z")).start();
        MesClient ward = Examples.client(server, Fixtures.Ids.DOCTOR);
        MesClient colleague = Examples.client(server, Fixtures.Ids.DOCTOR_TREATING);
        MesClient samu = Examples.client(server, Fixtures.Ids.REGULATION_DOCTOR);
        MesClient patient = Examples.client(server, Fixtures.Ids.ADULT)) {

      // 1. The ward deposits the discharge letter, with the hospital's own unique id.
      DocumentEntry letter =
          Dossier.of(ward).documents().deposit(letter("Sortie le 27/11, traitement: aucun", "1"));
      out.printf("1. Discharge letter deposited: %s (%s)%n", letter.id(), letter.status());

      // 2. A colleague of the same hospital corrects the treatment: a new version replaces it.
      DocumentEntry corrected =
          Dossier.of(colleague)
              .documents()
              .replace(letter.id(), letter("Sortie le 27/11, traitement: amoxicilline 7 j", "2"));
      out.printf(
          "2. New version %s replaces %s%n", corrected.id(), corrected.replaces().orElseThrow());

      // 3. Another organisation may not replace the hospital's letter (DOC-3).
      try {
        Dossier.of(samu).documents().replace(corrected.id(), letter("Autre version", "3"));
      } catch (NotAuthorException e) {
        out.printf("3. The SAMU's doctor was refused: cause %s%n", e.causeCode());
      }

      // 4. The patient sees the current version only, and was told of the replacement (AU-3).
      Documents documents = Dossier.of(patient).documents();
      List<DocumentEntry> current =
          documents.search(DocumentSearch.forPatient(Fixtures.ADULT).build()).items();
      List<DocumentEntry> all =
          documents
              .search(DocumentSearch.forPatient(Fixtures.ADULT).includeSuperseded(true).build())
              .items();
      long told =
          server.control().outbox(n -> n.kind() == Notification.Kind.DOCUMENT_REPLACED).size();
      out.printf(
          "4. The patient lists %d current document(s), %d with the superseded version;"
              + " replacement notices: %d%n",
          current.size(), all.size(), told);
      for (DocumentEntry e : all) {
        out.printf("   %s %-10s %s%n", e.id(), e.status(), e.title());
      }
      return all;
    }
  }

  private static DocumentDeposit letter(String text, String version) {
    return DocumentDeposit.builder()
        .patient(Fixtures.ADULT)
        .type(DocumentType.DISCHARGE_LETTER)
        .title("Lettre de liaison de sortie (v" + version + ")")
        .content(text.getBytes(StandardCharsets.UTF_8), "text/plain")
        .uniqueId("urn:oid:1.2.250.1.999.2.7." + version)
        .build();
  }
}
