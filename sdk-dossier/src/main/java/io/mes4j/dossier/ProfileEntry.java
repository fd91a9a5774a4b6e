package io.mes4j.dossier;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One item of a medical profile as the server stores it (PRO-1): its id (to {@linkplain
 * MedicalProfile#remove remove} it), its value, when and by whom it was recorded.
 *
 * @param id the item's id on the server
 * @param value the item ({@link Allergy}, {@link Vaccination}, {@link Measurement}…)
 * @param recordedAt when the server recorded it (or last changed it)
 * @param recordedBy who recorded it: the holder, a representative or a professional
 * @param <T> the kind of item
 */
public record ProfileEntry<T>(String id, T value, Instant recordedAt, Author recordedBy) {
  /** Checks that every component is given. */
  public ProfileEntry {
    requireNonNull(id, "id");
    requireNonNull(value, "value");
    requireNonNull(recordedAt, "recordedAt");
    requireNonNull(recordedBy, "recordedBy");
  }

  @Override
  public String toString() {
    return "ProfileEntry[" + id + ", " + value + ", " + recordedAt + ", " + recordedBy + "]";
  }
}
