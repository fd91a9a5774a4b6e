package io.mes4j.mockserver.internal.http;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * First answers to POSTs that carried an {@code Idempotency-Key}, per caller and key, kept 24 hours
 * of server time (bounded: the oldest go first).
 */
public final class IdempotencyCache {
  public static final Duration RETENTION = Duration.ofHours(24);
  private static final int BOUND = 10_000;

  private record Entry(Response response, Instant until) {}

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > BOUND;
        }
      };

  public synchronized @Nullable Response get(String caller, String key, Instant now) {
    Entry entry = entries.get(caller + "\u0000" + key);
    if (entry == null || now.isAfter(entry.until())) {
      return null;
    }
    return entry.response();
  }

  public synchronized void put(String caller, String key, Response response, Instant now) {
    entries.put(caller + "\u0000" + key, new Entry(response, now.plus(RETENTION)));
  }
}
