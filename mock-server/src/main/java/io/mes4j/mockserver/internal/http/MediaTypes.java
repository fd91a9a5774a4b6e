package io.mes4j.mockserver.internal.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Media types and a small Accept negotiation. */
public final class MediaTypes {
  public static final String FHIR_JSON = "application/fhir+json";
  public static final String JSON = "application/json";
  public static final String FHIR_JSON_UTF8 = "application/fhir+json; charset=utf-8";
  public static final String JSON_UTF8 = "application/json; charset=utf-8";

  private MediaTypes() {}

  /** Whether the Accept header allows {@code type} (absent header: anything goes). */
  public static boolean accepts(@Nullable String accept, String type) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String wanted = type.toLowerCase(Locale.ROOT);
    String wantedMajor = wanted.substring(0, wanted.indexOf('/'));
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String media = parts[0].trim().toLowerCase(Locale.ROOT);
      if (quality(parts) <= 0) {
        continue;
      }
      if (media.equals("*/*") || media.equals("*")) {
        return true;
      }
      if (media.equals(wanted) || media.equals(wantedMajor + "/*")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the Accept header names {@code type} itself (not through a wildcard). */
  public static boolean names(@Nullable String accept, String type) {
    if (accept == null) {
      return false;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      if (parts[0].trim().equalsIgnoreCase(type) && quality(parts) > 0) {
        return true;
      }
    }
    return false;
  }

  /** JSON answers are acceptable if the caller accepts FHIR JSON or plain JSON. */
  public static boolean acceptsJson(@Nullable String accept) {
    return accepts(accept, FHIR_JSON) || accepts(accept, JSON);
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("q=")) {
        try {
          return Double.parseDouble(p.substring(2));
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
