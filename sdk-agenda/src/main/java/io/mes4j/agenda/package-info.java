/**
 * mes4j's health agenda: the entry point {@link io.mes4j.agenda.Agenda}, and
 *
 * <ul>
 *   <li>appointments (AG-1): {@link io.mes4j.agenda.Appointments}, {@link
 *       io.mes4j.agenda.AppointmentBooking}, {@link io.mes4j.agenda.AppointmentQuery}, {@link
 *       io.mes4j.agenda.Appointment}, {@link io.mes4j.agenda.AppointmentStatus}, {@link
 *       io.mes4j.agenda.BookerKind};
 *   <li>personal reminders (AG-2): {@link io.mes4j.agenda.Reminders}, {@link
 *       io.mes4j.agenda.ReminderRequest}, {@link io.mes4j.agenda.Reminder};
 *   <li>the prevention calendar (AG-3): {@link io.mes4j.agenda.PreventionCalendar}, {@link
 *       io.mes4j.agenda.PreventionItem}, {@link io.mes4j.agenda.PreventionKind}, {@link
 *       io.mes4j.agenda.PreventionStatus}.
 * </ul>
 */
@NullMarked
package io.mes4j.agenda;

import org.jspecify.annotations.NullMarked;
