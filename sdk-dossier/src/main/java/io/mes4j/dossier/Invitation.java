package io.mes4j.dossier;

import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Objects;

/**
 * The invitation of a second legal representative to a minor's profile (ES-6).
 *
 * @param id the invitation's id, which the invitee answers with
 * @param minor the minor's INS
 * @param invitee the invited person's INS
 * @param status where it stands
 * @param sentAt when it was sent
 * @param expiresAt when it expires if not answered
 */
public record Invitation(
    String id, Ins minor, Ins invitee, InvitationStatus status, Instant sentAt, Instant expiresAt) {
  /** Checks that every component is given. */
  public Invitation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(minor, "minor");
    Objects.requireNonNull(invitee, "invitee");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(sentAt, "sentAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "Invitation[id=" + id + ", status=" + status + ", expiresAt=" + expiresAt + "]";
  }
}
