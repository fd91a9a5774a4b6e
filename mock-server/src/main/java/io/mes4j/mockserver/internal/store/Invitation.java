package io.mes4j.mockserver.internal.store;

import java.time.Instant;

/**
 * The invitation of a second legal representative to a minor's profile (ES-6).
 *
 * @param id its id ({@code inv-…})
 * @param minor the minor's INS value
 * @param inviter the inviting representative's INS value
 * @param invitee the invited person's INS value
 * @param inviteeSystem the OID of the invitee's INS system
 * @param status where it stands
 * @param sentAt when it was sent
 * @param expiresAt when it expires if still pending
 * @param changedAt when its status last changed
 */
public record Invitation(
    String id,
    String minor,
    String inviter,
    String invitee,
    String inviteeSystem,
    Status status,
    Instant sentAt,
    Instant expiresAt,
    Instant changedAt) {
  /** Where an invitation stands (ES-6). */
  public enum Status {
    PENDING,
    ACCEPTED,
    REFUSED,
    EXPIRED
  }

  public Invitation withStatus(Status next, Instant at) {
    return new Invitation(id, minor, inviter, invitee, inviteeSystem, next, sentAt, expiresAt, at);
  }

  @Override
  public String toString() {
    return "Invitation[" + id + ", " + status + ", redacted]";
  }
}
