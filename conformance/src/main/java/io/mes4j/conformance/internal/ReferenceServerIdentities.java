package io.mes4j.conformance.internal;

import io.mes4j.conformance.IdentitySource;
import io.mes4j.conformance.Role;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reference server's default fixtures (docs/reference-server.md), with tokens from its control
 * plane. The values are those of {@code Fixtures.Ids}; the kit does not depend on the server.
 */
public final class ReferenceServerIdentities implements IdentitySource {
  static final Map<SpaceState, String> PATIENTS =
      Map.of(
          SpaceState.ACTIVE, "180017511234516",
          SpaceState.PENDING, "290051305512342",
          SpaceState.OPPOSED, "175029201234505",
          SpaceState.CLOSED, "260073155511138",
          SpaceState.DELETED, "155084433322248");
  static final Map<Role, String> ACTORS = actors();

  private final RawHttp http;
  private final Map<Role, TokenProvider> tokens = new EnumMap<>(Role.class);

  private ReferenceServerIdentities(RawHttp http) {
    this.http = http;
  }

  private static Map<Role, String> actors() {
    Map<Role, String> m = new EnumMap<>(Role.class);
    m.put(Role.HOLDER, "180017511234516");
    m.put(Role.DOCTOR, "810000000025");
    m.put(Role.OTHER_DOCTOR, "810000000033");
    m.put(Role.REGULATION_DOCTOR, "810000000116");
    m.put(Role.OTHER_PATIENT, "285036912345656");
    return Map.copyOf(m);
  }

  /** The default fixtures of the reference server at {@code baseUrl}. */
  public static ReferenceServerIdentities create(String baseUrl) {
    return new ReferenceServerIdentities(new RawHttp(baseUrl));
  }

  @Override
  public Optional<Ins> patient(SpaceState state) {
    return Optional.ofNullable(PATIENTS.get(state)).map(v -> Ins.of(v, InsSystem.TEST_NIR));
  }

  @Override
  public Optional<String> actorId(Role role) {
    return Optional.ofNullable(ACTORS.get(role));
  }

  @Override
  public synchronized Optional<TokenProvider> tokens(Role role) {
    String subject = ACTORS.get(role);
    if (subject == null) {
      return Optional.empty();
    }
    return Optional.of(tokens.computeIfAbsent(role, r -> new ControlPlaneTokens(http, subject)));
  }

  @Override
  public boolean controlPlane() {
    return true;
  }

  @Override
  public String toString() {
    return "IdentitySource.referenceServer[" + http.base() + "]";
  }
}
