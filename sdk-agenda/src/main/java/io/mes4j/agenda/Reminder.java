package io.mes4j.agenda;

import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A personal reminder of the holder's agenda (AG-2), as the server holds it. */
public final class Reminder {
  private final String id;
  private final Ins patient;
  private final String title;
  private final Instant at;
  private final @Nullable String note;

  /** For the module's wire mapping. */
  public Reminder(String id, Ins patient, String title, Instant at, @Nullable String note) {
    this.id = Objects.requireNonNull(id, "id");
    this.patient = Objects.requireNonNull(patient, "patient");
    this.title = Objects.requireNonNull(title, "title");
    this.at = Objects.requireNonNull(at, "at");
    this.note = note;
  }

  /** The server's id (opaque). */
  public String id() {
    return id;
  }

  /** The patient whose agenda holds it. */
  public Ins patient() {
    return patient;
  }

  /** What to remember. */
  public String title() {
    return title;
  }

  /** When to remind. */
  public Instant at() {
    return at;
  }

  /** A free-text note, if any. */
  public Optional<String> note() {
    return Optional.ofNullable(note);
  }

  /** No title or note: they may be personal. */
  @Override
  public String toString() {
    return "Reminder[" + id + ", " + at + "]";
  }
}
