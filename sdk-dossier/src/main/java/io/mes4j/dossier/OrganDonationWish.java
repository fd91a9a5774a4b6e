package io.mes4j.dossier;

/**
 * The holder's position on organ donation, kept in the medical profile (PRO-1). In France consent
 * is presumed; a refusal is registered with the national refusal register, which this position does
 * not replace.
 */
public enum OrganDonationWish {
  /** The holder wishes to donate. */
  WILLING,
  /** The holder refuses. */
  REFUSING,
  /** The holder has not said (also what a profile without a position answers). */
  UNSPECIFIED
}
