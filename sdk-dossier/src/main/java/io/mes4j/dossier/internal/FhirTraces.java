package io.mes4j.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.AccessMode;
import io.mes4j.core.error.MesClientException;
import io.mes4j.dossier.ActorType;
import io.mes4j.dossier.Trace;
import java.time.Instant;

/** Reads TDE {@code AuditEvent}s (docs/wire-contract.md, "Activity history"). */
public final class FhirTraces {
  private FhirTraces() {}

  /** Reads one {@code AuditEvent}. */
  public static Trace readTrace(JsonNode event) {
    try {
      JsonNode agent = event.path("agent").path(0);
      String documentId = null;
      for (JsonNode entity : event.path("entity")) {
        String ref = entity.path("what").path("reference").asText("");
        if (ref.startsWith("DocumentReference/")) {
          documentId = ref.substring("DocumentReference/".length());
        }
      }
      String outcome = event.path("outcome").asText("0");
      String refusal = "0".equals(outcome) ? null : event.path("outcomeDesc").asText(outcome);
      String action = "";
      for (JsonNode subtype : event.path("subtype")) {
        if (subtype.path("system").asText().endsWith("/audit-action")) {
          action = subtype.path("code").asText();
        }
      }
      return new Trace(
          event.path("id").asText(),
          Instant.parse(event.path("recorded").asText()),
          action,
          ActorType.fromCode(agent.path("type").path("coding").path(0).path("code").asText()),
          agent.path("who").path("identifier").path("value").asText(""),
          agent.hasNonNull("name") ? agent.path("name").asText() : null,
          accessMode(
              event.path("purposeOfEvent").path(0).path("coding").path(0).path("code").asText()),
          documentId,
          refusal);
    } catch (RuntimeException e) {
      if (e instanceof MesClientException m) {
        throw m;
      }
      throw new MesClientException("the server sent an AuditEvent mes4j cannot read", e);
    }
  }

  private static AccessMode.Kind accessMode(String code) {
    for (AccessMode.Kind k : AccessMode.Kind.values()) {
      if (k.code().equals(code)) {
        return k;
      }
    }
    return AccessMode.Kind.NORMAL;
  }
}
