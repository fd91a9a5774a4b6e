package io.mes4j.dossier;

import static java.util.Objects.requireNonNull;

/**
 * The author of a document: its kind and its national identifier (idNat_PS, idNat_Struct, INS or
 * service OID). {@link #toString()} hides a patient author's INS.
 *
 * @param kind what kind of actor deposited the document
 * @param id the actor's identifier value
 */
public record Author(AuthorKind kind, String id) {
  /** Checks that both components are given. */
  public Author {
    requireNonNull(kind, "kind");
    requireNonNull(id, "id");
  }

  @Override
  public String toString() {
    return "Author[" + kind + ", " + (kind == AuthorKind.PATIENT ? "redacted" : id) + "]";
  }
}
