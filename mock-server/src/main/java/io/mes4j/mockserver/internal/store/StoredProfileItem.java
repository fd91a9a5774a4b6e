package io.mes4j.mockserver.internal.store;

import io.mes4j.mockserver.internal.policy.ProfileSection;
import java.time.Instant;

/**
 * One item of a medical profile (PRO-1), immutable: a removal stores a new value. The resource is
 * kept as the FHIR JSON the server emits (id and meta included), so that reads need no mapping.
 *
 * @param resourceType the FHIR resource type ({@code Condition}, {@code Observation}…)
 * @param code the item's main code as a {@code system|code} token (searched on Observation), or
 *     empty when it has none
 * @param seq insertion order within the store, the order of "newest first"
 * @param removed whether the holder removed it ({@code entered-in-error}; kept for history)
 * @param json the resource as emitted
 */
public record StoredProfileItem(
    String id,
    String resourceType,
    ProfileSection section,
    String code,
    long seq,
    boolean removed,
    int version,
    Instant lastUpdated,
    String json) {

  @Override
  public String toString() {
    return "StoredProfileItem[" + resourceType + "/" + id + ", " + section + "]";
  }
}
