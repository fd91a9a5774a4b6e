package io.mes4j.mockserver.internal.dossier;

import io.mes4j.mockserver.internal.http.HttpError;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The server side of search paging: a {@code next} or {@code self} link is {@code
 * [type]?_page=<cursor>}, an opaque random id that carries no search parameter (no INS in URLs,
 * hence none in access logs), and this cache maps it to the parsed search, the offset and the
 * caller who may follow it.
 *
 * <p>Bounded: at most {@value #BOUND} cursors, the least recently used dropped first; each lives
 * {@link #LIFETIME} of wall time (not the server clock, which tests move by days) from when it was
 * made. An unknown, expired or dropped cursor, or one followed by another caller, is not found.
 * Part of the {@code ServerState}: a reset forgets every cursor.
 */
public final class PageCursors {
  /** The most cursors kept. */
  public static final int BOUND = 10_000;

  /** How long a cursor may be followed after it was made. */
  public static final Duration LIFETIME = Duration.ofMinutes(15);

  /**
   * Where a cursor points.
   *
   * @param search the parsed search, re-run on each page against the current state
   * @param offset the index of the page's first match
   * @param cursor the cursor followed to get here, or null for a new search
   */
  public record Position<S>(S search, int offset, @Nullable String cursor) {}

  /**
   * The links of a page: {@code self} (the cursor followed, or a new one to this page) and {@code
   * next} (a new cursor, if matches remain).
   */
  public record Links(String self, @Nullable String next) {}

  private record Entry(Object search, int offset, String caller, long madeAtNanos) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final LongSupplier nanoTime;
  private final int bound;
  private final Map<String, Entry> entries;

  /** Cursors on the JVM's monotonic clock. */
  public PageCursors() {
    this(System::nanoTime, BOUND);
  }

  PageCursors(LongSupplier nanoTime, int bound) {
    this.nanoTime = nanoTime;
    this.bound = bound;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > PageCursors.this.bound;
          }
        };
  }

  /** Makes a cursor to {@code offset} of {@code search} for {@code caller}; returns its id. */
  public synchronized String open(Object search, int offset, String caller) {
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(caller, "caller");
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    entries.put(id, new Entry(search, offset, caller, nanoTime.getAsLong()));
    return id;
  }

  /**
   * The position of cursor {@code id} if it exists, has not expired, is a search of {@code type}
   * and was made for {@code caller}; empty otherwise (the cases are not told apart).
   */
  public synchronized <S> Optional<Position<S>> find(String id, Class<S> type, String caller) {
    Entry entry = entries.get(id);
    if (entry == null) {
      return Optional.empty();
    }
    if (nanoTime.getAsLong() - entry.madeAtNanos() > LIFETIME.toNanos()) {
      entries.remove(id);
      return Optional.empty();
    }
    if (!entry.caller().equals(caller) || !type.isInstance(entry.search())) {
      return Optional.empty();
    }
    return Optional.of(new Position<>(type.cast(entry.search()), entry.offset(), id));
  }

  /**
   * Where a search starts: the cursor of a followed link ({@code 404 not-found} if {@link #find}
   * finds nothing), or the first page of the search {@code parse} reads from the parameters.
   */
  <S> Position<S> position(
      SearchInput input, Class<S> type, String caller, Function<SearchInput, S> parse) {
    return position(input.params(), type, s -> true, caller, params -> parse.apply(input));
  }

  /**
   * Where a search by {@code params} starts: the {@code _page} cursor of a followed link (alone,
   * else 400; {@code 404 not-found} if not found, or if its search is not of the kind {@code
   * sameKind} accepts), or the first page of the search {@code parse} reads from the parameters.
   */
  public <S> Position<S> position(
      Map<String, List<String>> params,
      Class<S> type,
      Predicate<? super S> sameKind,
      String caller,
      Function<Map<String, List<String>>, S> parse) {
    String cursor = SearchInput.cursor(params);
    if (cursor == null) {
      return new Position<>(parse.apply(params), 0, null);
    }
    return find(cursor, type, caller)
        .filter(position -> sameKind.test(position.search()))
        .orElseThrow(
            () ->
                HttpError.notFound(
                    "No such page: the link is unknown, expired (after "
                        + LIFETIME.toMinutes()
                        + " minutes) or another caller's; search again"));
  }

  /**
   * The {@code self} and {@code next} links of the page at {@code position}, {@code count} matches
   * long, of {@code total}; {@code typeUrl} is the resource type's URL ({@code
   * <base>/fhir/DocumentReference}).
   */
  public Links links(String typeUrl, Position<?> position, int count, int total, String caller) {
    String self = position.cursor();
    if (self == null) {
      self = open(position.search(), position.offset(), caller);
    }
    int nextOffset = position.offset() + count;
    String next = nextOffset < total ? open(position.search(), nextOffset, caller) : null;
    return new Links(link(typeUrl, self), next == null ? null : link(typeUrl, next));
  }

  private static String link(String typeUrl, String cursor) {
    return typeUrl + "?" + SearchInput.PAGE + "=" + cursor;
  }

  synchronized int size() {
    return entries.size();
  }
}
