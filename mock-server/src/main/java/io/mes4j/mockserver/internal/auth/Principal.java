package io.mes4j.mockserver.internal.auth;

import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What a verified bearer token says: who, in which mode, valid when. */
public record Principal(
    String subject,
    Actor.Kind kind,
    @Nullable String profession,
    Set<String> roles,
    Mode mode,
    Instant notBefore,
    Instant expiresAt) {
  public Principal {
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    return "Principal[" + kind + ", subject=<redacted>, " + mode + "]";
  }
}
