package io.mes4j.mockserver.internal.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PageCursorsTest {
  private final AtomicLong nanos = new AtomicLong(1_000);

  @Test
  void find_ofACursorMadeForTheCaller_givesItsSearchAndOffset() {
    // GIVEN
    PageCursors cursors = new PageCursors(nanos::get, 10);
    String id = cursors.open("search", 40, "PATIENT|a");
    // WHEN
    var found = cursors.find(id, String.class, "PATIENT|a");
    // THEN
    assertThat(found).hasValueSatisfying(p -> assertThat(p.offset()).isEqualTo(40));
    assertThat(found.orElseThrow().search()).isEqualTo("search");
    assertThat(found.orElseThrow().cursor()).isEqualTo(id);
  }

  @Test
  void find_byAnotherCallerOrForAnotherType_findsNothingAndKeepsTheCursor() {
    // GIVEN
    PageCursors cursors = new PageCursors(nanos::get, 10);
    String id = cursors.open("search", 0, "PATIENT|a");
    // WHEN / THEN
    assertThat(cursors.find(id, String.class, "PROFESSIONAL|b")).isEmpty();
    assertThat(cursors.find(id, Integer.class, "PATIENT|a")).isEmpty();
    assertThat(cursors.find(id, String.class, "PATIENT|a")).isPresent();
  }

  @Test
  void find_afterFifteenMinutesOfWallTime_findsNothing() {
    // GIVEN a cursor
    PageCursors cursors = new PageCursors(nanos::get, 10);
    String id = cursors.open("search", 0, "c");
    // WHEN its whole lifetime passes, it is still there; a nanosecond more, it is gone
    nanos.addAndGet(PageCursors.LIFETIME.toNanos());
    assertThat(cursors.find(id, String.class, "c")).isPresent();
    nanos.addAndGet(1);
    // THEN
    assertThat(cursors.find(id, String.class, "c")).isEmpty();
    assertThat(cursors.size()).isZero();
    assertThat(PageCursors.LIFETIME).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void open_overTheBound_dropsTheLeastRecentlyUsed() {
    // GIVEN a full cache of three, the first cursor used last
    PageCursors cursors = new PageCursors(nanos::get, 3);
    String first = cursors.open("s", 0, "c");
    String second = cursors.open("s", 1, "c");
    String third = cursors.open("s", 2, "c");
    assertThat(cursors.find(first, String.class, "c")).isPresent();
    // WHEN a fourth is made
    String fourth = cursors.open("s", 3, "c");
    // THEN the least recently used (the second) is gone, the others stay
    assertThat(cursors.size()).isEqualTo(3);
    assertThat(cursors.find(second, String.class, "c")).isEmpty();
    assertThat(cursors.find(first, String.class, "c")).isPresent();
    assertThat(cursors.find(third, String.class, "c")).isPresent();
    assertThat(cursors.find(fourth, String.class, "c")).isPresent();
  }

  @Test
  void open_makesDistinctUrlSafeIds() {
    PageCursors cursors = new PageCursors(nanos::get, 100);
    String a = cursors.open("s", 0, "c");
    String b = cursors.open("s", 0, "c");
    assertThat(a).isNotEqualTo(b).matches("[A-Za-z0-9_-]{22}");
    assertThat(PageCursors.BOUND).isEqualTo(10_000);
  }
}
