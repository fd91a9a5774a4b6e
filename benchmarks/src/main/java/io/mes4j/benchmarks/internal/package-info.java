/** The benchmarks' helpers: the plain HTTP probe and the writer of docs/PERFORMANCE.md. */
@NullMarked
package io.mes4j.benchmarks.internal;

import org.jspecify.annotations.NullMarked;
