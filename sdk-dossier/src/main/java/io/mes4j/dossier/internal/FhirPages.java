package io.mes4j.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.Page;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.JsonCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Reads FHIR JSON and {@code searchset} Bundles into pages that fetch their successors lazily. */
public final class FhirPages {
  private FhirPages() {}

  /** Parses a JSON body. */
  public static JsonNode read(byte[] body) {
    try {
      return JsonCodec.mapper().readTree(body);
    } catch (IOException e) {
      throw new MesClientException("the server sent JSON mes4j cannot read", e);
    }
  }

  /** Serialises a JSON tree. */
  public static byte[] write(JsonNode node) {
    try {
      return JsonCodec.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new MesClientException("serialising a request failed", e);
    }
  }

  /**
   * Executes a search and wraps its Bundle into a lazily paged view. The {@code next} links are
   * followed with {@code GET} as given (opaque cursors, no search parameter in them), logged under
   * {@code nextTemplate} ({@code /fhir/DocumentReference}).
   */
  public static <T> Page<T> page(
      ApiExecutor executor, ApiRequest first, String nextTemplate, Function<JsonNode, T> reader) {
    ApiResponse response = executor.execute(first);
    return toPage(executor, read(response.body()), reader, nextTemplate);
  }

  private static <T> Page<T> toPage(
      ApiExecutor executor, JsonNode bundle, Function<JsonNode, T> reader, String pathTemplate) {
    List<T> items = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      items.add(reader.apply(entry.path("resource")));
    }
    OptionalInt total =
        bundle.has("total") ? OptionalInt.of(bundle.path("total").asInt()) : OptionalInt.empty();
    String next = nextLink(bundle);
    return CoreAccess.page(
        items,
        total,
        next,
        url ->
            toPage(
                executor,
                read(
                    executor
                        .execute(ApiRequest.builder("GET", pathTemplate).url(url).build())
                        .body()),
                reader,
                pathTemplate));
  }

  private static @Nullable String nextLink(JsonNode bundle) {
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asText())) {
        return link.path("url").asText();
      }
    }
    return null;
  }
}
