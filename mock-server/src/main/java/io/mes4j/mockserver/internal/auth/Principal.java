package io.mes4j.mockserver.internal.auth;

import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a verified bearer token says: who, in which mode, valid when; for a catalogue service, the
 * finalities of its pairing ({@code mes_finalities}) and the patient it is paired with ({@code
 * mes_patient}, an INS value), and from a pairing its Consent id ({@code mes_pairing}) and grant
 * ({@code mes_grant}); for a DPoP-bound token, the thumbprint of its key ({@code cnf.jkt}).
 */
public record Principal(
    String subject,
    Actor.Kind kind,
    @Nullable String profession,
    Set<String> roles,
    Mode mode,
    Instant notBefore,
    Instant expiresAt,
    Set<String> finalities,
    @Nullable String pairedPatient,
    @Nullable String pairing,
    @Nullable String grant,
    @Nullable String jkt) {
  public Principal {
    roles = Set.copyOf(roles);
    finalities = Set.copyOf(finalities);
  }

  /** A principal without pairing claims. */
  public Principal(
      String subject,
      Actor.Kind kind,
      @Nullable String profession,
      Set<String> roles,
      Mode mode,
      Instant notBefore,
      Instant expiresAt) {
    this(
        subject,
        kind,
        profession,
        roles,
        mode,
        notBefore,
        expiresAt,
        Set.of(),
        null,
        null,
        null,
        null);
  }

  /** Whether the token is bound to a DPoP key (RFC 9449). */
  public boolean dpopBound() {
    return jkt != null;
  }

  @Override
  public String toString() {
    return "Principal[" + kind + ", subject=<redacted>, " + mode + "]";
  }
}
