/**
 * The catalogue of services (CAT-1) and their pairing with a patient's space (CAT-2, CAT-3, ES-6).
 *
 * <ul>
 *   <li>The listing: {@link io.mes4j.catalogue.Catalogue} (the entry point, {@code
 *       Catalogue.of(mesClient)}), {@link io.mes4j.catalogue.CatalogueService}, {@link
 *       io.mes4j.catalogue.ServiceStatus}, {@link io.mes4j.catalogue.Finality}.
 *   <li>The holder's side: {@link io.mes4j.catalogue.Pairings}, with each {@link
 *       io.mes4j.catalogue.Pairing}.
 *   <li>The service's side: {@link io.mes4j.catalogue.PairingFlow}, an authorisation code flow with
 *       PKCE, DPoP-bound if asked: {@link io.mes4j.catalogue.AuthorizationRequest}, {@link
 *       io.mes4j.catalogue.PendingAuthorization}, {@link io.mes4j.catalogue.PairingCompletion},
 *       {@link io.mes4j.catalogue.StateMismatchException}; its tokens are kept in a {@link
 *       io.mes4j.catalogue.TokenStore} ({@link io.mes4j.catalogue.InMemoryTokenStore}, or the
 *       application's own), as {@link io.mes4j.catalogue.StoredTokens}.
 * </ul>
 */
@NullMarked
package io.mes4j.catalogue;

import org.jspecify.annotations.NullMarked;
