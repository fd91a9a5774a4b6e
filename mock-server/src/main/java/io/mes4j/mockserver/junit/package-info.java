/**
 * JUnit 5 support for the reference server.
 *
 * <ul>
 *   <li>{@link io.mes4j.mockserver.junit.MesMockServer}: on a test class, starts the reference
 *       server, resets it before each test and resolves parameters.
 *   <li>{@link io.mes4j.mockserver.junit.Identity}: on a {@code MesClient} parameter, the fixture
 *       identity the client acts as.
 *   <li>{@link io.mes4j.mockserver.junit.MockServerExtension}: the extension behind them.
 * </ul>
 */
@NullMarked
package io.mes4j.mockserver.junit;

import org.jspecify.annotations.NullMarked;
