/**
 * The conformance kit: run the contract checks of the domain rules against a server and read the
 * parity report.
 *
 * <ul>
 *   <li>{@link io.mes4j.conformance.ConformanceKit}: the entry point ({@code against(url)}, {@code
 *       run()});
 *   <li>{@link io.mes4j.conformance.IdentitySource} and {@link io.mes4j.conformance.Role}: the test
 *       identities and where their tokens come from (the reference server's control plane, or
 *       client credentials for a real endpoint);
 *   <li>{@link io.mes4j.conformance.ParityReport}, {@link io.mes4j.conformance.CheckResult} and
 *       {@link io.mes4j.conformance.CheckStatus}: what each check expected and observed, as
 *       Markdown and JSON.
 * </ul>
 */
@NullMarked
package io.mes4j.conformance;

import org.jspecify.annotations.NullMarked;
