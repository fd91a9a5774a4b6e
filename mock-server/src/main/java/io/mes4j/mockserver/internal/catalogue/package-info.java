/**
 * The catalogue of services (CAT-1): the referenced services with their status and finalities, its
 * JSON listing, and the pairing of a service with a holder's space through OAuth (CAT-2, CAT-3).
 */
@NullMarked
package io.mes4j.mockserver.internal.catalogue;

import org.jspecify.annotations.NullMarked;
