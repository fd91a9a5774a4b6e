/** Reference server internals: the request journal and the request context. Not an API. */
@NullMarked
package io.mes4j.mockserver.internal.journal;

import org.jspecify.annotations.NullMarked;
