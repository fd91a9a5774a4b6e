package io.mes4j.dossier;

/** Who deposited a document (DOC-2). */
public enum AuthorKind {
  /** A health professional, identified by idNat_PS. */
  PROFESSIONAL,
  /** An organisation, identified by idNat_Struct. */
  ORGANISATION,
  /** The holder or a legal representative, identified by INS. */
  PATIENT,
  /** A catalogue service, identified by its OID. */
  SERVICE
}
