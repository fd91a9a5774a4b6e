package io.mes4j.mockserver.internal.journal;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A path pattern of the control plane: a glob ({@code *} any characters but {@code /}, {@code **}
 * anything, {@code ?} one character) or, prefixed {@code regex:}, a Java regular expression matched
 * against the whole path.
 */
public final class PathPattern {
  /** The prefix of a regular expression. */
  public static final String REGEX_PREFIX = "regex:";

  private static final int MAX_LENGTH = 500;

  private final String source;
  private final Pattern pattern;

  private PathPattern(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /**
   * Compiles a pattern.
   *
   * @throws IllegalArgumentException if it is empty, too long or not a valid regular expression
   */
  public static PathPattern compile(String source) {
    if (source.isEmpty() || source.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "a path pattern must have 1 to " + MAX_LENGTH + " characters");
    }
    if (source.startsWith(REGEX_PREFIX)) {
      try {
        return new PathPattern(source, Pattern.compile(source.substring(REGEX_PREFIX.length())));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "the path pattern is not a valid regular expression: " + e.getDescription());
      }
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '*') {
        if (i + 1 < source.length() && source.charAt(i + 1) == '*') {
          regex.append(".*");
          i++;
        } else {
          regex.append("[^/]*");
        }
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return new PathPattern(source, Pattern.compile(regex.toString()));
  }

  /** Whether {@code path} matches the whole pattern. */
  public boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  /** The pattern as given. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
