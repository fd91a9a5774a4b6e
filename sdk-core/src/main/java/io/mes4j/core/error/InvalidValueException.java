package io.mes4j.core.error;

/**
 * A value refused before anything is sent: a malformed INS or professional id, a code absent from
 * its table, a missing field. The message names what is wrong, never the value itself when it may
 * identify a person.
 */
public class InvalidValueException extends MesClientException {
  private static final long serialVersionUID = 1L;

  /**
   * A refused value.
   *
   * @param message what is wrong; never the value itself when it may identify a person
   */
  public InvalidValueException(String message) {
    super(message);
  }
}
