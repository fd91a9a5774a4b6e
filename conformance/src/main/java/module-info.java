/**
 * mes4j's conformance kit: the contract checks of Mon espace santé's rules, run against any base
 * URL that speaks the wire contract, with a parity report.
 */
module io.mes4j.conformance {
  requires transitive io.mes4j.core;
  requires io.mes4j.dossier;
  requires io.mes4j.messaging;
  requires io.mes4j.agenda;
  requires java.net.http;
  requires com.fasterxml.jackson.databind;
  requires info.picocli;

  exports io.mes4j.conformance;

  opens io.mes4j.conformance.cli to
      info.picocli;
}
