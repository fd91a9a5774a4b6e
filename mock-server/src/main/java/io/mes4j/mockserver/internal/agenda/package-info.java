/**
 * Reference server internals: the agenda (AG-1 to AG-3). Appointments ({@code Appointment}),
 * personal reminders and the prevention calendar ({@code Task}), their reminder notices on the
 * server clock (AU-3) and their traces (AU-1). Not an API; may change without notice.
 *
 * <ul>
 *   <li>{@link io.mes4j.mockserver.internal.agenda.AgendaEndpoints}: the routes;
 *   <li>{@link io.mes4j.mockserver.internal.agenda.AgendaBook}: the agenda data of one server
 *       state, partitioned by patient;
 *   <li>{@link io.mes4j.mockserver.internal.agenda.PreventionCalendar}: the data file of the
 *       prevention calendar;
 *   <li>{@link io.mes4j.mockserver.internal.agenda.AgendaFhir}: the FHIR shapes emitted.
 * </ul>
 */
@NullMarked
package io.mes4j.mockserver.internal.agenda;

import org.jspecify.annotations.NullMarked;
