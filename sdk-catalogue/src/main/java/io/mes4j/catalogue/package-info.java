/** mes4j catalogue. */
@NullMarked
package io.mes4j.catalogue;

import org.jspecify.annotations.NullMarked;
