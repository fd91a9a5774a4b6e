/**
 * The exceptions mes4j throws, all unchecked, under {@link io.mes4j.core.error.MesException}.
 *
 * <ul>
 *   <li>{@link io.mes4j.core.error.MesClientException}: the caller's side failed: {@link
 *       io.mes4j.core.error.InvalidValueException} (refused before sending), {@link
 *       io.mes4j.core.error.ConnectionFailedException}, {@link
 *       io.mes4j.core.error.CallTimeoutException}, {@link
 *       io.mes4j.core.error.CircuitOpenException}, {@link
 *       io.mes4j.core.error.ContentIntegrityException}.
 *   <li>{@link io.mes4j.core.error.MesServiceException}: the server refused or failed; it carries
 *       the HTTP status, the request id, the stable {@link io.mes4j.core.error.ErrorCause}, whether
 *       the failure is transient and the number of attempts. One subclass per cause, e.g. {@link
 *       io.mes4j.core.error.NotAuthorisedException} or {@link
 *       io.mes4j.core.error.SpaceNotActiveException}.
 * </ul>
 */
@NullMarked
package io.mes4j.core.error;

import org.jspecify.annotations.NullMarked;
