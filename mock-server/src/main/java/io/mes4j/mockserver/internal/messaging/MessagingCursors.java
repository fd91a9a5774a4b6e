package io.mes4j.mockserver.internal.messaging;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Paging cursors of {@code Communication} searches, as the documents' are (docs/wire-contract.md,
 * "Paging"): a link is {@code <base>/fhir/Communication?_page=<cursor>}, 22 random URL-safe
 * characters mapped here to the parsed search, the offset and the caller; 15 minutes of wall time,
 * at most {@value #BOUND}, least recently used dropped first. A cursor belongs to the server state
 * it was made in: after a reset it is not found.
 */
final class MessagingCursors {
  static final int BOUND = 10_000;
  static final Duration LIFETIME = Duration.ofMinutes(15);

  /** Where a cursor points. */
  record Position(MessagingSearch search, int offset) {}

  private record Entry(
      MessagingSearch search, int offset, String caller, Object state, long madeAtNanos) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > BOUND;
        }
      };

  synchronized String open(MessagingSearch search, int offset, String caller, Object state) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    entries.put(id, new Entry(search, offset, caller, state, System.nanoTime()));
    return id;
  }

  /** The position of a live cursor of this caller and state; empty otherwise. */
  synchronized Optional<Position> find(String id, String caller, Object state) {
    Entry entry = entries.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (System.nanoTime() - entry.madeAtNanos() > LIFETIME.toNanos() || entry.state() != state) {
      entries.remove(id);
      return Optional.empty();
    }
    if (!entry.caller().equals(caller)) {
      return Optional.empty();
    }
    return Optional.of(new Position(entry.search(), entry.offset()));
  }
}
