package io.mes4j.conformance;

/** The outcome of one check. */
public enum CheckStatus {
  /** The target behaved as the rule says. */
  PASSED,
  /** The target did not behave as the rule says, or the check could not get what it needed. */
  FAILED,
  /** Not run against this target (a missing role, or the reference server's control plane). */
  SKIPPED
}
