package io.mes4j.agenda;

import io.mes4j.agenda.internal.FhirAgenda;
import io.mes4j.core.Page;
import io.mes4j.core.internal.ApiExecutor;
import java.util.Objects;

/**
 * Appointments with a professional or an establishment (AG-1): booked by the holder (or a minor's
 * legal representative), by a professional, or by a catalogue service paired with the holder;
 * cancelled, fulfilled or no-show afterwards.
 *
 * <pre>{@code
 * Appointments appointments = Agenda.of(mes).appointments();
 * Appointment booked = appointments.book(AppointmentBooking.builder(ins)
 *     .start(start).end(start.plus(Duration.ofMinutes(30)))
 *     .professional(ProfessionalId.of("810000000017"))
 *     .build());
 * appointments.cancel(booked.id());
 * }</pre>
 *
 * <p>Who sees and changes what: the holder everything; a professional (or an establishment) only
 * the appointments they or their organisation take part in (another's is {@code
 * ResourceNotFoundException}; booking one they are not part of is {@code ForbiddenException}); a
 * service only for the patient it is paired with, reading with the finality {@code AGENDA_READ} and
 * booking or changing with {@code AGENDA_WRITE} ({@code ForbiddenException} otherwise). A space
 * that is not {@code ACTIVE} is {@code SpaceNotActiveException} (ES-4). Every call is traced
 * (AU-1).
 */
public final class Appointments {
  private final ApiExecutor executor;

  Appointments(ApiExecutor executor) {
    this.executor = executor;
  }

  /** Books an appointment; the holder is told unless they booked it themself (AU-3). */
  public Appointment book(AppointmentBooking booking) {
    Objects.requireNonNull(booking, "booking");
    return FhirAgenda.readAppointment(FhirAgenda.create(executor, FhirAgenda.appointment(booking)));
  }

  /** One appointment, by id. */
  public Appointment get(String appointmentId) {
    Objects.requireNonNull(appointmentId, "appointmentId");
    return FhirAgenda.readAppointment(FhirAgenda.get(executor, "Appointment", appointmentId));
  }

  /**
   * The appointments the query asks for and the caller may see, earliest first, a page at a time.
   */
  public Page<Appointment> list(AppointmentQuery query) {
    Objects.requireNonNull(query, "query");
    return FhirAgenda.page(
        executor,
        FhirAgenda.search("Appointment", FhirAgenda.appointmentParams(query)),
        "Appointment",
        FhirAgenda::readAppointment);
  }

  /**
   * Cancels a booked appointment; cancelling it again changes nothing.
   *
   * @throws io.mes4j.core.error.MesServiceException with cause {@code conflict} if it was fulfilled
   *     or no-show
   */
  public Appointment cancel(String appointmentId) {
    return change(appointmentId, AppointmentStatus.CANCELLED);
  }

  /** Records that a booked appointment took place. */
  public Appointment markFulfilled(String appointmentId) {
    return change(appointmentId, AppointmentStatus.FULFILLED);
  }

  /** Records that the patient did not come to a booked appointment. */
  public Appointment markNoShow(String appointmentId) {
    return change(appointmentId, AppointmentStatus.NO_SHOW);
  }

  private Appointment change(String appointmentId, AppointmentStatus status) {
    Objects.requireNonNull(appointmentId, "appointmentId");
    return FhirAgenda.readAppointment(
        FhirAgenda.update(executor, FhirAgenda.statusChange(appointmentId, status)));
  }
}
