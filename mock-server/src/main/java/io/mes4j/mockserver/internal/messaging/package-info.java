/**
 * Reference server internals: messaging (MSG-1 to MSG-5), FHIR {@code Communication} threads
 * between a professional or an establishment and a holder. Not an API; may change without notice.
 */
@NullMarked
package io.mes4j.mockserver.internal.messaging;

import org.jspecify.annotations.NullMarked;
