/**
 * mes4j's catalogue of services: the listing (CAT-1), the app side of a pairing (an OAuth
 * authorisation code flow with PKCE, optionally DPoP-bound) and the holder's pairings (CAT-2,
 * CAT-3, ES-6).
 */
module io.mes4j.catalogue {
  requires transitive io.mes4j.core;
  requires com.fasterxml.jackson.databind;

  exports io.mes4j.catalogue;
}
