/** Reference server internals: clock. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.clock;

import org.jspecify.annotations.NullMarked;
