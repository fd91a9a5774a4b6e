package io.mes4j.agenda;

import io.mes4j.agenda.internal.FhirAgenda;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiExecutor;
import java.util.List;
import java.util.Objects;

/**
 * The holder's personal reminders (AG-2): a title, a date and a note, kept by the holder (or a
 * minor's legal representative) alone; anyone else is refused ({@code HolderOnlyException} for a
 * professional, {@code ForbiddenException} for a service).
 *
 * <pre>{@code
 * Reminders reminders = Agenda.of(mes).reminders();
 * Reminder r = reminders.add(ReminderRequest.builder(ins).title("Prise de sang").at(when).build());
 * reminders.remove(r.id());
 * }</pre>
 */
public final class Reminders {
  private final ApiExecutor executor;

  Reminders(ApiExecutor executor) {
    this.executor = executor;
  }

  /** Adds a reminder. */
  public Reminder add(ReminderRequest request) {
    Objects.requireNonNull(request, "request");
    return FhirAgenda.readReminder(FhirAgenda.create(executor, FhirAgenda.reminder(request)));
  }

  /** Every reminder still in the agenda, earliest first. */
  public List<Reminder> list(Ins patient) {
    Objects.requireNonNull(patient, "patient");
    return FhirAgenda.all(
        executor,
        FhirAgenda.search(
            "Task",
            List.of(
                new String[] {"patient.identifier", FhirAgenda.patientToken(patient)},
                new String[] {"code", FhirAgenda.AGENDA_TASK + "|reminder"},
                new String[] {"_count", "100"})),
        "Task",
        FhirAgenda::readReminder);
  }

  /** Removes a reminder; removing it again changes nothing. */
  public void remove(String reminderId) {
    Objects.requireNonNull(reminderId, "reminderId");
    FhirAgenda.delete(executor, "Task", reminderId);
  }
}
