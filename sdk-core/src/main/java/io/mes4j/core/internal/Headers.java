package io.mes4j.core.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Case-insensitive reading of header maps, whatever map they are. */
final class Headers {
  private Headers() {}

  static List<String> all(Map<String, List<String>> headers, String name) {
    List<String> exact = headers.get(name);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = all(headers, name);
    return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
  }
}
