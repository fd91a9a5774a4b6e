package io.mes4j.mockserver.internal.http;

import io.mes4j.mockserver.internal.Cause;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Method + path template ({@code /fhir/DocumentReference/{id}}) to handler. A path no template
 * matches goes to the first fallback whose prefix it has (or 404); a path matched with another
 * method is a 405 with {@code Allow} — under {@code /fhir}, for a FHIR interaction's method, a 501
 * {@code not-implemented} with {@code Allow} (honest parity).
 */
public final class Router {
  private record Route(String method, String template, String[] segments, Handler handler) {}

  private record Fallback(String prefix, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final List<Fallback> fallbacks = new ArrayList<>();

  public Router add(String method, String template, Handler handler) {
    routes.add(new Route(method, template, split(template), handler));
    return this;
  }

  public Router fallback(String prefix, Handler handler) {
    fallbacks.add(new Fallback(prefix, handler));
    return this;
  }

  Response dispatch(Request request) {
    String[] path = split(request.path());
    TreeSet<String> allowed = new TreeSet<>();
    for (Route route : routes) {
      Map<String, String> params = match(route.segments, path);
      if (params == null) {
        continue;
      }
      if (route.method.equals(request.method())) {
        request.route(route.template, params);
        return route.handler.handle(request);
      }
      allowed.add(route.method);
    }
    if (!allowed.isEmpty() && isFhirInteraction(request)) {
      // Honest parity: a FHIR interaction the server has not implemented on this
      // resource says so, with what it does implement.
      throw new HttpError(
              Cause.NOT_IMPLEMENTED,
              "Method "
                  + request.method()
                  + " is not implemented here by the mes4j reference server (see /fhir/metadata)")
          .header("Allow", String.join(", ", allowed));
    }
    if (!allowed.isEmpty()) {
      throw new HttpError(
              Cause.METHOD_NOT_ALLOWED,
              "Method " + sanitize(request.method()) + " is not allowed here")
          .header("Allow", String.join(", ", allowed));
    }
    for (Fallback fallback : fallbacks) {
      if (request.path().equals(fallback.prefix)
          || request.path().startsWith(fallback.prefix + "/")) {
        request.route(fallback.prefix + "/**", Map.of());
        return fallback.handler.handle(request);
      }
    }
    throw HttpError.notFound("No such endpoint");
  }

  private static boolean isFhirInteraction(Request request) {
    String path = request.path();
    return (path.equals("/fhir") || path.startsWith("/fhir/"))
        && switch (request.method()) {
          case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE" -> true;
          default -> false;
        };
  }

  private static @Nullable Map<String, String> match(String[] template, String[] path) {
    if (template.length != path.length) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("{") && t.endsWith("}")) {
        // A FHIR id never starts with _ or $: such a segment is an interaction or operation
        // (_history, _search, $everything), never a parameter (honest parity).
        if (path[i].isEmpty() || path[i].startsWith("_") || path[i].startsWith("$")) {
          return null;
        }
        if (params == null) {
          params = new LinkedHashMap<>();
        }
        params.put(t.substring(1, t.length() - 1), path[i]);
      } else if (!t.equals(path[i])) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  static String sanitize(String token) {
    return token.length() > 20 || !token.chars().allMatch(c -> c >= 'A' && c <= 'Z')
        ? "(unknown)"
        : token;
  }
}
