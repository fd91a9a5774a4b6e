package io.mes4j.examples;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.SpaceStatus;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What medical practice software does with a patient's space: find the space, declare the patient's
 * consent, deposit a lab report, search (masked documents stay out of sight), and an emergency
 * access with the notice it sends the patient.
 *
 * <p>Run it on its own: {@code mvn -B -ntp -q -DskipTests -Ptour
 * -Dtour.mainClass=io.mes4j.examples.PracticeSoftware verify}.
 */
public final class PracticeSoftware {
  private PracticeSoftware() {}

  /** Runs the example and prints what happened. */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing to {@code out}; returns the documents the practice's doctor saw in
   * the end (the patient's masked report excluded).
   */
  public static List<DocumentEntry> run(PrintStream out) {
    try (MockServer server =
            MockServer.builder().clock(Instant.parse("2026-11-28T09:00:00Z")).start();
        MesClient practice = Examples.client(server, Fixtures.Ids.DOCTOR_UNAUTHORISED);
        MesClient patient = Examples.client(server, Fixtures.Ids.ADULT);
        MesClient treating = Examples.client(server, Fixtures.Ids.DOCTOR_TREATING)) {
      Dossier dossier = Dossier.of(practice);

      // 1. Find the patient's space (PDSM4DMP TD0.2): its state and whether we are authorised.
      SpaceStatus status = dossier.space().status(Fixtures.ADULT).orElseThrow();
      out.printf(
          "1. The space is %s; this doctor is authorised: %s%n",
          status.state(), status.callerAuthorised());

      // 2. Without the patient's consent, reading is refused with a typed error (CON-1).
      try {
        dossier.documents().search(DocumentSearch.forPatient(Fixtures.ADULT).build());
      } catch (NotAuthorisedException e) {
        out.printf("2. Search refused before consent: cause %s%n", e.causeCode());
      }

      // 3. Emergency access (bris de glace): a reason is mandatory (the SDK refuses a blank one
      //    before any call; the server would answer reason-required), and the patient is told.
      try {
        AccessMode.breakGlass(" ");
      } catch (InvalidValueException e) {
        out.printf(
            "3. Bris de glace without a reason: refused before any call (%s)%n", e.getMessage());
      }
      int seen =
          Dossier.of(practice.withAccessMode(AccessMode.breakGlass("Patient inconscient")))
              .documents()
              .search(DocumentSearch.forPatient(Fixtures.ADULT).build())
              .items()
              .size();
      List<Notification> notices =
          server.control().outbox(n -> n.kind() == Notification.Kind.EMERGENCY_ACCESS);
      out.printf(
          "   With a reason: %d document(s) read; %d emergency-access notice(s) sent (to the"
              + " holder and to the médecin traitant, AU-3)%n",
          seen, notices.size());

      // 4. The patient agreed during the consultation: the doctor declares it (CON-1).
      dossier.access().declareConsent(Fixtures.ADULT);
      out.println("4. Consent declared; the doctor is now authorised");

      // 5. Deposit a lab report (ITI-65); a retry with the same unique id is the same deposit.
      DocumentDeposit report =
          DocumentDeposit.builder()
              .patient(Fixtures.ADULT)
              .type(DocumentType.LABORATORY_REPORT)
              .title("Bilan lipidique")
              .content("Cholestérol total 1,9 g/L".getBytes(StandardCharsets.UTF_8), "text/plain")
              .uniqueId("urn:oid:1.2.250.1.999.1.42")
              .build();
      DocumentEntry stored = dossier.documents().deposit(report);
      DocumentEntry again = dossier.documents().deposit(report);
      out.printf(
          "5. Deposited %s; depositing it again gave the same document: %s%n",
          stored.id(), stored.id().equals(again.id()));

      // 6. The médecin traitant deposits a psychiatric summary; the patient masks it (DOC-6).
      DocumentEntry sensitive =
          Dossier.of(treating)
              .documents()
              .deposit(
                  DocumentDeposit.builder()
                      .patient(Fixtures.ADULT)
                      .type(DocumentType.CONSULTATION_REPORT)
                      .title("Compte rendu de consultation")
                      .content(
                          "Consultation du 27 novembre".getBytes(StandardCharsets.UTF_8),
                          "text/plain")
                      .build());
      int before = search(dossier).size();
      Dossier.of(patient).documents().mask(sensitive.id());
      List<DocumentEntry> after = search(dossier);
      out.printf(
          "6. The doctor saw %d document(s); after the patient masked one, %d: the masked one is"
              + " absent, not flagged%n",
          before, after.size());
      return after;
    }
  }

  private static List<DocumentEntry> search(Dossier dossier) {
    return dossier.documents().search(DocumentSearch.forPatient(Fixtures.ADULT).build()).items();
  }
}
