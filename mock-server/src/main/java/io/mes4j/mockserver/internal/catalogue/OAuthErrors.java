package io.mes4j.mockserver.internal.catalogue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.Response;

/** OAuth error answers (RFC 6749 §4.1.2.1, §5.2): {@code 400 {"error","error_description"}}. */
public final class OAuthErrors {
  private OAuthErrors() {}

  /** A 400 with the error and its description (never a token, a code or a verifier). */
  public static Response json(String error, String description) {
    ObjectNode body = Json.object();
    body.put("error", error);
    body.put("error_description", description);
    return Response.json(400, body).header("Cache-Control", "no-store");
  }
}
