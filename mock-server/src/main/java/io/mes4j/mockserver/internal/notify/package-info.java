/** Reference server internals: notify. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.notify;

import org.jspecify.annotations.NullMarked;
