/**
 * mes4j's core: the root client, transport, authentication, errors, resilience, paging, identities
 * and code tables. The {@code internal} package is shared with mes4j's own modules only.
 */
module io.mes4j.core {
  requires transitive org.jspecify;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  requires com.fasterxml.jackson.databind;
  requires com.nimbusds.jose.jwt;
  requires io.github.resilience4j.core;
  requires io.github.resilience4j.retry;
  requires io.github.resilience4j.circuitbreaker;
  requires org.slf4j;

  exports io.mes4j.core;
  exports io.mes4j.core.auth;
  exports io.mes4j.core.code;
  exports io.mes4j.core.error;
  exports io.mes4j.core.identity;
  exports io.mes4j.core.internal to
      io.mes4j.dossier,
      io.mes4j.messaging,
      io.mes4j.agenda,
      io.mes4j.catalogue;
}
