package io.mes4j.catalogue;

import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ServiceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A pairing of a catalogue service with a patient's space (CAT-2), as its holder sees it: a {@code
 * Consent} of category {@code pairing}, one provision per consented finality.
 *
 * <p>{@link #toString()} never shows the patient.
 *
 * @param id the id of the pairing (its {@code Consent}), to withdraw or re-approve it
 * @param service the paired service
 * @param patient whose space it is paired with
 * @param finalities the finalities consented now
 * @param active false once withdrawn (or replaced by a new pairing)
 * @param reapprovalRequired true when the holder came of age and must approve again (ES-6)
 * @param since when it was made (or last changed), on the server clock
 */
public record Pairing(
    String id,
    ServiceId service,
    Ins patient,
    List<Finality> finalities,
    boolean active,
    boolean reapprovalRequired,
    Instant since) {

  /** Checks presence and copies the finalities. */
  public Pairing {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(since, "since");
    finalities = List.copyOf(finalities);
  }

  /** The patient redacted. */
  @Override
  public String toString() {
    return "Pairing[id="
        + id
        + ", service="
        + service
        + ", finalities="
        + finalities
        + ", active="
        + active
        + ", reapprovalRequired="
        + reapprovalRequired
        + ", since="
        + since
        + "]";
  }
}
