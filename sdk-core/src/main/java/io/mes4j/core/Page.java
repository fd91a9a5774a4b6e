package io.mes4j.core;

import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.PageFetcher;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * One page of a search result, with the way to the following ones.
 *
 * <p>A page holds its items, the total the server counted (when it said) and a link to the next
 * page. {@link #next()} fetches the next page; {@link #streamAll()} and {@link #iterateAll()} walk
 * every item of this page and the following ones, fetching each page only when the items before it
 * have been consumed:
 *
 * <pre>{@code
 * Page<DocumentEntry> first = documents.search(query);
 * first.streamAll()
 *     .filter(this::isInteresting)
 *     .limit(50)                      // pages after the 50th match are never fetched
 *     .forEach(this::show);
 * }</pre>
 *
 * <p>A page is immutable and does not keep the pages fetched after it: each call of {@link #next()}
 * fetches again, so walking a long result holds one page in memory at a time. Fetching may throw
 * any {@link io.mes4j.core.error.MesException}, from {@code next()} or while the stream or iterator
 * advances.
 *
 * @param <T> the type of the items
 */
public final class Page<T> {

  static {
    CoreAccess.registerPageFactory(
        new CoreAccess.PageFactory() {
          @Override
          public <E> Page<E> create(
              List<E> items, OptionalInt total, @Nullable String nextLink, PageFetcher<E> fetcher) {
            return new Page<>(items, total, nextLink, fetcher);
          }
        });
  }

  private final List<T> items;
  private final OptionalInt total;
  private final @Nullable String nextLink;
  private final PageFetcher<T> fetcher;

  private Page(
      List<T> items, OptionalInt total, @Nullable String nextLink, PageFetcher<T> fetcher) {
    this.items = List.copyOf(items);
    this.total = Objects.requireNonNull(total, "total");
    this.nextLink = nextLink;
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  /** The items of this page, in the server's order; possibly empty. */
  public List<T> items() {
    return items;
  }

  /** The number of items of the whole result, if the server counted them. */
  public OptionalInt total() {
    return total;
  }

  /** Whether a next page exists. */
  public boolean hasNext() {
    return nextLink != null;
  }

  /**
   * Fetches the next page (a new request at each call).
   *
   * @throws NoSuchElementException if this is the last page
   */
  public Page<T> next() {
    String link = nextLink;
    if (link == null) {
      throw new NoSuchElementException("this is the last page");
    }
    return fetcher.fetch(link);
  }

  /** Every item of this page and the following ones, fetching each page when it is reached. */
  public Stream<T> streamAll() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            new AllItems<>(this), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Every item of this page and the following ones; each {@code iterator()} starts again from this
   * page and fetches each following page when it is reached.
   */
  public Iterable<T> iterateAll() {
    return () -> new AllItems<>(this);
  }

  @Override
  public String toString() {
    return "Page[items=" + items.size() + ", total=" + total + ", hasNext=" + hasNext() + "]";
  }

  private static final class AllItems<T> implements Iterator<T> {
    private Page<T> page;
    private Iterator<T> current;

    AllItems(Page<T> first) {
      this.page = first;
      this.current = first.items.iterator();
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!page.hasNext()) {
          return false;
        }
        page = page.next();
        current = page.items.iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
