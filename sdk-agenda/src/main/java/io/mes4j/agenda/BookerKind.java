package io.mes4j.agenda;

/** Who booked an appointment (AG-1). */
public enum BookerKind {
  /** The holder, or a minor's legal representative. */
  PATIENT,
  /** A professional. */
  PROFESSIONAL,
  /** An establishment. */
  ESTABLISHMENT,
  /** A catalogue service paired with the holder (CAT-2). */
  SERVICE
}
