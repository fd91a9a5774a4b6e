package io.mes4j.mockserver.internal.faults;

import io.mes4j.mockserver.Fault;
import io.mes4j.mockserver.internal.journal.PathPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The faults in force on one server (or tenant): rules, a seed and a count of the requests seen.
 * The n-th request the plan sees gets a draw fixed by the seed and n, so a sequential client sees
 * the same faults on every run. Thread-safe: a new plan replaces the old one as a whole.
 */
public final class FaultPlan {
  /** At most this many rules. */
  public static final int MAX_RULES = 100;

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private record Compiled(Fault rule, PathPattern path) {}

  private record Plan(long seed, List<Compiled> rules, AtomicLong seen) {}

  /** What to do with one request. */
  public record Verdict(Fault rule, long delayMs) {
    /** {@code error}, {@code drop} or {@code latency}, as the journal names it. */
    public String kind() {
      if (rule.dropsConnection()) {
        return "drop";
      }
      return rule.status() != 0 ? "error" : "latency";
    }
  }

  private final long defaultSeed;
  private volatile Plan plan;

  public FaultPlan(long defaultSeed) {
    this.defaultSeed = defaultSeed;
    this.plan = new Plan(defaultSeed, List.of(), new AtomicLong());
  }

  /**
   * Puts a new plan in force (the count of requests starts again).
   *
   * @param seed the seed of the draws, or null for the server's
   * @throws IllegalArgumentException naming the rule and field if a rule is invalid; the plan in
   *     force is then unchanged
   */
  public void put(@Nullable Long seed, List<Fault> rules) {
    if (rules.size() > MAX_RULES) {
      throw new IllegalArgumentException("at most " + MAX_RULES + " rules");
    }
    List<Compiled> compiled = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Fault rule = rules.get(i);
      PathPattern path;
      try {
        path = PathPattern.compile(rule.path());
        validate(rule);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rules[" + i + "]: " + e.getMessage(), e);
      }
      compiled.add(new Compiled(rule, path));
    }
    plan = new Plan(seed == null ? defaultSeed : seed, List.copyOf(compiled), new AtomicLong());
  }

  /** Removes every rule. */
  public void clear() {
    plan = new Plan(defaultSeed, List.of(), new AtomicLong());
  }

  /** The seed of the plan in force. */
  public long seed() {
    return plan.seed();
  }

  /** The rules in force, in order. */
  public List<Fault> rules() {
    return plan.rules().stream().map(Compiled::rule).toList();
  }

  /** What to do with a request to {@code path}, or null to serve it normally. */
  public @Nullable Verdict decide(String method, String path) {
    Plan current = plan;
    if (current.rules().isEmpty()) {
      return null;
    }
    long n = current.seen().getAndIncrement();
    SplittableRandom random = new SplittableRandom(current.seed() + n * GOLDEN);
    double u = random.nextDouble();
    double floor = 0;
    for (Compiled compiled : current.rules()) {
      Fault rule = compiled.rule();
      if (rule.method().map(m -> !m.equals(method)).orElse(false)
          || !compiled.path().matches(path)) {
        continue;
      }
      double ceiling = floor + rule.rate();
      if (u >= floor && u < ceiling) {
        return new Verdict(rule, delay(rule, random));
      }
      floor = ceiling;
    }
    return null;
  }

  private static long delay(Fault rule, SplittableRandom random) {
    if (rule.distribution().isEmpty()) {
      return 0;
    }
    long max = Fault.MAX_DELAY.toMillis();
    return switch (rule.distribution().get()) {
      case FIXED -> rule.latencyMinMs();
      case UNIFORM ->
          rule.latencyMinMs() == rule.latencyMaxMs()
              ? rule.latencyMinMs()
              : random.nextLong(rule.latencyMinMs(), rule.latencyMaxMs() + 1);
      case LOGNORMAL -> {
        double value = rule.latencyMinMs() * Math.exp(rule.sigma() * random.nextGaussian());
        yield Math.max(0, Math.min(Math.min(rule.latencyMaxMs(), max), Math.round(value)));
      }
    };
  }

  private static void validate(Fault rule) {
    if (!(rule.rate() >= 0 && rule.rate() <= 1)) {
      throw new IllegalArgumentException("rate must be between 0 and 1");
    }
    if (rule.status() != 0 && (rule.status() < 400 || rule.status() > 599)) {
      throw new IllegalArgumentException("status must be between 400 and 599");
    }
    if (rule.retryAfter().isPresent()) {
      if (rule.status() == 0) {
        throw new IllegalArgumentException("retryAfter needs a status");
      }
      if (rule.retryAfter().get().isNegative()
          || rule.retryAfter().get().compareTo(Fault.MAX_DELAY.multipliedBy(60)) > 0) {
        throw new IllegalArgumentException("retryAfter must be between 0 and 3600 seconds");
      }
    }
    if (rule.dropsConnection() && rule.status() != 0) {
      throw new IllegalArgumentException("drop and status exclude each other");
    }
    if (rule.status() == 0 && !rule.dropsConnection() && rule.distribution().isEmpty()) {
      throw new IllegalArgumentException("a rule needs a status, drop or latency");
    }
    if (rule.distribution().isPresent()) {
      long max = Fault.MAX_DELAY.toMillis();
      long a = rule.latencyMinMs();
      long b = rule.latencyMaxMs();
      switch (rule.distribution().get()) {
        case FIXED, UNIFORM -> {
          if (a < 0 || b < a || b > max) {
            throw new IllegalArgumentException(
                "latency must be 0 to " + max + " ms, the minimum not above the maximum");
          }
        }
        case LOGNORMAL -> {
          if (a < 1 || a > max || b < 1 || b > max) {
            throw new IllegalArgumentException(
                "latency medianMs and maxMs must be 1 to " + max + " ms");
          }
          if (!(rule.sigma() >= 0 && rule.sigma() <= 5)) {
            throw new IllegalArgumentException("latency sigma must be between 0 and 5");
          }
        }
      }
    }
  }
}
