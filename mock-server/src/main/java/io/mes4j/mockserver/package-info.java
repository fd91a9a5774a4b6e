/**
 * The mes4j reference server: an in-memory Mon espace santé for tests.
 *
 * <ul>
 *   <li>{@link io.mes4j.mockserver.MockServer}: start, base URL, stop; {@link
 *       io.mes4j.mockserver.MockServer.Builder} for port, clock, fixtures, threads, limits, seed
 *       and habilitation matrix.
 *   <li>{@link io.mes4j.mockserver.MockControl}: the Java mirror of the {@code /_mock} control
 *       plane (reset, tokens, clock, OAuth clients, outbox).
 *   <li>{@link io.mes4j.mockserver.Fixtures}: the identities of the default state; {@link
 *       io.mes4j.mockserver.FixtureSet} to choose it.
 *   <li>{@link io.mes4j.mockserver.Notification}: a notice of the outbox (AU-3).
 * </ul>
 */
@NullMarked
package io.mes4j.mockserver;

import org.jspecify.annotations.NullMarked;
