package io.mes4j.agenda;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A personal reminder to add to the holder's agenda (AG-2): a title, when, and an optional note.
 *
 * <pre>{@code
 * ReminderRequest r = ReminderRequest.builder(ins)
 *     .title("Renouveler l'ordonnance")
 *     .at(Instant.parse("2026-12-10T08:00:00Z"))
 *     .note("Pharmacie du centre")
 *     .build();
 * }</pre>
 */
public final class ReminderRequest {
  /** The longest title. */
  public static final int MAX_TITLE = 500;

  /** The longest note. */
  public static final int MAX_NOTE = 2000;

  private final Ins patient;
  private final String title;
  private final Instant at;
  private final @Nullable String note;

  private ReminderRequest(Ins patient, String title, Instant at, @Nullable String note) {
    this.patient = patient;
    this.title = title;
    this.at = at;
    this.note = note;
  }

  /** A reminder in {@code patient}'s agenda. */
  public static Builder builder(Ins patient) {
    return new Builder(patient);
  }

  /** The patient whose agenda gets the reminder. */
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

  @Override
  public String toString() {
    return "ReminderRequest[" + at + "]";
  }

  /** Builds a {@link ReminderRequest}. */
  public static final class Builder {
    private final Ins patient;
    private @Nullable String title;
    private @Nullable Instant at;
    private @Nullable String note;

    private Builder(Ins patient) {
      this.patient = Objects.requireNonNull(patient, "patient");
    }

    /** The title (required, at most {@value #MAX_TITLE} characters). */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** When (required). */
    public Builder at(Instant at) {
      this.at = Objects.requireNonNull(at, "at");
      return this;
    }

    /** A note (at most {@value #MAX_NOTE} characters). */
    public Builder note(String note) {
      this.note = Objects.requireNonNull(note, "note");
      return this;
    }

    /**
     * The reminder.
     *
     * @throws InvalidValueException if the title or date is missing, or a text is blank or too long
     */
    public ReminderRequest build() {
      if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
        throw new InvalidValueException("a reminder's title is 1 to " + MAX_TITLE + " characters");
      }
      if (at == null) {
        throw new InvalidValueException("a reminder needs a date");
      }
      if (note != null && (note.isBlank() || note.length() > MAX_NOTE)) {
        throw new InvalidValueException("a note is 1 to " + MAX_NOTE + " characters, not blank");
      }
      return new ReminderRequest(patient, title, at, note);
    }
  }
}
