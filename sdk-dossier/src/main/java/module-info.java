/** mes4j's dossier: documents and activity history of Mon espace santé's DMP. */
module io.mes4j.dossier {
  requires transitive io.mes4j.core;
  requires com.fasterxml.jackson.databind;

  exports io.mes4j.dossier;
}
