package io.mes4j.agenda;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One item of a patient's prevention calendar (AG-3): a vaccination, a compulsory child examination
 * or a screening, due from an age (and until another, if the calendar says), computed from the
 * birth date, with its status and the document it comes from.
 */
public final class PreventionItem {
  private final String id;
  private final String key;
  private final PreventionKind kind;
  private final String label;
  private final Period fromAge;
  private final @Nullable Period untilAge;
  private final @Nullable Period repeatEvery;
  private final LocalDate due;
  private final @Nullable LocalDate until;
  private final PreventionStatus status;
  private final @Nullable LocalDate date;
  private final String source;

  /** For the module's wire mapping. */
  public PreventionItem(
      String id,
      String key,
      PreventionKind kind,
      String label,
      Period fromAge,
      @Nullable Period untilAge,
      @Nullable Period repeatEvery,
      LocalDate due,
      @Nullable LocalDate until,
      PreventionStatus status,
      @Nullable LocalDate date,
      String source) {
    this.id = Objects.requireNonNull(id, "id");
    this.key = Objects.requireNonNull(key, "key");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.label = Objects.requireNonNull(label, "label");
    this.fromAge = Objects.requireNonNull(fromAge, "fromAge");
    this.untilAge = untilAge;
    this.repeatEvery = repeatEvery;
    this.due = Objects.requireNonNull(due, "due");
    this.until = until;
    this.status = Objects.requireNonNull(status, "status");
    this.date = date;
    this.source = Objects.requireNonNull(source, "source");
  }

  /** The id to {@linkplain PreventionCalendar#record record} it with (per patient, opaque). */
  public String id() {
    return id;
  }

  /** The line of the calendar it comes from, the same for every patient ({@code vac-ror-1}). */
  public String key() {
    return key;
  }

  /** What kind of act it is (vaccination, screening, check-up…). */
  public PreventionKind kind() {
    return kind;
  }

  /** What is due, in French as the source says it. */
  public String label() {
    return label;
  }

  /** The age it is due from. */
  public Period fromAge() {
    return fromAge;
  }

  /** The age it is due until, if the calendar gives one. */
  public Optional<Period> untilAge() {
    return Optional.ofNullable(untilAge);
  }

  /** How often it recurs within its window (a yearly flu shot), if it does. */
  public Optional<Period> repeatEvery() {
    return Optional.ofNullable(repeatEvery);
  }

  /** The date it is due from: the birth date plus {@link #fromAge()}. */
  public LocalDate due() {
    return due;
  }

  /** The date its window ends: the birth date plus {@link #untilAge()}, if any. */
  public Optional<LocalDate> until() {
    return Optional.ofNullable(until);
  }

  /** Where it stands for this patient. */
  public PreventionStatus status() {
    return status;
  }

  /** The date the holder gave with {@code DONE} or {@code NOT_DONE}, if any. */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /** The document the item comes from. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "PreventionItem[" + key + ", " + status + "]";
  }
}
