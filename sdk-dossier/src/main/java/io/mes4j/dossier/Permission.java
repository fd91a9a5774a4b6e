package io.mes4j.dossier;

/** The value of a holder setting (CON-4): access permitted or denied. */
public enum Permission {
  /** Access is permitted. */
  PERMIT,
  /** Access is denied. */
  DENY;

  /** {@link #PERMIT} for {@code true}, {@link #DENY} for {@code false}. */
  public static Permission of(boolean permitted) {
    return permitted ? PERMIT : DENY;
  }

  /** Whether this is {@link #PERMIT}. */
  public boolean permitted() {
    return this == PERMIT;
  }
}
