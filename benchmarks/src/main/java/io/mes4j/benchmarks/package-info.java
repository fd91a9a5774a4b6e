/**
 * mes4j's benchmarks: JMH startup benchmarks of the reference server and the SDK, and {@link
 * io.mes4j.benchmarks.ColdStart}, the program that the new-JVM benchmark launches. Run them with
 * {@code benchmarks/run.sh}; nothing here runs during {@code mvn verify}.
 */
@NullMarked
package io.mes4j.benchmarks;

import org.jspecify.annotations.NullMarked;
