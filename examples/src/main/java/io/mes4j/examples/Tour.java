package io.mes4j.examples;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.dossier.DocumentContent;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.HistoryQuery;
import io.mes4j.dossier.Trace;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The README's tour: starts the reference server in-process, deposits a lab report as a doctor,
 * finds and reads it as an authorised doctor and as the patient, shows an unauthorised doctor's
 * refusal, then reads the patient's activity history.
 */
public final class Tour {
  private Tour() {}

  /** Runs the tour and prints what happened. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the tour, printing to {@code out}; returns the number of traces the patient read. */
  public static int run(PrintStream out) {
    try (MockServer server =
            MockServer.builder().clock(Instant.parse("2026-11-28T09:00:00Z")).start();
        MesClient root = client(server, Fixtures.DOCTOR_TREATING.value())) {
      out.println("Reference server listening on " + server.baseUrl());

      // A professional deposits a lab report (PDSm ITI-65).
      byte[] pdf = samplePdf();
      DocumentEntry stored =
          Dossier.of(root)
              .documents()
              .deposit(
                  DocumentDeposit.builder()
                      .patient(Fixtures.ADULT)
                      .type(DocumentType.LABORATORY_REPORT)
                      .title("Bilan sanguin")
                      .content(pdf, "application/pdf")
                      .build());
      out.printf(
          "1. Dr Martin (médecin traitant) deposited document %s (%s, %d bytes)%n",
          stored.id(), stored.type().label(), stored.size());

      // An authorised professional finds it (ITI-67) and downloads it (ITI-68).
      try (MesClient doctor = client(server, Fixtures.DOCTOR.value())) {
        Page<DocumentEntry> page =
            Dossier.of(doctor)
                .documents()
                .search(DocumentSearch.forPatient(Fixtures.ADULT).build());
        DocumentEntry found = page.items().get(0);
        try (DocumentContent content = Dossier.of(doctor).documents().retrieve(found)) {
          out.printf(
              "2. An authorised doctor found %d document(s) and read %d bytes of %s, hash checked%n",
              page.items().size(), content.readAllBytes().length, content.mimeType());
        }
      }

      // The patient finds it too.
      try (MesClient patient = client(server, Fixtures.ADULT.value())) {
        Page<DocumentEntry> page =
            Dossier.of(patient)
                .documents()
                .search(DocumentSearch.forPatient(Fixtures.ADULT).build());
        out.printf("3. The patient sees %d document(s) in their dossier%n", page.items().size());

        // An unauthorised professional is refused, with a typed error.
        try (MesClient stranger = client(server, Fixtures.DOCTOR_UNAUTHORISED.value())) {
          Dossier.of(stranger)
              .documents()
              .search(DocumentSearch.forPatient(Fixtures.ADULT).build());
          out.println("4. Unexpected: an unauthorised doctor could search");
        } catch (NotAuthorisedException e) {
          out.printf(
              "4. An unauthorised doctor was refused: %s (HTTP %d, cause %s)%n",
              e.getClass().getSimpleName(), e.statusCode(), e.causeCode());
        }

        // Every one of these calls left a trace the patient can read (AU-1, AU-2).
        int count = 0;
        out.println("5. The patient's activity history:");
        for (Trace t :
            Dossier.of(patient)
                .history()
                .list(HistoryQuery.forPatient(Fixtures.ADULT).build())
                .iterateAll()) {
          out.printf(
              "   %s %-18s %-24s %s%n",
              t.recorded(),
              t.action(),
              t.actorType(),
              t.succeeded() ? "done" : "refused (" + t.refusalCause() + ")");
          count++;
        }
        return count;
      }
    }
  }

  private static MesClient client(MockServer server, String subject) {
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(server.tokenProvider(subject))
        .applicationId("mes4j-tour")
        .build();
  }

  /** A minimal valid one-page PDF. */
  static byte[] samplePdf() {
    String pdf =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n";
    return pdf.getBytes(StandardCharsets.US_ASCII);
  }
}
