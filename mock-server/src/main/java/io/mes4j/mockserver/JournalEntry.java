package io.mes4j.mockserver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request as the server's journal keeps it: never a body, a token or an INS (those are replaced
 * by {@code <redacted>} in the path and query).
 *
 * @param method the HTTP method
 * @param path the request path, redacted, without the tenant prefix
 * @param route the path template that served it ({@code /fhir/DocumentReference/{id}}), or {@code
 *     (unrouted)}
 * @param query the query string, redacted, or empty
 * @param status the status answered; {@code 0} for a connection dropped by a fault
 * @param subjectKind the kind of the token's subject ({@code PATIENT}, {@code PROFESSIONAL}, {@code
 *     ESTABLISHMENT}, {@code SERVICE}, {@code SYSTEM}), or null without a valid token
 * @param subjectId the token's subject (for tests only: never logged), or null
 * @param serverTime when it arrived, on the server clock
 * @param wallTime when it arrived, on the wall clock
 * @param duration how long the server took to answer
 * @param correlationId the request's correlation id (also on its traces and notices)
 * @param tenant the tenant it was sent to, or null for the root server
 * @param decisions the policy decisions taken while serving it, in order
 * @param fault the fault injected ({@code error}, {@code drop}, {@code latency}), or null
 */
public record JournalEntry(
    String method,
    String path,
    String route,
    String query,
    int status,
    @Nullable String subjectKind,
    @Nullable String subjectId,
    Instant serverTime,
    Instant wallTime,
    Duration duration,
    String correlationId,
    @Nullable String tenant,
    List<PolicyDecision> decisions,
    @Nullable String fault) {

  /**
   * A decision of the policy decision point taken while serving a request.
   *
   * @param action the action decided on ({@code DEPOSIT_DOCUMENT}, {@code READ_DOCUMENT}…)
   * @param permitted whether it was permitted
   * @param cause the refusal's stable cause code ({@code not-authorised}…), or null for a permit
   */
  public record PolicyDecision(String action, boolean permitted, @Nullable String cause) {
    /** Checks that the action is given. */
    public PolicyDecision {
      Objects.requireNonNull(action, "action");
    }

    /** {@code permit} or {@code deny}, as the wire shows it. */
    public String outcome() {
      return permitted ? "permit" : "deny";
    }
  }

  /** Checks that every required component is given. */
  public JournalEntry {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(serverTime, "serverTime");
    Objects.requireNonNull(wallTime, "wallTime");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(correlationId, "correlationId");
    decisions = List.copyOf(decisions);
  }

  /** Whether a decision on {@code action} was refused. */
  public boolean denied(String action) {
    return decisions.stream().anyMatch(d -> d.action().equals(action) && !d.permitted());
  }

  /** A one-line description, the subject id shown only for non-patients (an INS is never shown). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append(method).append(' ').append(path);
    if (!query.isEmpty()) {
      sb.append('?').append(query);
    }
    sb.append(" -> ").append(status);
    if (subjectKind != null) {
      sb.append(" by ").append(subjectKind);
      if (subjectId != null && !"PATIENT".equals(subjectKind)) {
        sb.append(' ').append(subjectId);
      }
    }
    sb.append(" at ").append(serverTime).append(" [").append(correlationId).append(']');
    if (fault != null) {
      sb.append(" fault=").append(fault);
    }
    for (PolicyDecision decision : decisions) {
      sb.append(' ').append(decision.action()).append('=').append(decision.outcome());
      if (decision.cause() != null) {
        sb.append('(').append(decision.cause()).append(')');
      }
    }
    return sb.toString();
  }
}
