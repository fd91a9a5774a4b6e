package io.mes4j.mockserver.support;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Every FHIR JSON body the server answered in this test JVM, for validation at the end. */
public final class Recorded {
  /** A body and the request that produced it. */
  public record Body(String request, String json) {}

  private static final ConcurrentLinkedQueue<Body> BODIES = new ConcurrentLinkedQueue<>();

  private Recorded() {}

  static void add(String request, String json) {
    BODIES.add(new Body(request, json));
  }

  public static List<Body> all() {
    return List.copyOf(BODIES);
  }
}
