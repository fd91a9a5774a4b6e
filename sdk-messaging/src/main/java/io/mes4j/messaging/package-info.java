/** mes4j messaging. */
@NullMarked
package io.mes4j.messaging;

import org.jspecify.annotations.NullMarked;
