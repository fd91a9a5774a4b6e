/**
 * mes4j core: the client every capability module is built on.
 *
 * <ul>
 *   <li>{@link io.mes4j.core.MesClient}: the root client (base URL, credentials, timeouts,
 *       resilience), shared by the whole application, and its variants.
 *   <li>{@link io.mes4j.core.AccessMode}: normal, bris de glace (with its reason) or centre 15.
 *   <li>{@link io.mes4j.core.RetryPolicy} and {@link io.mes4j.core.CircuitBreakerPolicy}: how
 *       failures are retried, and when a failing server is left alone.
 *   <li>{@link io.mes4j.core.Page}: one page of a search, and a lazy walk over the following ones.
 * </ul>
 *
 * <p>Related packages: {@link io.mes4j.core.auth} (tokens), {@link io.mes4j.core.error} (the
 * exceptions), {@code io.mes4j.core.identity} (INS, professional ids, FINESS) and {@code
 * io.mes4j.core.code} (the code tables).
 */
@NullMarked
package io.mes4j.core;

import org.jspecify.annotations.NullMarked;
