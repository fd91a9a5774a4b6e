package io.mes4j.mockserver;

/**
 * Sees every answer the server sends, after it is computed and before it is written: for a test
 * that checks what the server emitted (for instance, validating every FHIR resource). Called on the
 * server's threads, concurrently; it must be quick and thread-safe, and must not throw.
 */
@FunctionalInterface
public interface ResponseListener {
  /**
   * One answer.
   *
   * @param response the answer and the request it answers
   */
  void onResponse(ObservedResponse response);
}
