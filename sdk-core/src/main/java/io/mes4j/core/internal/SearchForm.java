package io.mes4j.core.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A FHIR search via POST: {@code POST /fhir/<type>/_search} with the parameters in an {@code
 * application/x-www-form-urlencoded} body, so that no search parameter (an INS first of all) is
 * ever in a URL, where HTTP client logs, proxies and access logs would see it.
 *
 * <pre>{@code
 * ApiRequest request = new SearchForm("DocumentReference")
 *     .add("patient.identifier", insSystem + "|" + ins)
 *     .add("_count", "20")
 *     .request();
 * }</pre>
 */
public final class SearchForm {
  /** The content type of the body. */
  public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

  private final String resourceType;
  private final StringBuilder body = new StringBuilder();

  /** A search of {@code resourceType} (such as {@code DocumentReference}). */
  public SearchForm(String resourceType) {
    this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
  }

  /** Adds a parameter (repeatable, order kept). */
  public SearchForm add(String name, String value) {
    if (body.length() > 0) {
      body.append('&');
    }
    body.append(URLEncoder.encode(Objects.requireNonNull(name, "name"), StandardCharsets.UTF_8))
        .append('=')
        .append(URLEncoder.encode(Objects.requireNonNull(value, "value"), StandardCharsets.UTF_8));
    return this;
  }

  /**
   * The request: {@code POST /fhir/<type>/_search} (also its logged path template), retryable since
   * a search changes nothing it would matter to repeat.
   */
  public ApiRequest request() {
    String path = "/fhir/" + resourceType + "/_search";
    return ApiRequest.builder("POST", path)
        .path(path)
        .body(body.toString().getBytes(StandardCharsets.UTF_8), CONTENT_TYPE)
        .retryable(true)
        .build();
  }

  /** The resource type only: the parameters may hold an INS. */
  @Override
  public String toString() {
    return "SearchForm[" + resourceType + "]";
  }
}
