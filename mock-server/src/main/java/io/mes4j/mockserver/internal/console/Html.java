package io.mes4j.mockserver.internal.console;

import org.jspecify.annotations.Nullable;

/**
 * A small HTML writer: every text and attribute value goes through {@link #escape}, so that no
 * value from the state (a title, a name, a subject line) can inject markup into the console.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(8192);

  /**
   * {@code &}, {@code <}, {@code >}, {@code "} and {@code '} as entities; control characters
   * dropped.
   */
  static String escape(@Nullable Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** Markup written as is: only for literals of this package, never for a value. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** A value as escaped text. */
  Html text(@Nullable Object value) {
    out.append(escape(value));
    return this;
  }

  /** {@code <tag class="cls">text</tag>}, the text escaped. */
  Html element(String tag, @Nullable String cssClass, @Nullable Object value) {
    out.append('<').append(tag);
    if (cssClass != null) {
      out.append(" class=\"").append(escape(cssClass)).append('"');
    }
    out.append('>').append(escape(value)).append("</").append(tag).append('>');
    return this;
  }

  /** A link; {@code href} and the text are escaped. */
  Html link(String href, @Nullable Object value) {
    out.append("<a href=\"")
        .append(escape(href))
        .append("\">")
        .append(escape(value))
        .append("</a>");
    return this;
  }

  /** One table cell with escaped text ({@code —} for null). */
  Html cell(@Nullable Object value) {
    out.append("<td>").append(value == null ? "—" : escape(value)).append("</td>");
    return this;
  }

  /** A header row of a table. */
  Html headerRow(String... names) {
    out.append("<thead><tr>");
    for (String name : names) {
      out.append("<th>").append(escape(name)).append("</th>");
    }
    out.append("</tr></thead>");
    return this;
  }

  /** A badge: a short code in a span whose class derives from the code. */
  Html badge(String kind, String code) {
    out.append("<span class=\"badge ")
        .append(escape(kind))
        .append(' ')
        .append(escape(kind))
        .append('-')
        .append(escape(cssToken(code)))
        .append("\">")
        .append(escape(code))
        .append("</span>");
    return this;
  }

  private static String cssToken(String code) {
    StringBuilder sb = new StringBuilder(code.length());
    for (int i = 0; i < code.length(); i++) {
      char c = code.charAt(i);
      sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
