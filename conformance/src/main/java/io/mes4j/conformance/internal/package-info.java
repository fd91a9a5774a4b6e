/** The kit's internals: the checks, the run, the identity sources and the report's formats. */
@NullMarked
package io.mes4j.conformance.internal;

import org.jspecify.annotations.NullMarked;
