/**
 * mes4j's health agenda. Empty until its issue: it will export {@code io.mes4j.agenda} once that
 * package has types.
 */
module io.mes4j.agenda {
  requires transitive io.mes4j.core;
}
