/**
 * The catalogue's internals: JSON and FHIR reading and writing, PKCE, and the calls to the OAuth
 * endpoints. Not part of the API.
 */
@NullMarked
package io.mes4j.catalogue.internal;

import org.jspecify.annotations.NullMarked;
