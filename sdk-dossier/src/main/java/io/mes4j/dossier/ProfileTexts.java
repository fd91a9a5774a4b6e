package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import org.jspecify.annotations.Nullable;

/** The checks shared by the medical profile's value types: free texts of 1 to 500 characters. */
final class ProfileTexts {
  static final int MAX = 500;

  private ProfileTexts() {}

  /** {@code text} if it is 1 to 500 characters and not blank; never quotes it in the message. */
  static String check(@Nullable String text, String what) {
    if (text == null || text.isBlank()) {
      throw new InvalidValueException(what + " is required");
    }
    if (text.length() > MAX) {
      throw new InvalidValueException(what + " is limited to " + MAX + " characters");
    }
    return text;
  }

  static @Nullable String optional(@Nullable String text, String what) {
    return text == null ? null : check(text, what);
  }
}
