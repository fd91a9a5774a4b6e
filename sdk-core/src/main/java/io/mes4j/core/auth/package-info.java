/**
 * Authentication: where a client's bearer tokens come from.
 *
 * <ul>
 *   <li>{@link io.mes4j.core.auth.TokenProvider}: the interface a client calls for each request,
 *       with {@link io.mes4j.core.auth.TokenProvider#staticToken(String)} for a fixed token.
 *   <li>{@link io.mes4j.core.auth.ClientCredentialsTokenProvider}: OAuth 2 client credentials with
 *       {@code private_key_jwt}, found through OpenID discovery, with a cache per access mode.
 *   <li>{@link io.mes4j.core.auth.TokenRequest} and {@link io.mes4j.core.auth.AccessToken}: what is
 *       asked and what is given.
 *   <li>{@link io.mes4j.core.auth.DpopKey}: a key that DPoP-binds tokens (RFC 9449), and signs the
 *       proof each request carries.
 * </ul>
 */
@NullMarked
package io.mes4j.core.auth;

import org.jspecify.annotations.NullMarked;
