package io.mes4j.mockserver.internal.audit;

import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.journal.RequestContext;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.TraceRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Records traces (AU-1): every action on a dossier, refusals included, never altered. A trace made
 * while serving a request carries its correlation id.
 */
public final class AuditTrail {
  private AuditTrail() {}

  public static TraceRecord record(
      ServerState state,
      Instant now,
      PatientRecord patient,
      Actor actor,
      Action action,
      Mode mode,
      @Nullable String documentId,
      @Nullable Cause refusal) {
    return record(state, now, patient, actor, action, mode, documentId, null, refusal);
  }

  /**
   * Records a trace whose object is another resource than a document, given as a FHIR relative
   * reference ({@code Consent/cons-…}), or none.
   */
  public static TraceRecord recordObject(
      ServerState state,
      Instant now,
      PatientRecord patient,
      Actor actor,
      Action action,
      Mode mode,
      @Nullable String objectReference,
      @Nullable Cause refusal) {
    return record(state, now, patient, actor, action, mode, null, objectReference, refusal);
  }

  /**
   * Records a trace naming a document, another resource (a FHIR relative reference such as {@code
   * Communication/msg-…}), both, or neither.
   */
  public static TraceRecord record(
      ServerState state,
      Instant now,
      PatientRecord patient,
      Actor actor,
      Action action,
      Mode mode,
      @Nullable String documentId,
      @Nullable String objectReference,
      @Nullable Cause refusal) {
    TraceRecord trace =
        new TraceRecord(
            state.ids().next("ae-"),
            now,
            actor.kind().actorType(),
            actor.id(),
            actor.system(),
            actor.displayName(),
            action.auditCode(),
            action.fhirAction(),
            mode.kind().code(),
            patient.ins().value(),
            patient.ins().system().uri(),
            documentId,
            refusal == null ? null : refusal.code(),
            objectReference,
            RequestContext.currentCorrelationId());
    patient.add(trace);
    return trace;
  }
}
