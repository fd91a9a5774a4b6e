package io.mes4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * Checks what reached the logs through {@link CapturingLogProvider}: that no secret (an INS, a
 * name, a token, a document's bytes) is there, at any level.
 *
 * <pre>{@code
 * LogCanary.clear();
 * // … calls …
 * LogCanary.assertNoneContain("180017511234516", "Dupont", token);
 * }</pre>
 */
public final class LogCanary {
  private LogCanary() {}

  /** Forgets what was captured so far. */
  public static void clear() {
    CapturingLogProvider.clear();
  }

  /** The events captured so far. */
  public static List<CapturingLogProvider.Event> events() {
    return CapturingLogProvider.events();
  }

  /**
   * Fails if any captured event (message, arguments or throwable with its causes) contains any of
   * the secrets.
   */
  public static void assertNoneContain(String... secrets) {
    for (CapturingLogProvider.Event event : events()) {
      String text = event.fullText();
      for (String secret : secrets) {
        assertThat(text)
            .as("a log event of %s at %s leaks a secret", event.logger(), event.level())
            .doesNotContain(secret);
      }
    }
  }

  /** Fails unless some captured event contains {@code text}. */
  public static void assertSomeContain(String text) {
    assertThat(events()).anySatisfy(e -> assertThat(e.fullText()).contains(text));
  }
}
