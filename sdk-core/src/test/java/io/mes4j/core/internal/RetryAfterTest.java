package io.mes4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void parse_readsSecondsAndHttpDates() {
    // GIVEN the two forms of Retry-After
    // WHEN they are read
    // THEN both give the wait
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 10:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
  }

  @Test
  void parse_clampsPastDatesAndHugeValues_andIgnoresGarbage() {
    // GIVEN odd values
    // WHEN they are read
    // THEN past is zero, huge is an hour, garbage is nothing
    assertThat(RetryAfter.parse("Sat, 28 Nov 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("999999999999999999999", NOW)).contains(Duration.ofHours(1));
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
  }
}
