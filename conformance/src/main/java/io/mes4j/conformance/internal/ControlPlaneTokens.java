package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.AccessMode;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.error.MesClientException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens minted by the reference server's control plane ({@code POST /_mock/tokens}) for one
 * subject, one per access mode, reused until the server refuses one.
 */
final class ControlPlaneTokens implements TokenProvider {
  private final RawHttp http;
  private final String subject;
  private final Map<AccessMode, AccessToken> minted = new ConcurrentHashMap<>();

  ControlPlaneTokens(RawHttp http, String subject) {
    this.http = http;
    this.subject = subject;
  }

  @Override
  public AccessToken token(TokenRequest request) {
    return minted.computeIfAbsent(request.accessMode(), this::mint);
  }

  private AccessToken mint(AccessMode mode) {
    ObjectNode body = RawHttp.JSON.createObjectNode();
    body.put("subject", subject);
    body.put("accessMode", mode.kind().code());
    mode.reason().ifPresent(r -> body.put("reason", r));
    RawHttp.Raw answer = http.postJson("/_mock/tokens", null, body.toString());
    JsonNode token = answer.json().path("access_token");
    if (answer.status() != 200 || !token.isTextual() || token.asText().isBlank()) {
      throw new MesClientException(
          "POST /_mock/tokens answered " + answer.describe() + " without an access_token");
    }
    return AccessToken.of(token.asText());
  }

  @Override
  public void invalidate(AccessToken token) {
    minted.values().remove(token);
  }

  @Override
  public String toString() {
    return "ControlPlaneTokens[<redacted>]";
  }
}
