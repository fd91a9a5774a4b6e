/** mes4j's secure messaging with the holder of Mon espace santé (MSG-1 to MSG-5). */
module io.mes4j.messaging {
  requires transitive io.mes4j.core;
  requires com.fasterxml.jackson.databind;

  exports io.mes4j.messaging;
}
