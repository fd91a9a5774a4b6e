/** Reference server internals: internal. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal;

import org.jspecify.annotations.NullMarked;
