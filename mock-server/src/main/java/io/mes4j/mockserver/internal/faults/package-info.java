/** Reference server internals: injected faults. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.faults;

import org.jspecify.annotations.NullMarked;
