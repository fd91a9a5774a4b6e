package io.mes4j.core.internal;

import io.mes4j.core.Page;

/**
 * Fetches the page a {@code next} link points to; the modules' searches implement it.
 *
 * @param <T> the type of the items
 */
@FunctionalInterface
public interface PageFetcher<T> {

  /**
   * Fetches and decodes the page at {@code nextLink}, an absolute URL as the server gave it.
   *
   * @param nextLink the link to follow
   * @return the page found there
   */
  Page<T> fetch(String nextLink);
}
