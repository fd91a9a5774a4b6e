/** Reference server internals: dossier. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.dossier;

import org.jspecify.annotations.NullMarked;
