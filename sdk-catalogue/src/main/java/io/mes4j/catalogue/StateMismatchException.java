package io.mes4j.catalogue;

import io.mes4j.core.error.MesClientException;

/**
 * The callback of an authorisation does not carry the {@code state} of an authorisation this flow
 * started (or it was already completed): a forged or replayed callback (RFC 6749 §10.12). Nothing
 * was exchanged.
 */
public class StateMismatchException extends MesClientException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public StateMismatchException(String message) {
    super(message);
  }
}
