package io.mes4j.mockserver.internal.journal;

import io.mes4j.mockserver.JournalEntry;
import io.mes4j.mockserver.JournalQuery;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The request journal: the newest entries, bounded both in number and in (estimated) bytes; beyond
 * either bound the oldest are dropped and counted. Thread-safe; waiting for an entry is woken by
 * each new one.
 */
public final class Journal {
  /** The default bound on entries. */
  public static final int DEFAULT_MAX_ENTRIES = 10_000;

  /** The default bound on the entries' estimated size: 16 MB. */
  public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

  private static final int ENTRY_OVERHEAD = 256;
  private static final int DECISION_OVERHEAD = 64;

  private final int maxEntries;
  private final long maxBytes;
  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  private final ArrayDeque<Integer> sizes = new ArrayDeque<>();
  private long bytes;
  private long dropped;

  public Journal(int maxEntries, long maxBytes) {
    if (maxEntries < 0 || maxBytes < 0) {
      throw new IllegalArgumentException("the journal's bounds must not be negative");
    }
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
  }

  /** What a query found: the newest matching entries (oldest first), and counts. */
  public record Result(List<JournalEntry> entries, int total, long dropped) {}

  /** Records an entry, dropping the oldest beyond the bounds. */
  public synchronized void add(JournalEntry entry) {
    if (maxEntries == 0) {
      dropped++;
      return;
    }
    int size = estimate(entry);
    entries.addLast(entry);
    sizes.addLast(size);
    bytes += size;
    while (entries.size() > maxEntries || (bytes > maxBytes && entries.size() > 1)) {
      entries.removeFirst();
      bytes -= sizes.removeFirst();
      dropped++;
    }
    notifyAll();
  }

  /** The newest entries matching {@code query} (at most its limit), oldest first. */
  public synchronized Result query(JournalQuery query) {
    List<JournalEntry> found = new ArrayList<>();
    int total = 0;
    Iterator<JournalEntry> newestFirst = entries.descendingIterator();
    while (newestFirst.hasNext()) {
      JournalEntry entry = newestFirst.next();
      if (query.test(entry)) {
        total++;
        if (found.size() < query.limit()) {
          found.add(entry);
        }
      }
    }
    Collections.reverse(found);
    return new Result(List.copyOf(found), total, dropped);
  }

  /** How many entries match {@code query} (the limit aside). */
  public synchronized int count(JournalQuery query) {
    int count = 0;
    for (JournalEntry entry : entries) {
      if (query.test(entry)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Waits until an entry matches {@code query} (one already there counts), at most {@code timeout}.
   */
  public synchronized Optional<JournalEntry> await(JournalQuery query, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Iterator<JournalEntry> newestFirst = entries.descendingIterator();
      while (newestFirst.hasNext()) {
        JournalEntry entry = newestFirst.next();
        if (query.test(entry)) {
          return Optional.of(entry);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      long millis = Math.max(1, left / 1_000_000);
      wait(millis);
    }
  }

  /** Forgets every entry (and the count of dropped ones). */
  public synchronized void clear() {
    entries.clear();
    sizes.clear();
    bytes = 0;
    dropped = 0;
  }

  /** How many entries are held. */
  public synchronized int size() {
    return entries.size();
  }

  /** The estimated bytes held. */
  public synchronized long bytes() {
    return bytes;
  }

  /** The bound on entries. */
  public int maxEntries() {
    return maxEntries;
  }

  /** The bound on estimated bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  private static int estimate(JournalEntry entry) {
    long chars =
        entry.method().length()
            + entry.path().length()
            + entry.route().length()
            + entry.query().length()
            + length(entry.subjectKind())
            + length(entry.subjectId())
            + entry.correlationId().length()
            + length(entry.tenant())
            + length(entry.fault());
    long size = ENTRY_OVERHEAD + 2 * chars;
    for (JournalEntry.PolicyDecision decision : entry.decisions()) {
      size += DECISION_OVERHEAD + 2L * (decision.action().length() + length(decision.cause()));
    }
    return (int) Math.min(Integer.MAX_VALUE, size);
  }

  private static int length(@org.jspecify.annotations.Nullable String s) {
    return s == null ? 0 : s.length();
  }
}
