/** Reference server internals: policy. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.policy;

import org.jspecify.annotations.NullMarked;
