package io.mes4j.mockserver;

import io.mes4j.mockserver.internal.journal.PathPattern;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Criteria on the request journal, as {@code GET /_mock/journal} takes them: method, path pattern,
 * subject, status, correlation id, a window on the server clock and a limit. Immutable: each method
 * returns a new query. An empty query matches everything.
 *
 * <pre>{@code
 * JournalQuery deposits = JournalQuery.all().method("POST").path("/fhir/DocumentReference");
 * server.control().verify(1, deposits.subject(Fixtures.Ids.DOCTOR_TREATING));
 * }</pre>
 */
public final class JournalQuery implements Predicate<JournalEntry> {
  /** The default and largest {@link #limit(int)}. */
  public static final int DEFAULT_LIMIT = 1_000;

  /** The largest limit accepted. */
  public static final int MAX_LIMIT = 10_000;

  private static final JournalQuery ALL =
      new JournalQuery(null, null, null, null, null, null, null, DEFAULT_LIMIT);

  private final @Nullable String method;
  private final @Nullable PathPattern path;
  private final @Nullable String subject;
  private final @Nullable Integer status;
  private final @Nullable String correlationId;
  private final @Nullable Instant since;
  private final @Nullable Instant until;
  private final int limit;

  private JournalQuery(
      @Nullable String method,
      @Nullable PathPattern path,
      @Nullable String subject,
      @Nullable Integer status,
      @Nullable String correlationId,
      @Nullable Instant since,
      @Nullable Instant until,
      int limit) {
    this.method = method;
    this.path = path;
    this.subject = subject;
    this.status = status;
    this.correlationId = correlationId;
    this.since = since;
    this.until = until;
    this.limit = limit;
  }

  /** A query matching every entry (the newest {@value #DEFAULT_LIMIT} are returned). */
  public static JournalQuery all() {
    return ALL;
  }

  /** Only requests with this HTTP method (case-insensitive). */
  public JournalQuery method(String method) {
    Objects.requireNonNull(method, "method");
    return new JournalQuery(
        method.toUpperCase(Locale.ROOT), path, subject, status, correlationId, since, until, limit);
  }

  /**
   * Only requests whose path matches: a glob ({@code *} any characters but {@code /}, {@code **}
   * anything, {@code ?} one character) or, prefixed {@code regex:}, a regular expression.
   *
   * @throws IllegalArgumentException if the pattern is empty or an invalid regular expression
   */
  public JournalQuery path(String pattern) {
    PathPattern compiled = PathPattern.compile(Objects.requireNonNull(pattern, "pattern"));
    return new JournalQuery(method, compiled, subject, status, correlationId, since, until, limit);
  }

  /** Only requests whose token's subject is {@code subjectId} (an INS, idNat_PS, FINESS…). */
  public JournalQuery subject(String subjectId) {
    return new JournalQuery(
        method,
        path,
        Objects.requireNonNull(subjectId, "subjectId"),
        status,
        correlationId,
        since,
        until,
        limit);
  }

  /** Only requests answered with this status ({@code 0}: dropped by a fault). */
  public JournalQuery status(int status) {
    return new JournalQuery(method, path, subject, status, correlationId, since, until, limit);
  }

  /** Only the request(s) with this correlation id. */
  public JournalQuery correlationId(String correlationId) {
    return new JournalQuery(
        method,
        path,
        subject,
        status,
        Objects.requireNonNull(correlationId, "correlationId"),
        since,
        until,
        limit);
  }

  /** Only requests that arrived at or after {@code instant}, on the server clock. */
  public JournalQuery since(Instant instant) {
    return new JournalQuery(
        method,
        path,
        subject,
        status,
        correlationId,
        Objects.requireNonNull(instant, "instant"),
        until,
        limit);
  }

  /** Only requests that arrived at or before {@code instant}, on the server clock. */
  public JournalQuery until(Instant instant) {
    return new JournalQuery(
        method,
        path,
        subject,
        status,
        correlationId,
        since,
        Objects.requireNonNull(instant, "instant"),
        limit);
  }

  /**
   * At most {@code limit} entries, the newest.
   *
   * @throws IllegalArgumentException outside 1 to {@value #MAX_LIMIT}
   */
  public JournalQuery limit(int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
    }
    return new JournalQuery(method, path, subject, status, correlationId, since, until, limit);
  }

  /** The limit. */
  public int limit() {
    return limit;
  }

  /** Whether {@code entry} meets every criterion (the limit aside). */
  @Override
  public boolean test(JournalEntry entry) {
    return (method == null || method.equals(entry.method()))
        && (path == null || path.matches(entry.path()))
        && (subject == null || subject.equals(entry.subjectId()))
        && (status == null || status == entry.status())
        && (correlationId == null || correlationId.equals(entry.correlationId()))
        && (since == null || !entry.serverTime().isBefore(since))
        && (until == null || !entry.serverTime().isAfter(until));
  }

  /** The criteria, readable (a subject that looks like an INS is not shown). */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (method != null) {
      parts.add("method=" + method);
    }
    if (path != null) {
      parts.add("path=" + path);
    }
    if (subject != null) {
      parts.add("subject=" + (subject.matches("\\d{13,}") ? "<redacted>" : subject));
    }
    if (status != null) {
      parts.add("status=" + status);
    }
    if (correlationId != null) {
      parts.add("correlationId=" + correlationId);
    }
    if (since != null) {
      parts.add("since=" + since);
    }
    if (until != null) {
      parts.add("until=" + until);
    }
    return parts.isEmpty() ? "any request" : String.join(", ", parts);
  }
}
