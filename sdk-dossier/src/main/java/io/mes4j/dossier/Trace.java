package io.mes4j.dossier;

import io.mes4j.core.AccessMode;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a dossier's activity history (AU-1): who did what, when, in which access mode, on
 * which object, and whether it was allowed. Traces are never altered.
 *
 * @param id the trace's id
 * @param recorded when it happened, on the server's clock
 * @param action what was done, e.g. {@code DOCUMENT_DEPOSIT}, {@code DOCUMENT_SEARCH}
 * @param actorType the kind of actor
 * @param actorId the actor's identifier (idNat_PS, INS, OID…)
 * @param actorName the actor's display name, if recorded
 * @param accessMode the access mode of the call
 * @param documentId the document concerned, or null
 * @param refusalCause null when the action succeeded; else the stable cause code of the refusal
 */
public record Trace(
    String id,
    Instant recorded,
    String action,
    ActorType actorType,
    String actorId,
    @Nullable String actorName,
    AccessMode.Kind accessMode,
    @Nullable String documentId,
    @Nullable String refusalCause) {

  /** Whether the action was carried out. */
  public boolean succeeded() {
    return refusalCause == null;
  }

  /** The document concerned, if any. */
  public Optional<String> document() {
    return Optional.ofNullable(documentId);
  }

  @Override
  public String toString() {
    return "Trace["
        + recorded
        + " "
        + action
        + " by "
        + actorType
        + " ("
        + accessMode
        + ")"
        + (refusalCause == null ? "" : " refused: " + refusalCause)
        + "]";
  }
}
