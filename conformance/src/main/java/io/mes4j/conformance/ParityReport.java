package io.mes4j.conformance;

import io.mes4j.conformance.internal.ReportFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The parity report of one run: every check with its rule, its status, what it expected and what
 * the target did, and a summary. It reads as Markdown ({@link #toMarkdown()}) and as JSON ({@link
 * #toJson()}); {@link #writeTo(Path)} writes both.
 *
 * <pre>{@code
 * ParityReport report = ConformanceKit.against(URI.create("http://127.0.0.1:8080")).run();
 * report.writeTo(Path.of("target/conformance"));
 * if (!report.conforms()) {
 *   report.failures().forEach(f -> System.out.println(f.id() + ": " + f.observed()));
 * }
 * }</pre>
 */
public final class ParityReport {
  /** The Markdown file {@link #writeTo(Path)} writes. */
  public static final String MARKDOWN_FILE = "parity-report.md";

  /** The JSON file {@link #writeTo(Path)} writes. */
  public static final String JSON_FILE = "parity-report.json";

  private final String target;
  private final Instant started;
  private final Duration duration;
  private final boolean controlPlane;
  private final List<CheckResult> results;

  private ParityReport(
      String target,
      Instant started,
      Duration duration,
      boolean controlPlane,
      List<CheckResult> results) {
    this.target = Objects.requireNonNull(target, "target");
    this.started = Objects.requireNonNull(started, "started");
    this.duration = Objects.requireNonNull(duration, "duration");
    this.controlPlane = controlPlane;
    this.results = List.copyOf(results);
  }

  /**
   * A report of results already obtained.
   *
   * @param target the base URL checked
   * @param started when the run started (wall clock)
   * @param duration how long it took
   * @param controlPlane whether the reference server's control plane was used
   * @param results the checks' results, in the order they ran
   */
  public static ParityReport of(
      String target,
      Instant started,
      Duration duration,
      boolean controlPlane,
      List<CheckResult> results) {
    return new ParityReport(target, started, duration, controlPlane, results);
  }

  /** The base URL checked. */
  public String target() {
    return target;
  }

  /** When the run started, on the wall clock. */
  public Instant started() {
    return started;
  }

  /** How long the run took. */
  public Duration duration() {
    return duration;
  }

  /** Whether the reference server's control plane was used (else its checks were skipped). */
  public boolean controlPlane() {
    return controlPlane;
  }

  /** Every check's result, in the order they ran. */
  public List<CheckResult> results() {
    return results;
  }

  /** The failed checks. */
  public List<CheckResult> failures() {
    return results.stream().filter(r -> r.status() == CheckStatus.FAILED).toList();
  }

  /** How many checks ended with {@code status}. */
  public long count(CheckStatus status) {
    return results.stream().filter(r -> r.status() == status).count();
  }

  /** Whether every check that ran passed (skipped checks do not count against it). */
  public boolean conforms() {
    return count(CheckStatus.FAILED) == 0;
  }

  /** The report as Markdown: a summary, then a table of every check. */
  public String toMarkdown() {
    return ReportFormat.markdown(this);
  }

  /** The report as JSON: {@code target}, {@code summary}, {@code checks}. */
  public String toJson() {
    return ReportFormat.json(this);
  }

  /**
   * Writes {@value #MARKDOWN_FILE} and {@value #JSON_FILE} into {@code directory}, creating it if
   * needed.
   *
   * @throws UncheckedIOException if they cannot be written
   */
  public void writeTo(Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(MARKDOWN_FILE), toMarkdown(), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(JSON_FILE), toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report into " + directory, e);
    }
  }

  /** The summary line: target, counts and duration. */
  @Override
  public String toString() {
    return "ParityReport["
        + target
        + ": "
        + count(CheckStatus.PASSED)
        + " passed, "
        + count(CheckStatus.FAILED)
        + " failed, "
        + count(CheckStatus.SKIPPED)
        + " skipped in "
        + duration.toMillis()
        + " ms]";
  }
}
