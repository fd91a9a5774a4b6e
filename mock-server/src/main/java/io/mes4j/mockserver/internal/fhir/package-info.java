/** Reference server internals: fhir. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.fhir;

import org.jspecify.annotations.NullMarked;
