package io.mes4j.benchmarks.internal;

import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.http.Dispatcher;
import java.lang.reflect.Field;

/**
 * A running {@link MockServer}'s own engine and dispatcher, read from its private fields (found by
 * type, not by name). Benchmarks only: the benchmarks jar is on the class path, where the module's
 * encapsulation does not apply, and the server offers no public way to bulk-load its store.
 */
public final class ServerInternals {
  private ServerInternals() {}

  /** The server's engine: its clock, tokens and current state (store, cursors…). */
  public static Engine engine(MockServer server) {
    return field(server, Engine.class);
  }

  /** The server's one HTTP handler: routing, bearer check, endpoints, answer writing. */
  public static Dispatcher dispatcher(MockServer server) {
    return field(server, Dispatcher.class);
  }

  private static <T> T field(MockServer server, Class<T> type) {
    Field found = null;
    for (Field field : MockServer.class.getDeclaredFields()) {
      if (field.getType() == type) {
        if (found != null) {
          throw new IllegalStateException("MockServer has two fields of type " + type.getName());
        }
        found = field;
      }
    }
    if (found == null) {
      throw new IllegalStateException("MockServer has no field of type " + type.getName());
    }
    try {
      found.setAccessible(true);
      return type.cast(found.get(server));
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read MockServer's "
              + type.getSimpleName()
              + " (is mock-server on the module"
              + " path? the benchmarks must run from the class path)",
          e);
    }
  }
}
