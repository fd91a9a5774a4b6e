package io.mes4j.mockserver;

/** The state a server starts from and returns to on reset. */
public enum FixtureSet {
  /** The identities of {@link Fixtures}: patients, spaces in every state, professionals. */
  DEFAULT,
  /** Nothing at all. */
  EMPTY
}
