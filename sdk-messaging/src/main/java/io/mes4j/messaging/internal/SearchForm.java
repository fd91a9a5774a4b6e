package io.mes4j.messaging.internal;

import io.mes4j.core.internal.ApiRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A FHIR search via POST: {@code POST /fhir/Communication/_search} with the parameters in an {@code
 * application/x-www-form-urlencoded} body, so that no search parameter (an INS first of all) is
 * ever in a URL.
 */
public final class SearchForm {
  /** The content type of the body. */
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  /** The path of the search, also its logged template. */
  public static final String PATH = "/fhir/Communication/_search";

  private final StringBuilder body = new StringBuilder();

  /** Adds a parameter (order kept). */
  public SearchForm add(String name, String value) {
    if (body.length() > 0) {
      body.append('&');
    }
    body.append(URLEncoder.encode(Objects.requireNonNull(name, "name"), StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(Objects.requireNonNull(value, "value"), StandardCharsets.UTF_8));
    return this;
  }

  /** The request, retryable since a search changes nothing it would matter to repeat. */
  public ApiRequest request() {
    return ApiRequest.builder("POST", PATH)
        .path(PATH)
        .body(body.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE)
        .retryable(true)
        .build();
  }

  /** Never the parameters: they may hold an INS. */
  @Override
  public String toString() {
    return "SearchForm[Communication]";
  }
}
