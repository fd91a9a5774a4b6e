/** mes4j's health agenda: appointments, personal reminders and the prevention calendar. */
module io.mes4j.agenda {
  requires transitive io.mes4j.core;
  requires com.fasterxml.jackson.databind;

  exports io.mes4j.agenda;
}
