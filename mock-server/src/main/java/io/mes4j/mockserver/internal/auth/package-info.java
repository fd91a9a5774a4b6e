/** Reference server internals: auth. Not an API; may change without notice. */
@NullMarked
package io.mes4j.mockserver.internal.auth;

import org.jspecify.annotations.NullMarked;
