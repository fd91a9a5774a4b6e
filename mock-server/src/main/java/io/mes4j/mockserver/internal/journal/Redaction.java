package io.mes4j.mockserver.internal.journal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Takes what must never be kept out of a path or query string: INS-like digit runs (13 digits or
 * more), token-like values (JWTs, long opaque strings) and the values of credential parameters.
 */
public final class Redaction {
  /** What replaces a redacted value. */
  public static final String REDACTED = "<redacted>";

  private static final Pattern LONG_DIGITS = Pattern.compile("\\d{13,}");
  // Whole runs only (the look-behind) and possessive quantifiers: linear on any input, where the
  // plain pattern backtracked quadratically on a long run without dots.
  private static final Pattern JWT_LIKE =
      Pattern.compile(
          "(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]*+");
  private static final Set<String> CREDENTIALS =
      Set.of(
          "access_token",
          "token",
          "code",
          "client_assertion",
          "assertion",
          "refresh_token",
          "id_token",
          "client_secret",
          "password");
  private static final int MAX_LENGTH = 2_000;

  private Redaction() {}

  /** A raw path with INS-like and token-like parts redacted. */
  public static String path(String rawPath) {
    return clip(value(bound(rawPath)));
  }

  /** A raw query string with credentials, INS-like and token-like values redacted. */
  public static String query(@org.jspecify.annotations.Nullable String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (String pair : bound(rawQuery).split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('&');
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      sb.append(value(name));
      if (eq >= 0) {
        sb.append('=');
        String value = pair.substring(eq + 1);
        sb.append(CREDENTIALS.contains(name.toLowerCase(Locale.ROOT)) ? REDACTED : value(value));
      }
    }
    return clip(sb.toString());
  }

  private static String value(String s) {
    String out = LONG_DIGITS.matcher(s).replaceAll(REDACTED);
    return JWT_LIKE.matcher(out).replaceAll(REDACTED);
  }

  /**
   * The raw input cut well past what is kept, so that the patterns never run over megabytes; the
   * cut drops a trailing run of digits or token characters, so no half INS or token survives it.
   */
  private static String bound(String s) {
    if (s.length() <= 2 * MAX_LENGTH) {
      return s;
    }
    int end = 2 * MAX_LENGTH;
    while (end > 0 && isTokenChar(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean isTokenChar(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-'
        || c == '.';
  }

  private static String clip(String s) {
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "…";
  }
}
