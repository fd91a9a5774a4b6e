package io.mes4j.conformance;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The result of one check: which rule it pins, what it expected and what the target did.
 *
 * @param id the check's stable id, e.g. {@code DOC-2.duplicate-conflict}
 * @param rule the rule it pins (domain-rules.md or the wire contract), e.g. {@code DOC-2}
 * @param title what the check verifies, in one sentence
 * @param status passed, failed or skipped
 * @param expected what the rule says should happen (empty when skipped)
 * @param observed what the target did (empty when skipped)
 * @param reason why it was skipped, or null
 * @param duration how long it took
 */
public record CheckResult(
    String id,
    String rule,
    String title,
    CheckStatus status,
    String expected,
    String observed,
    @Nullable String reason,
    Duration duration) {

  /** Checks the required fields are present. */
  public CheckResult {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(observed, "observed");
    Objects.requireNonNull(duration, "duration");
  }
}
