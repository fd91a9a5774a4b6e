package io.mes4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.PageFetcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PageTest {

  /** Three pages: [1, 2] -> [3, 4] -> [5], counting the fetches. */
  static final class ThreePages implements PageFetcher<Integer> {
    final List<String> fetched = new ArrayList<>();
    private final Map<String, Page<Integer>> pages =
        Map.of(
            "link-2", CoreAccess.page(List.of(3, 4), OptionalInt.of(5), "link-3", this),
            "link-3", CoreAccess.page(List.of(5), OptionalInt.of(5), null, this));

    Page<Integer> first() {
      return CoreAccess.page(List.of(1, 2), OptionalInt.of(5), "link-2", this);
    }

    @Override
    public Page<Integer> fetch(String nextLink) {
      fetched.add(nextLink);
      return pages.get(nextLink);
    }
  }

  @Test
  void streamAll_acrossThreePages_fetchesEachPageOnlyWhenReached() {
    // GIVEN the first of three pages
    ThreePages source = new ThreePages();
    Page<Integer> first = source.first();
    Iterator<Integer> items = first.streamAll().iterator();

    // WHEN the items of the first page are consumed
    assertThat(items.next()).isEqualTo(1);
    assertThat(items.next()).isEqualTo(2);

    // THEN nothing was fetched yet
    assertThat(source.fetched).isEmpty();

    // WHEN the third item is consumed
    assertThat(items.next()).isEqualTo(3);

    // THEN the second page, only, was fetched
    assertThat(source.fetched).containsExactly("link-2");
  }

  @Test
  void streamAll_consumedToTheEnd_givesEveryItemInOrder() {
    // GIVEN the first of three pages
    ThreePages source = new ThreePages();

    // WHEN every item is collected
    List<Integer> all = source.first().streamAll().collect(Collectors.toList());

    // THEN all five came, with two fetches
    assertThat(all).containsExactly(1, 2, 3, 4, 5);
    assertThat(source.fetched).containsExactly("link-2", "link-3");
  }

  @Test
  void streamAll_whenLimited_neverFetchesPagesNotNeeded() {
    // GIVEN the first of three pages
    ThreePages source = new ThreePages();

    // WHEN only the first two items are taken
    List<Integer> some = source.first().streamAll().limit(2).toList();

    // THEN no page was fetched
    assertThat(some).containsExactly(1, 2);
    assertThat(source.fetched).isEmpty();
  }

  @Test
  void iterateAll_startsAgainFromThisPageAtEachIteration() {
    // GIVEN the first of three pages
    ThreePages source = new ThreePages();
    Iterable<Integer> all = source.first().iterateAll();

    // WHEN it is iterated twice
    List<Integer> seen = new ArrayList<>();
    all.forEach(seen::add);
    all.forEach(seen::add);

    // THEN both walks saw every item
    assertThat(seen).containsExactly(1, 2, 3, 4, 5, 1, 2, 3, 4, 5);
  }

  @Test
  void next_onTheLastPage_throwsNoSuchElement() {
    // GIVEN the last page
    ThreePages source = new ThreePages();
    Page<Integer> last = source.first().next().next();

    // WHEN next is asked
    // THEN there is none
    assertThat(last.hasNext()).isFalse();
    assertThat(last.items()).containsExactly(5);
    assertThat(last.total()).hasValue(5);
    assertThatThrownBy(last::next).isInstanceOf(NoSuchElementException.class);
  }
}
