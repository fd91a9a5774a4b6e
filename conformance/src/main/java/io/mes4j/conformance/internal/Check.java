package io.mes4j.conformance.internal;

import io.mes4j.conformance.Role;
import io.mes4j.core.code.SpaceState;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One contract check: the rule it pins, what it needs (roles, test patients, the control plane) and
 * its body, which acts on the target through a {@link Probe}.
 *
 * @param id stable id, {@code <rule>.<what>}
 * @param rule the rule of domain-rules.md or the wire contract
 * @param title what it verifies
 * @param roles the roles it acts as
 * @param patients the test patients (by space state) it needs
 * @param controlPlane whether it needs the reference server's {@code /_mock}
 * @param body what it does
 */
public record Check(
    String id,
    String rule,
    String title,
    Set<Role> roles,
    Set<SpaceState> patients,
    boolean controlPlane,
    Body body) {

  /** What a check does; it throws {@link Probe.Failure} (or anything) to fail. */
  @FunctionalInterface
  public interface Body {
    void run(Probe probe) throws Exception;
  }

  public Check {
    Objects.requireNonNull(id, "id");
    roles = Set.copyOf(roles);
    patients = Set.copyOf(patients);
  }

  /** Starts a check. */
  static Definition define(String id, String rule, String title) {
    return new Definition(id, rule, title);
  }

  /** A check being defined. */
  static final class Definition {
    private final String id;
    private final String rule;
    private final String title;
    private final EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    private final EnumSet<SpaceState> patients = EnumSet.of(SpaceState.ACTIVE);
    private boolean controlPlane;

    private Definition(String id, String rule, String title) {
      this.id = id;
      this.rule = rule;
      this.title = title;
    }

    Definition as(Role... roles) {
      this.roles.addAll(Set.of(roles));
      return this;
    }

    Definition on(SpaceState state) {
      patients.add(state);
      return this;
    }

    Definition controlPlane() {
      controlPlane = true;
      return this;
    }

    Check run(Body body) {
      return new Check(id, rule, title, roles, patients, controlPlane, body);
    }
  }
}
