/** mes4j examples. */
@NullMarked
package io.mes4j.examples;

import org.jspecify.annotations.NullMarked;
