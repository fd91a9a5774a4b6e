/** Reference server internals: http. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.http;

import org.jspecify.annotations.NullMarked;
