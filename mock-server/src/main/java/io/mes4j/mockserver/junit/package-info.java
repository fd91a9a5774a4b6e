/**
 * JUnit 5 support: {@link io.mes4j.mockserver.junit.MesMockServer} on a test class starts the
 * reference server, resets it before each test and injects SDK clients acting as fixture identities
 * ({@link io.mes4j.mockserver.junit.Identity}).
 */
@NullMarked
package io.mes4j.mockserver.junit;

import org.jspecify.annotations.NullMarked;
