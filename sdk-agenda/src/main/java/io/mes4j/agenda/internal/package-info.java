/** Wire mapping of the agenda module; not part of the API. */
@NullMarked
package io.mes4j.agenda.internal;

import org.jspecify.annotations.NullMarked;
