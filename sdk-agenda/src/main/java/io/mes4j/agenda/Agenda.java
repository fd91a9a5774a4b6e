package io.mes4j.agenda;

import io.mes4j.core.MesClient;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.CoreAccess;

/**
 * The health agenda of Mon espace santé: appointments (AG-1), personal reminders (AG-2) and the
 * prevention calendar (AG-3), with the access, state, audit and notice rules the server enforces.
 *
 * <p>Obtained from a shared {@link MesClient}; it holds no state of its own and is as thread-safe
 * and cheap as the client it wraps.
 *
 * <pre>{@code
 * MesClient mes = MesClient.builder()
 *     .baseUrl("https://mes.example")
 *     .credentials(tokenProvider)
 *     .build();
 * Agenda agenda = Agenda.of(mes);
 * Appointment booked = agenda.appointments().book(
 *     AppointmentBooking.builder(ins)
 *         .start(Instant.parse("2026-12-03T09:00:00Z"))
 *         .end(Instant.parse("2026-12-03T09:30:00Z"))
 *         .professional(ProfessionalId.of("810000000017"))
 *         .build());
 * Page<Appointment> december = agenda.appointments().list(
 *     AppointmentQuery.builder(ins)
 *         .from(Instant.parse("2026-12-01T00:00:00Z"))
 *         .to(Instant.parse("2027-01-01T00:00:00Z"))
 *         .build());
 * List<PreventionItem> calendar = agenda.prevention().calendar(ins);
 * }</pre>
 */
public final class Agenda {
  private final Appointments appointments;
  private final Reminders reminders;
  private final PreventionCalendar prevention;

  private Agenda(ApiExecutor executor) {
    this.appointments = new Appointments(executor);
    this.reminders = new Reminders(executor);
    this.prevention = new PreventionCalendar(executor);
  }

  /** The agenda API over this client (and its identity). */
  public static Agenda of(MesClient client) {
    return new Agenda(CoreAccess.executor(client));
  }

  /** Appointments: book, list, cancel, fulfilled, no-show (AG-1). */
  public Appointments appointments() {
    return appointments;
  }

  /** The holder's personal reminders (AG-2). */
  public Reminders reminders() {
    return reminders;
  }

  /** The prevention calendar (AG-3). */
  public PreventionCalendar prevention() {
    return prevention;
  }
}
