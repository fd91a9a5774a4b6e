package io.mes4j.dossier;

/** Where the attachment of a minor's profile to a representative's account stands (ES-6). */
public enum AttachmentStatus {
  /** Asked; no access until the other parent's agreement is recorded. */
  WAITING,
  /** The other parent's agreement is recorded: the representative acts on the minor's profile. */
  ATTACHED
}
