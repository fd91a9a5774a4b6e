package io.mes4j.conformance;

/**
 * The part a test identity plays in the checks. Each role is one real identity of the target (an
 * INS or an {@code idNat_PS}) with a way to get its tokens ({@link IdentitySource}); a check whose
 * role is not configured is skipped, saying which role is missing.
 */
public enum Role {
  /** The holder of the {@code ACTIVE} test space (a patient token). */
  HOLDER,
  /** A médecin authorised on the holder's dossier (CON-1); the kit authorises it if needed. */
  DOCTOR,
  /**
   * Another médecin, with no standing right on the holder's dossier: the kit authorises, blocks and
   * revokes it, and undoes what it did.
   */
  OTHER_DOCTOR,
  /** A SAMU centre 15 doctor: a médecin with the {@code regulation} role (DOC-7). */
  REGULATION_DOCTOR,
  /** A patient who is neither the holder nor a representative of the holder. */
  OTHER_PATIENT
}
