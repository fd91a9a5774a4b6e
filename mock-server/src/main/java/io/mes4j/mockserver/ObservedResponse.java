package io.mes4j.mockserver;

import org.jspecify.annotations.Nullable;

/**
 * An answer the server sent, as a {@link ResponseListener} sees it.
 *
 * @param method the request's method
 * @param pathTemplate the route that answered, e.g. {@code /fhir/DocumentReference/{id}}, never the
 *     actual path (it may hold identifiers)
 * @param requestId the request id (the caller's {@code X-Request-Id}, or one made by the server)
 * @param status the HTTP status
 * @param contentType the answer's content type, if any
 * @param body the answer's bytes (do not modify)
 */
public record ObservedResponse(
    String method,
    String pathTemplate,
    String requestId,
    int status,
    @Nullable String contentType,
    byte[] body) {

  /** Whether the body is FHIR JSON. */
  public boolean isFhirJson() {
    return contentType != null
        && contentType.startsWith("application/fhir+json")
        && body.length > 0;
  }

  @Override
  public String toString() {
    return "ObservedResponse[" + method + " " + pathTemplate + " " + status + "]";
  }
}
