/**
 * mes4j's catalogue of services. Empty until its issue: it will export {@code io.mes4j.catalogue}
 * once that package has types.
 */
module io.mes4j.catalogue {
  requires transitive io.mes4j.core;
}
