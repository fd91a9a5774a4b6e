package io.mes4j.dossier;

/** Where the invitation of a minor's second legal representative stands (ES-6). */
public enum InvitationStatus {
  /**
   * Sent, not answered yet; it expires 30 days after it was sent, or at the minor's 18th birthday.
   */
  PENDING,
  /** The invitee accepted: they are a legal representative of the minor. */
  ACCEPTED,
  /** The invitee refused. */
  REFUSED,
  /** Not answered in time, or the minor turned 18. */
  EXPIRED
}
