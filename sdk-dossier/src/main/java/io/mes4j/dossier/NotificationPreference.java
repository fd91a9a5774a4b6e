package io.mes4j.dossier;

/**
 * The holder's notification preferences (AU-3): each optional notice can be turned off. The notice
 * of an emergency access to the dossier cannot be.
 */
public enum NotificationPreference {
  /** Notices of documents added, replaced, or pending (DOC-3, DOC-6). */
  NOTIF_DOCUMENT,
  /** Notices of new messages (MSG-4). */
  NOTIF_MESSAGE,
  /** Notices of appointments added and appointment reminders (AG-1). */
  NOTIF_APPOINTMENT;

  /** The consent category on the wire. */
  public String code() {
    return name();
  }
}
