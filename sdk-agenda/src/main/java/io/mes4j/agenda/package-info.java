/** mes4j agenda. */
@NullMarked
package io.mes4j.agenda;

import org.jspecify.annotations.NullMarked;
