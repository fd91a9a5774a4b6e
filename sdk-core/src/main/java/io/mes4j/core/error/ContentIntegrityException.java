package io.mes4j.core.error;

/**
 * Content received does not match its announced digest or hash (e.g. {@code Repr-Digest} or the
 * {@code attachment.hash} of a document): it was altered or truncated on the way and must not be
 * used.
 */
public class ContentIntegrityException extends MesClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what did not match, without the content itself
   */
  public ContentIntegrityException(String message) {
    super(message);
  }
}
