package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.conformance.IdentitySource;
import io.mes4j.conformance.Role;
import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** One run's connections: an SDK client per role, plain HTTP, and the control plane if any. */
public final class Session implements AutoCloseable {
  private final String baseUrl;
  private final IdentitySource identities;
  private final RawHttp http;
  private final Map<Role, MesClient> clients = new EnumMap<>(Role.class);

  public Session(String baseUrl, IdentitySource identities) {
    this.baseUrl = RawHttp.trimSlash(baseUrl);
    this.identities = identities;
    this.http = new RawHttp(baseUrl);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public IdentitySource identities() {
    return identities;
  }

  public RawHttp http() {
    return http;
  }

  /** The SDK client acting as {@code role}: no retries, so that the report shows first answers. */
  public synchronized MesClient client(Role role) {
    return clients.computeIfAbsent(
        role,
        r ->
            MesClient.builder()
                .baseUrl(baseUrl)
                .credentials(tokens(r))
                .retryPolicy(RetryPolicy.none())
                .callTimeout(Duration.ofSeconds(30))
                .applicationId("mes4j-conformance")
                .build());
  }

  TokenProvider tokens(Role role) {
    return identities
        .tokens(role)
        .orElseThrow(() -> new IllegalStateException("role " + role + " is not configured"));
  }

  /** A raw bearer token of {@code role} in {@code mode}. */
  public String token(Role role, AccessMode mode) {
    return tokens(role).token(new TokenRequest(mode)).value();
  }

  public Ins patient(SpaceState state) {
    return identities
        .patient(state)
        .orElseThrow(() -> new IllegalStateException("no test patient " + state));
  }

  public String actorId(Role role) {
    return identities
        .actorId(role)
        .orElseThrow(() -> new IllegalStateException("role " + role + " is not configured"));
  }

  /** {@code POST /_mock/reset}: the default fixtures and the clock's start. */
  public void reset() {
    RawHttp.Raw r = http.send("POST", "/_mock/reset", null, null, new byte[0]);
    if (r.status() != 204 && r.status() != 200) {
      throw new IllegalStateException("POST /_mock/reset answered " + r.describe());
    }
  }

  /** {@code POST /_mock/clock/advance}. */
  public void advanceClock(Duration duration) {
    RawHttp.Raw r =
        http.postJson("/_mock/clock/advance", null, "{\"duration\":\"" + duration + "\"}");
    if (r.status() != 200) {
      throw new IllegalStateException("POST /_mock/clock/advance answered " + r.describe());
    }
  }

  /** {@code GET /_mock/outbox}'s notifications. */
  public JsonNode outbox() {
    RawHttp.Raw r = http.get("/_mock/outbox", null);
    if (r.status() != 200) {
      throw new IllegalStateException("GET /_mock/outbox answered " + r.describe());
    }
    return r.json().path("notifications");
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(MesClient::close);
    clients.clear();
  }
}
