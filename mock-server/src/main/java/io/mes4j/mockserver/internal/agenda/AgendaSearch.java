package io.mes4j.mockserver.internal.agenda;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.HttpError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed agenda search, kept by a page cursor. {@code Appointment}: {@code patient.identifier}
 * (required), {@code date} (repeatable, on the start, with a prefix {@code ge}, {@code gt}, {@code
 * le} or {@code lt}), {@code status} (comma-separated), {@code _count} (1 to 100, default 20).
 * {@code Task}: {@code patient.identifier}, {@code code} (required: {@code reminder}, or one or
 * more of the prevention kinds), {@code _count} (1 to 100; default 20 for reminders, 100 for the
 * calendar).
 */
record AgendaSearch(
    String resourceType,
    Ins patient,
    List<Bound> bounds,
    Set<AgendaBook.Status> statuses,
    Set<PreventionCalendar.Kind> kinds,
    boolean reminders,
    int count) {
  static final int MAX_COUNT = 100;

  AgendaSearch {
    bounds = List.copyOf(bounds);
    statuses = Set.copyOf(statuses);
    kinds = Set.copyOf(kinds);
  }

  /** One {@code date} bound: its prefix and the range {@code [from, until)} its value names. */
  record Bound(String prefix, Instant from, Instant until) {
    static Bound parse(String raw) {
      if (raw.length() < 3) {
        throw HttpError.badRequest("Parameter date must be a prefix (ge, gt, le, lt) and a date");
      }
      String prefix = raw.substring(0, 2);
      String value = raw.substring(2);
      if (!Set.of("ge", "gt", "le", "lt").contains(prefix)) {
        throw HttpError.badRequest("Parameter date takes a prefix ge, gt, le or lt");
      }
      try {
        if (value.length() == 10) {
          LocalDate day = LocalDate.parse(value);
          return new Bound(
              prefix,
              day.atStartOfDay().toInstant(ZoneOffset.UTC),
              day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        Instant instant = OffsetDateTime.parse(value).toInstant();
        return new Bound(prefix, instant, instant.plusNanos(1));
      } catch (DateTimeParseException e) {
        throw HttpError.badRequest(
            "Parameter date must be a date (2026-11-28) or an instant with offset");
      }
    }

    boolean test(Instant instant) {
      return switch (prefix) {
        case "ge" -> !instant.isBefore(from);
        case "gt" -> !instant.isBefore(until);
        case "le" -> instant.isBefore(until);
        default -> instant.isBefore(from);
      };
    }
  }

  boolean matches(AgendaBook.Appointment a) {
    if (!statuses.isEmpty() && !statuses.contains(a.status())) {
      return false;
    }
    for (Bound bound : bounds) {
      if (!bound.test(a.start())) {
        return false;
      }
    }
    return true;
  }

  static AgendaSearch appointments(Map<String, List<String>> params) {
    known(params, Set.of("patient.identifier", "date", "status", "_count"));
    Ins patient = patient(params);
    List<Bound> bounds = new ArrayList<>();
    for (String raw : params.getOrDefault("date", List.of())) {
      bounds.add(Bound.parse(raw));
    }
    Set<AgendaBook.Status> statuses = EnumSet.noneOf(AgendaBook.Status.class);
    String status = one(params, "status");
    if (status != null) {
      for (String code : status.split(",", -1)) {
        AgendaBook.Status s = AgendaBook.Status.fromCode(code.strip());
        if (s == null) {
          throw new HttpError(
              Cause.UNKNOWN_CODE,
              "Parameter status holds booked, cancelled, fulfilled or noshow, comma-separated");
        }
        statuses.add(s);
      }
    }
    return new AgendaSearch(
        "Appointment", patient, bounds, statuses, Set.of(), false, count(params, 20));
  }

  static AgendaSearch tasks(Map<String, List<String>> params) {
    known(params, Set.of("patient.identifier", "code", "_count"));
    Ins patient = patient(params);
    String code = one(params, "code");
    if (code == null || code.isBlank()) {
      throw HttpError.badRequest(
          "Parameter code is required: reminder, or vaccination, child-exam, screening");
    }
    boolean reminders = false;
    Set<PreventionCalendar.Kind> kinds = new LinkedHashSet<>();
    for (String token : code.split(",", -1)) {
      String value = token.strip();
      int bar = value.indexOf('|');
      if (bar >= 0) {
        if (!value.substring(0, bar).equals(AgendaFhir.AGENDA_TASK)) {
          throw new HttpError(Cause.UNKNOWN_CODE, "Parameter code is in " + AgendaFhir.AGENDA_TASK);
        }
        value = value.substring(bar + 1);
      }
      if (value.equals(AgendaFhir.REMINDER)) {
        reminders = true;
      } else {
        PreventionCalendar.Kind kind = PreventionCalendar.Kind.fromCode(value);
        if (kind == null) {
          throw new HttpError(
              Cause.UNKNOWN_CODE,
              "Parameter code holds reminder, vaccination, child-exam or screening");
        }
        kinds.add(kind);
      }
    }
    if (reminders && !kinds.isEmpty()) {
      throw HttpError.badRequest("Search reminders and the prevention calendar separately");
    }
    return new AgendaSearch(
        "Task",
        patient,
        List.of(),
        Set.of(),
        kinds,
        reminders,
        count(params, reminders ? 20 : 100));
  }

  private static void known(Map<String, List<String>> params, Set<String> names) {
    for (String name : params.keySet()) {
      if (!names.contains(name)) {
        throw HttpError.badRequest("Unsupported search parameter " + name);
      }
    }
  }

  private static Ins patient(Map<String, List<String>> params) {
    String token = one(params, "patient.identifier");
    if (token == null || token.isBlank()) {
      throw HttpError.badRequest("Parameter patient.identifier is required (<system>|<INS>)");
    }
    int bar = token.indexOf('|');
    if (bar < 0) {
      throw HttpError.badRequest("Parameter patient.identifier must be <system>|<INS>");
    }
    return ins(token.substring(0, bar), token.substring(bar + 1));
  }

  /** An INS from its system and value (ID-1): a 400 {@code invalid-ins} if wrong. */
  static Ins ins(String system, String value) {
    InsSystem insSystem;
    try {
      insSystem = InsSystem.fromUri(system);
    } catch (InvalidValueException e) {
      throw new HttpError(
          Cause.INVALID_INS,
          "The INS identifier system must be one of the NIR, NIA, test NIR or demo NIR OIDs");
    }
    try {
      return Ins.of(value, insSystem);
    } catch (InvalidValueException e) {
      throw new HttpError(Cause.INVALID_INS, e.getMessage());
    }
  }

  private static int count(Map<String, List<String>> params, int defaultCount) {
    String text = one(params, "_count");
    if (text == null) {
      return defaultCount;
    }
    int count;
    try {
      count = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      count = -1;
    }
    if (count < 1 || count > MAX_COUNT) {
      throw HttpError.badRequest("Parameter _count must be an integer from 1 to " + MAX_COUNT);
    }
    return count;
  }

  private static @Nullable String one(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw HttpError.badRequest("Parameter " + name + " may be given only once");
    }
    return values.get(0);
  }

  @Override
  public String toString() {
    return "AgendaSearch[" + resourceType + ", <redacted>, " + count + "]";
  }
}
