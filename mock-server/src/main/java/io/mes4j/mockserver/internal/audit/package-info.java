/** Reference server internals: audit. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.audit;

import org.jspecify.annotations.NullMarked;
