/**
 * mes4j's secure messaging. Empty until its issue: it will export {@code io.mes4j.messaging} once
 * that package has types.
 */
module io.mes4j.messaging {
  requires transitive io.mes4j.core;
}
