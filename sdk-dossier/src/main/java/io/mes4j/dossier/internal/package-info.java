/** Wire mapping of the dossier module; not part of the API. */
@NullMarked
package io.mes4j.dossier.internal;

import org.jspecify.annotations.NullMarked;
