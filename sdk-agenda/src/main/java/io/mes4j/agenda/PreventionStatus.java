package io.mes4j.agenda;

/**
 * The status of a prevention calendar item (AG-3). An item the holder recorded nothing for is
 * {@link #TO_PLAN} until its window ends, {@link #NOT_SPECIFIED} after.
 */
public enum PreventionStatus {
  /** To plan. */
  TO_PLAN,
  /** Done (the holder may give the date). */
  DONE,
  /** Not done. */
  NOT_DONE,
  /** Nothing known. */
  NOT_SPECIFIED
}
