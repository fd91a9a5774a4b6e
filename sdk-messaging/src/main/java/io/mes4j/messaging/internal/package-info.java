/** Internals of mes4j messaging: the FHIR {@code Communication} mapping. Not an API. */
@NullMarked
package io.mes4j.messaging.internal;

import org.jspecify.annotations.NullMarked;
