package io.mes4j.mockserver.internal.agenda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The prevention calendar (AG-3), read from the data file {@code prevention-calendar.csv} beside
 * the server's classes: the French vaccination schedule, the compulsory child examinations and the
 * organised screenings, each line with its source. Immutable once loaded.
 */
public final class PreventionCalendar {
  static final String RESOURCE = "/io/mes4j/mockserver/prevention-calendar.csv";
  private static final String HEADER = "id;kind;label;sex;min_age;max_age;repeat;source";

  /** What a line is. */
  public enum Kind {
    VACCINATION("vaccination"),
    CHILD_EXAM("child-exam"),
    SCREENING("screening");

    private final String code;

    Kind(String code) {
      this.code = code;
    }

    /** The code in the agenda-task system (and in the data file). */
    public String code() {
      return code;
    }

    static @Nullable Kind fromCode(String code) {
      for (Kind kind : values()) {
        if (kind.code.equals(code)) {
          return kind;
        }
      }
      return null;
    }
  }

  /**
   * One line of the calendar.
   *
   * @param sex {@code any}, {@code F} or {@code M}
   * @param maxAge the end of the window, or null for none
   * @param repeat how often it recurs within its window, or null for once
   */
  public record Line(
      String id,
      Kind kind,
      String label,
      String sex,
      Period minAge,
      @Nullable Period maxAge,
      @Nullable Period repeat,
      String source) {

    /** Whether the line applies to a person of {@code sex} ({@code M}, {@code F}…). */
    public boolean appliesTo(String personSex) {
      return sex.equals("any") || sex.equalsIgnoreCase(personSex);
    }

    /** The date it is due from, for someone born on {@code birthDate}. */
    public LocalDate due(LocalDate birthDate) {
      return birthDate.plus(minAge);
    }

    /** The date its window ends, for someone born on {@code birthDate}; null if it never does. */
    public @Nullable LocalDate until(LocalDate birthDate) {
      return maxAge == null ? null : birthDate.plus(maxAge);
    }
  }

  private static final PreventionCalendar DEFAULT = load();

  private final List<Line> lines;

  private PreventionCalendar(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The calendar of the data file in the server's resources. */
  public static PreventionCalendar defaults() {
    return DEFAULT;
  }

  public List<Line> lines() {
    return lines;
  }

  public @Nullable Line line(String id) {
    for (Line line : lines) {
      if (line.id().equals(id)) {
        return line;
      }
    }
    return null;
  }

  private static PreventionCalendar load() {
    try (InputStream in = PreventionCalendar.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, "missing resource " + RESOURCE);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<Line> lines = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      boolean header = false;
      int number = 0;
      for (String raw = reader.readLine(); raw != null; raw = reader.readLine()) {
        number++;
        String text = raw.strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!text.equals(HEADER)) {
            throw new IllegalStateException(RESOURCE + ": the header must be " + HEADER);
          }
          header = true;
          continue;
        }
        Line line = parse(text.split(";", -1), number);
        if (!ids.add(line.id())) {
          throw new IllegalStateException(RESOURCE + ":" + number + ": duplicate id " + line.id());
        }
        lines.add(line);
      }
      return new PreventionCalendar(lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Line parse(String[] cells, int number) {
    String where = RESOURCE + ":" + number + ": ";
    if (cells.length != 8) {
      throw new IllegalStateException(where + "8 cells expected, found " + cells.length);
    }
    Kind kind = Kind.fromCode(cells[1].strip());
    if (kind == null) {
      throw new IllegalStateException(where + "unknown kind " + cells[1]);
    }
    String sex = cells[3].strip();
    if (!Set.of("any", "F", "M").contains(sex)) {
      throw new IllegalStateException(where + "sex must be any, F or M");
    }
    Period min = period(cells[4], where);
    Period max = cells[5].isBlank() ? null : period(cells[5], where);
    Period repeat = cells[6].isBlank() ? null : period(cells[6], where);
    if (min == null) {
      throw new IllegalStateException(where + "min_age is required");
    }
    if (cells[0].isBlank() || cells[2].isBlank() || cells[7].isBlank()) {
      throw new IllegalStateException(where + "id, label and source are required");
    }
    return new Line(
        cells[0].strip(), kind, cells[2].strip(), sex, min, max, repeat, cells[7].strip());
  }

  private static @Nullable Period period(String text, String where) {
    if (text.isBlank()) {
      return null;
    }
    try {
      Period period = Period.parse(text.strip());
      if (period.isNegative()
          || (period.getDays() != 0 && (period.getMonths() != 0 || period.getYears() != 0))) {
        throw new IllegalStateException(where + "an age is days alone, or years and months");
      }
      return period;
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(where + "not an ISO-8601 period: " + text, e);
    }
  }
}
