package io.mes4j.mockserver.internal.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One trace (AU-1): when, who (actor type, identifier, system, display name), what (action code and
 * FHIR action letter), on which patient and object, in which access mode, with which outcome.
 * Traces are never altered.
 *
 * @param refusal the cause code of a refusal, or null on success
 * @param objectReference the object other than a document, as a FHIR relative reference ({@code
 *     Consent/cons-…}), or null
 * @param correlationId the correlation id of the request that made it, or null (the clock's)
 */
public record TraceRecord(
    String id,
    Instant recorded,
    String actorType,
    String agentId,
    String agentSystem,
    String agentName,
    String actionCode,
    String fhirAction,
    String modeCode,
    String patientIns,
    String patientSystem,
    @Nullable String documentId,
    @Nullable String refusal,
    @Nullable String objectReference,
    @Nullable String correlationId) {

  @Override
  public String toString() {
    return "TraceRecord[" + id + ", " + actionCode + "]";
  }
}
