/**
 * mes4j's reference server: Mon espace santé's behaviour in memory, its control plane, its JUnit 5
 * extension and its command line.
 */
module io.mes4j.mockserver {
  requires transitive io.mes4j.core;
  requires jdk.httpserver;
  requires java.logging;
  requires com.fasterxml.jackson.databind;
  requires com.nimbusds.jose.jwt;
  requires info.picocli;
  requires org.slf4j;
  requires static org.junit.jupiter.api;
  requires static org.junit.platform.commons;

  exports io.mes4j.mockserver;
  exports io.mes4j.mockserver.junit;

  opens io.mes4j.mockserver.cli to
      info.picocli;
}
