package io.mes4j.conformance.internal;

import io.mes4j.conformance.CheckResult;
import io.mes4j.conformance.CheckStatus;
import io.mes4j.conformance.IdentitySource;
import io.mes4j.conformance.ParityReport;
import io.mes4j.conformance.Role;
import io.mes4j.core.code.SpaceState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Runs checks against a target, one after the other, and makes the report. */
public final class Runner {
  private final String baseUrl;
  private final IdentitySource identities;
  private final Predicate<Check> selected;

  public Runner(String baseUrl, IdentitySource identities, Predicate<Check> selected) {
    this.baseUrl = baseUrl;
    this.identities = identities;
    this.selected = selected;
  }

  /** Whether a check's id or rule starts with one of {@code prefixes} (all if none). */
  public static Predicate<Check> matching(List<String> prefixes) {
    if (prefixes.isEmpty()) {
      return c -> true;
    }
    return c -> prefixes.stream().anyMatch(x -> c.id().startsWith(x) || c.rule().startsWith(x));
  }

  public ParityReport run() {
    Clock wall = Clock.systemUTC();
    Instant started = wall.instant();
    long t0 = System.nanoTime();
    List<CheckResult> results = new ArrayList<>();
    boolean controlPlane = identities.controlPlane();
    try (Session session = new Session(baseUrl, identities)) {
      if (controlPlane) {
        session.reset();
      }
      for (Check check : Catalogue.checks()) {
        if (selected.test(check)) {
          results.add(run(session, check, controlPlane));
        }
      }
    }
    return ParityReport.of(
        RawHttp.trimSlash(baseUrl),
        started,
        Duration.ofNanos(System.nanoTime() - t0),
        controlPlane,
        results);
  }

  private CheckResult run(Session session, Check check, boolean controlPlane) {
    String missing = missing(check, controlPlane);
    if (missing != null) {
      return new CheckResult(
          check.id(),
          check.rule(),
          check.title(),
          CheckStatus.SKIPPED,
          "",
          "",
          missing,
          Duration.ZERO);
    }
    long t0 = System.nanoTime();
    Probe probe = new Probe(session);
    CheckStatus status;
    String expected;
    String observed;
    try {
      check.body().run(probe);
      status = CheckStatus.PASSED;
      expected = probe.expectedSummary();
      observed = probe.observedSummary();
    } catch (Probe.Failure f) {
      status = CheckStatus.FAILED;
      expected = f.expected();
      observed = f.observed();
    } catch (Exception | AssertionError e) {
      status = CheckStatus.FAILED;
      expected = probe.expectedSummary().isEmpty() ? "the check runs" : probe.expectedSummary();
      observed = Probe.describe(e);
    } finally {
      probe.runCleanups();
    }
    if (check.controlPlane()) {
      try {
        session.reset();
      } catch (RuntimeException e) {
        // the next checks will say what the server does
      }
    }
    return new CheckResult(
        check.id(),
        check.rule(),
        check.title(),
        status,
        expected,
        observed,
        null,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  private @Nullable String missing(Check check, boolean controlPlane) {
    if (check.controlPlane() && !controlPlane) {
      return "needs the reference server's control plane (/_mock clock, outbox), absent on this"
          + " target";
    }
    for (Role role : check.roles()) {
      if (identities.tokens(role).isEmpty() || identities.actorId(role).isEmpty()) {
        return "role " + role + " is not configured";
      }
    }
    for (SpaceState state : check.patients()) {
      if (identities.patient(state).isEmpty()) {
        return "no test patient whose space is " + state;
      }
    }
    return null;
  }
}
