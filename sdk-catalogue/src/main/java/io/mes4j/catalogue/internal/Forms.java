package io.mes4j.catalogue.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code application/x-www-form-urlencoded} bodies and queries. */
public final class Forms {
  private Forms() {}

  /** Encodes the parameters, in order. */
  public static String encode(List<Map.Entry<String, String>> params) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> p : params) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  /** The parameters of a URL's query, decoded, in order (none when it has no query). */
  public static List<Map.Entry<String, String>> query(URI uri) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    String raw = uri.getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.add(
          Map.entry(
              URLDecoder.decode(name, StandardCharsets.UTF_8),
              URLDecoder.decode(value, StandardCharsets.UTF_8)));
    }
    return params;
  }

  /** The first value of a query parameter. */
  public static Optional<String> first(List<Map.Entry<String, String>> params, String name) {
    return params.stream()
        .filter(p -> p.getKey().equals(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
