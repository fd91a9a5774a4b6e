/** Reference server internals: control. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.control;

import org.jspecify.annotations.NullMarked;
