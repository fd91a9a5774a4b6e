package io.mes4j.mockserver.internal.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One conversation a professional or an establishment started with a holder (MSG-1), immutable:
 * closing it (MSG-2) stores a new value. Its id is the id of its first message.
 *
 * @param starterId the idNat_PS or idNat_Struct of who started it, the holder's only correspondent
 * @param starterSystem the identifier system of {@code starterId}
 * @param starterName the display name of who started it
 * @param seq insertion order within the store, the tie-break of "latest activity first"
 * @param closedAt when the professional closed it, or null while it is open
 */
public record StoredConversation(
    String id,
    String subject,
    String starterId,
    String starterSystem,
    String starterName,
    long seq,
    Instant started,
    @Nullable Instant closedAt) {

  public boolean closed() {
    return closedAt != null;
  }

  /** This conversation, closed at {@code at} (unchanged if it already was). */
  public StoredConversation closedAt(Instant at) {
    return closed()
        ? this
        : new StoredConversation(
            id, subject, starterId, starterSystem, starterName, seq, started, at);
  }

  @Override
  public String toString() {
    return "StoredConversation[" + id + (closed() ? ", closed" : ", open") + "]";
  }
}
