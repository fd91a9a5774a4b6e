/**
 * The command line of the standalone reference server ({@code java -jar mes4j-mock-server.jar}).
 */
@NullMarked
package io.mes4j.mockserver.cli;

import org.jspecify.annotations.NullMarked;
