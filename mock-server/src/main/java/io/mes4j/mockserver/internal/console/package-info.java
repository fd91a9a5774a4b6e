/**
 * Reference server internals: the read-only web console under {@code /_mock/console}. Not an API;
 * may change without notice.
 */
@NullMarked
package io.mes4j.mockserver.internal.console;

import org.jspecify.annotations.NullMarked;
