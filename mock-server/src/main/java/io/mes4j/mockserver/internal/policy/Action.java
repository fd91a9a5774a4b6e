package io.mes4j.mockserver.internal.policy;

/** What an actor asks to do, with the AU-1 trace code and FHIR AuditEvent action letter. */
public enum Action {
  DEPOSIT_DOCUMENT("DOCUMENT_DEPOSIT", "C"),
  SEARCH_DOCUMENTS("DOCUMENT_SEARCH", "E"),
  READ_DOCUMENT("DOCUMENT_READ", "R"),
  READ_TRACES("TRACE_READ", "R"),
  /** PRO-2: a read of the medical profile (a search or one item). */
  READ_PROFILE("PROFILE_READ", "R"),
  /** PRO-1, PRO-2: an item added to the medical profile. */
  WRITE_PROFILE("PROFILE_WRITE", "C"),
  /** PRO-1: the holder removes a profile item (entered-in-error, kept for history). */
  REMOVE_PROFILE("PROFILE_REMOVE", "D"),
  /** DOC-3: a new version replaces a stored one (traced on the replaced version). */
  REPLACE_DOCUMENT("DOCUMENT_REPLACE", "U"),
  /** DOC-8: any change by PATCH or DELETE, decided first (may the caller touch it at all). */
  UPDATE_DOCUMENT("DOCUMENT_UPDATE", "U"),
  /** DOC-4: the holder or the author archives a document. */
  ARCHIVE_DOCUMENT("DOCUMENT_ARCHIVE", "U"),
  /** DOC-4: the holder or the author brings an archived document back. */
  UNARCHIVE_DOCUMENT("DOCUMENT_UNARCHIVE", "U"),
  /** DOC-5: the author deletes a document (logically: entered-in-error). */
  DELETE_DOCUMENT("DOCUMENT_DELETE", "D"),
  /** DOC-8: the holder sets MASQUE_PS. */
  MASK_DOCUMENT("DOCUMENT_MASK", "U"),
  /** DOC-8: the holder lifts MASQUE_PS. */
  UNMASK_DOCUMENT("DOCUMENT_UNMASK", "U"),
  /** DOC-8: the author sets INVISIBLE_PATIENT. */
  HIDE_FROM_PATIENT("DOCUMENT_INVISIBLE_PATIENT_SET", "U"),
  /** DOC-8, DOC-6: the author (or the 1-month rule) lifts INVISIBLE_PATIENT. */
  SHOW_TO_PATIENT("DOCUMENT_INVISIBLE_PATIENT_LIFT", "U"),
  /** DOC-8: the author sets INVISIBLE_REPRESENTANTS_LEGAUX (a minor's dossier only). */
  HIDE_FROM_REPRESENTATIVES("DOCUMENT_INVISIBLE_REPRESENTANTS_SET", "U"),
  /** DOC-8: the author lifts INVISIBLE_REPRESENTANTS_LEGAUX. */
  SHOW_TO_REPRESENTATIVES("DOCUMENT_INVISIBLE_REPRESENTANTS_LIFT", "U"),
  /** CON-1: a professional declares the holder's consent, or the holder authorises someone. */
  DECLARE_AUTHORISATION("CONSENT_CREATE", "C"),
  /** CON-2 to CON-5, DOC-1: block, médecin traitant, same rights, opposition, settings. */
  MANAGE_CONSENT("CONSENT_CREATE", "C"),
  /** CON-1 to CON-5: revoke, unblock, withdraw (the consent becomes inactive). */
  REVOKE_CONSENT("CONSENT_REVOKE", "D"),
  /** The list of a dossier's consents (a search). */
  SEARCH_CONSENTS("CONSENT_SEARCH", "E"),
  /** One consent, by id. */
  READ_CONSENT("CONSENT_READ", "R"),
  /** MSG-1: a professional or an establishment starts a conversation with its first message. */
  START_CONVERSATION("CONVERSATION_START", "C"),
  /** MSG-1, MSG-2: a message sent into an open conversation (a reply, or a follow-up). */
  SEND_MESSAGE("MESSAGE_SEND", "C"),
  /** MSG-4, MSG-5: the messages of one conversation read. */
  READ_MESSAGES("MESSAGE_READ", "R"),
  /** MSG-4: the recipient marks a message read. */
  MARK_MESSAGE_READ("MESSAGE_MARK_READ", "U"),
  /** MSG-1, MSG-5: the list of a dossier's conversations (a search). */
  SEARCH_CONVERSATIONS("CONVERSATION_SEARCH", "E"),
  /** MSG-2: the professional who started a conversation closes it. */
  CLOSE_CONVERSATION("CONVERSATION_CLOSE", "U"),
  /** MSG-3: the holder files a message's attachment into their dossier. */
  FILE_ATTACHMENT("ATTACHMENT_FILE", "C"),
  /** AG-1: an appointment booked by the holder, a professional or a paired service. */
  BOOK_APPOINTMENT("APPOINTMENT_CREATE", "C"),
  /** AG-1: an appointment's status changes (cancelled, fulfilled, no-show). */
  UPDATE_APPOINTMENT("APPOINTMENT_UPDATE", "U"),
  /** AG-1: the list of a patient's appointments (a search). */
  SEARCH_APPOINTMENTS("APPOINTMENT_SEARCH", "E"),
  /** AG-1: one appointment, by id. */
  READ_APPOINTMENT("APPOINTMENT_READ", "R"),
  /** AG-2: the holder adds a personal reminder. */
  ADD_REMINDER("REMINDER_CREATE", "C"),
  /** AG-2: the holder removes a personal reminder. */
  REMOVE_REMINDER("REMINDER_REMOVE", "D"),
  /** AG-2: the list of the holder's personal reminders. */
  SEARCH_REMINDERS("REMINDER_SEARCH", "E"),
  /** AG-3: the prevention calendar is read. */
  READ_PREVENTION("PREVENTION_READ", "E"),
  /** AG-3: the holder records what was done of a calendar item. */
  RECORD_PREVENTION("PREVENTION_RECORD", "U"),
  /** CAT-2: the holder (or a minor's representative) pairs a catalogue service. */
  PAIR_SERVICE("PAIRING_CREATE", "C"),
  /** CAT-3: the holder (or a minor's representative) withdraws a whole pairing. */
  WITHDRAW_PAIRING("PAIRING_WITHDRAW", "D"),
  /** CAT-3: the holder (or a minor's representative) withdraws one finality of a pairing. */
  WITHDRAW_FINALITY("PAIRING_FINALITY_WITHDRAW", "U"),
  /** ES-6: the holder, now an adult, approves a pairing made while a minor again. */
  REAPPROVE_PAIRING("PAIRING_REAPPROVE", "U"),
  /**
   * CAT-3, ES-6: a paired service's call refused before any endpoint ran (pairing withdrawn, grant
   * revoked, service suspended, re-approval due); always a refusal.
   */
  SERVICE_CALL("SERVICE_CALL", "E"),
  /** ES-1, ES-4 (TD0.2): the space's status for an INS is read. */
  READ_SPACE_STATUS("SPACE_STATUS_READ", "E"),
  /** ES-2: a space is created, its announcement sent (the platform). */
  ANNOUNCE_SPACE("SPACE_CREATE", "C"),
  /** ES-2: PENDING to ACTIVE, by the holder early or at the end of the window (the platform). */
  ACTIVATE_SPACE("SPACE_ACTIVATE", "U"),
  /** ES-3: PENDING to OPPOSED, by the holder inside the window. */
  OPPOSE_SPACE("SPACE_OPPOSE", "U"),
  /** ES-5: ACTIVE to CLOSED, by the holder. */
  CLOSE_SPACE("SPACE_CLOSE", "U"),
  /** ES-1: CLOSED to ACTIVE, by the holder. */
  REOPEN_SPACE("SPACE_REOPEN", "U"),
  /** ES-5: CLOSED to DELETED, by the holder's request or at the end of the archive (purge). */
  DELETE_SPACE("SPACE_DELETE", "D"),
  /** ES-6: a representative asks to attach a minor's profile to their account. */
  ATTACH_MINOR("MINOR_ATTACH", "C"),
  /** ES-6: the other parent's agreement is recorded; the attachment takes effect. */
  RECORD_AGREEMENT("MINOR_AGREEMENT_RECORD", "U"),
  /** ES-6: a representative invites a second representative. */
  INVITE_REPRESENTATIVE("REPRESENTATIVE_INVITE", "C"),
  /** ES-6: the invitee accepts. */
  ACCEPT_INVITATION("INVITATION_ACCEPT", "U"),
  /** ES-6: the invitee refuses. */
  REFUSE_INVITATION("INVITATION_REFUSE", "U"),
  /** ES-6: an invitation expires (the platform). */
  EXPIRE_INVITATION("INVITATION_EXPIRE", "U"),
  /** ES-6: the invitations of a minor's profile, or those sent to the caller, are listed. */
  SEARCH_INVITATIONS("INVITATION_SEARCH", "E"),
  /** ES-6: at 18 the representatives lose access (the platform). */
  END_REPRESENTATION("REPRESENTATION_END", "U"),
  /** ES-6: at 18 every catalogue consent must be approved again (the platform). */
  REQUIRE_CONSENT_REAPPROVAL("CATALOGUE_CONSENT_REAPPROVAL_REQUIRED", "U");

  /** Whether this is a lifecycle action (ES-1 to ES-6), decided by its own rules. */
  public boolean lifecycle() {
    return compareTo(READ_SPACE_STATUS) >= 0;
  }

  private final String auditCode;
  private final String fhirAction;

  Action(String auditCode, String fhirAction) {
    this.auditCode = auditCode;
    this.fhirAction = fhirAction;
  }

  public String auditCode() {
    return auditCode;
  }

  public String fhirAction() {
    return fhirAction;
  }
}
