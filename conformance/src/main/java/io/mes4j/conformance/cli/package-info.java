/** The kit's command line ({@code java -jar mes4j-conformance.jar --base-url URL}). */
@NullMarked
package io.mes4j.conformance.cli;

import org.jspecify.annotations.NullMarked;
