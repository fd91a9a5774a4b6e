/** Reference server internals: store. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.store;

import org.jspecify.annotations.NullMarked;
