/**
 * Internal to mes4j: the sibling modules use it, applications must not (no compatibility promise).
 *
 * <ul>
 *   <li>{@link io.mes4j.core.internal.CoreAccess}: a client's {@link
 *       io.mes4j.core.internal.ApiExecutor}, and the construction of pages.
 *   <li>{@link io.mes4j.core.internal.ApiRequest}, {@link io.mes4j.core.internal.ApiResponse},
 *       {@link io.mes4j.core.internal.StreamingResponse}: what goes through the executor.
 *   <li>{@link io.mes4j.core.internal.ResilientExecutor}: authentication, retries, circuit breaker,
 *       deadline, error mapping ({@link io.mes4j.core.internal.ErrorDecoder}).
 *   <li>{@link io.mes4j.core.internal.HttpTransport}: the transport SPI, over Apache HttpClient 5
 *       in {@link io.mes4j.core.internal.ApacheHttpTransport}.
 *   <li>{@link io.mes4j.core.internal.JsonCodec}: the shared Jackson mapper.
 * </ul>
 */
@NullMarked
package io.mes4j.core.internal;

import org.jspecify.annotations.NullMarked;
