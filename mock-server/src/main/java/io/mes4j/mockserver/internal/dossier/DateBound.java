package io.mes4j.mockserver.internal.dossier;

import io.mes4j.mockserver.internal.http.HttpError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One {@code date} search bound: a prefix ({@code ge}, {@code gt}, {@code le}, {@code lt}, {@code
 * eq}, none meaning {@code eq}) and an instant or a date (a UTC day: choice).
 */
record DateBound(String prefix, Instant from, Instant until) {
  static DateBound parse(String raw) {
    String prefix = "eq";
    String value = raw;
    if (raw.length() > 2
        && Character.isLetter(raw.charAt(0))
        && Character.isLetter(raw.charAt(1))) {
      prefix = raw.substring(0, 2);
      value = raw.substring(2);
    }
    if (!java.util.Set.of("eq", "ge", "gt", "le", "lt").contains(prefix)) {
      throw HttpError.badRequest("Date prefix must be eq, ge, gt, le or lt");
    }
    try {
      if (value.length() == 10) {
        LocalDate day = LocalDate.parse(value);
        return new DateBound(
            prefix,
            day.atStartOfDay().toInstant(ZoneOffset.UTC),
            day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      }
      Instant instant = OffsetDateTime.parse(value).toInstant();
      return new DateBound(prefix, instant, instant.plusNanos(1));
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest(
          "Date bound must be a date (2026-11-28) or an instant with offset");
    }
  }

  /** Whether {@code instant} satisfies this bound ({@code [from, until)} is the value's range). */
  boolean test(Instant instant) {
    return switch (prefix) {
      case "ge" -> !instant.isBefore(from);
      case "gt" -> !instant.isBefore(until);
      case "le" -> instant.isBefore(until);
      case "lt" -> instant.isBefore(from);
      default -> !instant.isBefore(from) && instant.isBefore(until);
    };
  }
}
