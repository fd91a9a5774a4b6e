package io.mes4j.mockserver.internal.dossier;

import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Request;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of one search, however they came: the query string of a {@code GET}, or the query
 * string and the {@code application/x-www-form-urlencoded} body of a {@code POST [type]/_search}
 * together (FHIR search via POST). A {@code _page} cursor comes alone.
 */
public final class SearchInput {
  static final String FORM = "application/x-www-form-urlencoded";
  static final String PAGE = "_page";

  private final Map<String, List<String>> params;

  private SearchInput(Map<String, List<String>> params) {
    this.params = params;
  }

  /**
   * Reads the parameters of {@code request}: the query string, plus the form body of a {@code
   * POST}; any other body type is a 415.
   */
  static SearchInput of(Request request) {
    Map<String, List<String>> merged = params(request);
    merged.replaceAll((name, values) -> Collections.unmodifiableList(values));
    return new SearchInput(Collections.unmodifiableMap(merged));
  }

  /**
   * The parameters of a FHIR search by GET or by POST {@code _search}: the query string, plus the
   * {@code application/x-www-form-urlencoded} body of a {@code POST} (415 for any other body type,
   * 400 for a body that is not UTF-8 or not correctly percent-encoded), in order, repeats kept.
   */
  public static Map<String, List<String>> params(Request request) {
    Map<String, List<String>> merged = new LinkedHashMap<>();
    add(merged, request.query());
    if ("POST".equals(request.method())) {
      if (!FORM.equals(request.contentType())) {
        throw new HttpError(
            Cause.UNSUPPORTED_MEDIA_TYPE, "Content-Type of a _search must be " + FORM);
      }
      String body;
      try {
        body =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(request.body()))
                .toString();
      } catch (CharacterCodingException e) {
        throw HttpError.badRequest("The form body is not UTF-8");
      }
      Map<String, List<String>> form;
      try {
        form = Request.parseQuery(body.strip());
      } catch (HttpError e) {
        throw HttpError.badRequest("The form body is not correctly percent-encoded");
      }
      add(merged, form);
    }
    return merged;
  }

  private static void add(Map<String, List<String>> into, Map<String, List<String>> from) {
    from.forEach(
        (name, values) -> into.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
  }

  /** Refuses (400) any parameter not in {@code known}. */
  void requireKnown(Set<String> known) {
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw HttpError.badRequest("Unsupported search parameter " + name);
      }
    }
  }

  /** The parameters, in order, repeats kept. */
  Map<String, List<String>> params() {
    return params;
  }

  /** The {@code _page} cursor of a next or self link, or null for a new search. */
  @Nullable String cursor() {
    return cursor(params);
  }

  /**
   * The {@code _page} cursor among {@code params}, or null for a new search; a cursor with other
   * parameters, repeated or empty is a 400.
   */
  static @Nullable String cursor(Map<String, List<String>> params) {
    List<String> values = params.get(PAGE);
    if (values == null) {
      return null;
    }
    if (params.size() > 1) {
      throw HttpError.badRequest(PAGE + " takes no other parameter: follow the link as given");
    }
    if (values.size() > 1) {
      throw HttpError.badRequest("Parameter " + PAGE + " may be given only once");
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      throw HttpError.badRequest(PAGE + " must not be empty");
    }
    return values.get(0);
  }

  List<String> all(String name) {
    return params.getOrDefault(name, List.of());
  }

  /** The single value of a parameter, or null; repeated is a 400. */
  @Nullable String one(String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw HttpError.badRequest("Parameter " + name + " may be given only once");
    }
    return values.get(0);
  }
}
