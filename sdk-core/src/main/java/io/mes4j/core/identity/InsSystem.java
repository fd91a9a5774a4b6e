package io.mes4j.core.identity;

import io.mes4j.core.error.InvalidValueException;

/**
 * The FHIR identifier system of an {@link Ins} (rule ID-1): which register the matricule INS comes
 * from.
 *
 * <p>Production spaces use {@link #NIR} or {@link #NIA}; the test and demonstration systems carry
 * fictitious people, such as the fixtures of the reference server, which use {@link #TEST_NIR}.
 */
public enum InsSystem {
  /** Definitive NIR (numéro d'inscription au répertoire), {@code urn:oid:1.2.250.1.213.1.4.8}. */
  NIR("urn:oid:1.2.250.1.213.1.4.8"),
  /** NIA (numéro identifiant d'attente), {@code urn:oid:1.2.250.1.213.1.4.9}. */
  NIA("urn:oid:1.2.250.1.213.1.4.9"),
  /** Test NIR, for fictitious people, {@code urn:oid:1.2.250.1.213.1.4.10}. */
  TEST_NIR("urn:oid:1.2.250.1.213.1.4.10"),
  /** Demonstration NIR, for fictitious people, {@code urn:oid:1.2.250.1.213.1.4.11}. */
  DEMO_NIR("urn:oid:1.2.250.1.213.1.4.11");

  private final String uri;

  InsSystem(String uri) {
    this.uri = uri;
  }

  /**
   * Returns the system as it travels in a FHIR {@code Identifier.system}.
   *
   * @return the {@code urn:oid:} URI of this system
   */
  public String uri() {
    return uri;
  }

  /**
   * Finds the system whose URI is {@code uri}.
   *
   * @param uri a FHIR identifier system, such as {@code urn:oid:1.2.250.1.213.1.4.10}
   * @return the matching system
   * @throws InvalidValueException if {@code uri} is none of the four INS systems
   */
  public static InsSystem fromUri(String uri) {
    for (InsSystem system : values()) {
      if (system.uri.equals(uri)) {
        return system;
      }
    }
    throw new InvalidValueException("unknown INS identifier system: " + uri);
  }
}
