package io.mes4j.agenda;

import io.mes4j.agenda.internal.FhirAgenda;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The prevention calendar (AG-3): the vaccinations, compulsory child examinations and organised
 * screenings due by age, computed by the server from the patient's birth date (and sex, for the
 * screenings of women), each with its status; the holder (or a minor's legal representative)
 * records what was done.
 *
 * <pre>{@code
 * PreventionCalendar prevention = Agenda.of(mes).prevention();
 * for (PreventionItem item : prevention.calendar(ins)) {
 *   if (item.kind() == PreventionKind.VACCINATION && item.status() == PreventionStatus.TO_PLAN) {
 *     System.out.println(item.label() + " from " + item.due());
 *   }
 * }
 * prevention.record(item.id(), PreventionStatus.DONE, LocalDate.of(2026, 3, 2));
 * }</pre>
 */
public final class PreventionCalendar {
  private final ApiExecutor executor;

  PreventionCalendar(ApiExecutor executor) {
    this.executor = executor;
  }

  /** The whole calendar of {@code patient}, earliest due first. */
  public List<PreventionItem> calendar(Ins patient) {
    Objects.requireNonNull(patient, "patient");
    return FhirAgenda.all(
        executor,
        FhirAgenda.search(
            "Task",
            List.of(
                new String[] {"patient.identifier", FhirAgenda.patientToken(patient)},
                new String[] {
                  "code",
                  FhirAgenda.AGENDA_TASK
                      + "|vaccination,"
                      + FhirAgenda.AGENDA_TASK
                      + "|child-exam,"
                      + FhirAgenda.AGENDA_TASK
                      + "|screening"
                },
                new String[] {"_count", "100"})),
        "Task",
        FhirAgenda::readPreventionItem);
  }

  /** Records a status without a date. */
  public PreventionItem record(String itemId, PreventionStatus status) {
    return record(itemId, status, null);
  }

  /**
   * Records what was done of an item: its status and, with {@code DONE} or {@code NOT_DONE}, the
   * date (not in the future, not before the birth date: the server checks).
   *
   * @throws InvalidValueException if a date is given with {@code TO_PLAN} or {@code NOT_SPECIFIED}
   */
  public PreventionItem record(String itemId, PreventionStatus status, @Nullable LocalDate date) {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(status, "status");
    if (date != null && status != PreventionStatus.DONE && status != PreventionStatus.NOT_DONE) {
      throw new InvalidValueException("a date goes only with DONE or NOT_DONE");
    }
    return FhirAgenda.readPreventionItem(
        FhirAgenda.update(executor, FhirAgenda.record(itemId, status, date)));
  }
}
