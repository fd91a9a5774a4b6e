/**
 * Reference server internals: the medical profile (PRO-1, PRO-2). Not an API; may change without
 * notice.
 */
@NullMarked
package io.mes4j.mockserver.internal.profile;

import org.jspecify.annotations.NullMarked;
