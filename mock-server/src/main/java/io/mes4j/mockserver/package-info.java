/**
 * The mes4j reference server: an in-memory Mon espace santé for tests, in-process or standalone.
 *
 * <ul>
 *   <li>The server: {@link io.mes4j.mockserver.MockServer} (start, base URL, token providers,
 *       stop), configured by {@link io.mes4j.mockserver.MockServer.Builder} (port, clock, fixtures,
 *       threads, limits, seed, habilitation matrix).
 *   <li>Its state: {@link io.mes4j.mockserver.FixtureSet} to choose it, {@link
 *       io.mes4j.mockserver.Fixtures} for the identities of the default one, {@link
 *       io.mes4j.mockserver.InvalidFixturesException} for a fixtures file that cannot be loaded.
 *   <li>Its control: {@link io.mes4j.mockserver.MockControl}, the Java mirror of the {@code /_mock}
 *       control plane (reset, tokens, clock, OAuth clients, outbox, faults, journal).
 *   <li>What it did: {@link io.mes4j.mockserver.Notification} (a notice of the outbox, AU-3),
 *       {@link io.mes4j.mockserver.JournalEntry} and {@link io.mes4j.mockserver.JournalQuery} (the
 *       request journal), {@link io.mes4j.mockserver.ResponseListener} and {@link
 *       io.mes4j.mockserver.ObservedResponse} (every answer, as sent).
 *   <li>Faults to inject: {@link io.mes4j.mockserver.Fault}.
 * </ul>
 *
 * <p>JUnit 5 support is in {@link io.mes4j.mockserver.junit}.
 */
@NullMarked
package io.mes4j.mockserver;

import org.jspecify.annotations.NullMarked;
