package io.mes4j.examples;

import io.mes4j.core.MesClient;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.identity.Ins;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.Documents;
import io.mes4j.dossier.Dossier;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A piece of a laboratory's own application, as a user of mes4j would write it: it publishes a
 * result to the patient's dossier, hidden from the patient until the doctor has announced it when
 * the result calls for that (DOC-6 {@code INVISIBLE_PATIENT}).
 *
 * <p>{@code LabResultPublisherTest} shows how such an application is tested against the reference
 * server, with its fixtures, its clock and its outbox.
 */
public final class LabResultPublisher {
  private final Documents documents;

  /** A publisher depositing with {@code client}'s identity. */
  public LabResultPublisher(MesClient client) {
    this.documents = Dossier.of(client).documents();
  }

  /**
   * Deposits a result as a PDF.
   *
   * @param sampleId the laboratory's sample id, from which the deposit's unique id is derived, so
   *     that publishing twice never makes two documents
   * @param toAnnounce whether the doctor must announce the result before the patient sees it
   */
  public DocumentEntry publish(Ins patient, String sampleId, byte[] pdf, boolean toAnnounce) {
    DocumentDeposit.Builder deposit =
        DocumentDeposit.builder()
            .patient(patient)
            .type(DocumentType.LABORATORY_REPORT)
            .title("Résultats d'analyses")
            .content(pdf, "application/pdf")
            .uniqueId(uniqueId(sampleId));
    if (toAnnounce) {
      deposit.labels(ConfidentialityLabel.INVISIBLE_PATIENT);
    }
    return documents.deposit(deposit.build());
  }

  /**
   * The deposit's unique id for a sample: a name-based UUID, the same for every retry of the same
   * sample, so the server recognises a retry (DOC-2).
   */
  static String uniqueId(String sampleId) {
    return "urn:uuid:"
        + UUID.nameUUIDFromBytes(("lab-sample:" + sampleId).getBytes(StandardCharsets.UTF_8));
  }

  /** Lets the patient see a result once the doctor has announced it. */
  public DocumentEntry announced(DocumentEntry result) {
    return documents.liftInvisibleToPatient(result.id());
  }
}
