package io.mes4j.conformance.internal;

import io.mes4j.agenda.Appointment;
import io.mes4j.agenda.AppointmentBooking;
import io.mes4j.agenda.AppointmentQuery;
import io.mes4j.agenda.AppointmentStatus;
import io.mes4j.conformance.Role;
import io.mes4j.core.error.ErrorCause;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** AG-1: appointments, who books them, who sees them, their statuses. */
final class AgendaChecks {
  private AgendaChecks() {}

  static AppointmentBooking.Builder booking(Probe p, int slot) {
    Instant start = SpaceChecks.APPOINTMENT.plus(Duration.ofHours(slot));
    return AppointmentBooking.builder(p.holder())
        .start(start)
        .end(start.plus(Duration.ofMinutes(30)))
        .description("mes4j conformance");
  }

  static Appointment book(Probe p, Role by, AppointmentBooking booking) {
    Appointment a =
        p.step(by + " books an appointment", () -> p.agenda(by).appointments().book(booking));
    p.cleanup(() -> p.agenda(by).appointments().cancel(a.id()));
    return a;
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "AG-1.professional-books",
                "AG-1",
                "A professional books an appointment they take part in; the holder sees it, booked")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  Appointment a =
                      book(p, Role.DOCTOR, booking(p, 1).professional(p.pro(Role.DOCTOR)).build());
                  p.equal("status", AppointmentStatus.BOOKED, a.status());
                  boolean listed =
                      p.step(
                          "HOLDER lists the appointments",
                          () ->
                              p.agenda(Role.HOLDER)
                                  .appointments()
                                  .list(
                                      AppointmentQuery.builder(p.holder())
                                          .from(SpaceChecks.APPOINTMENT)
                                          .to(SpaceChecks.APPOINTMENT.plus(Duration.ofDays(1)))
                                          .pageSize(100)
                                          .build())
                                  .streamAll()
                                  .anyMatch(x -> x.id().equals(a.id())));
                  p.equal("in the holder's agenda", true, listed);
                }));
    checks.add(
        Check.define(
                "AG-1.professional-not-taking-part",
                "AG-1",
                "A professional booking an appointment they do not take part in is refused 403"
                    + " forbidden")
            .as(Role.DOCTOR, Role.OTHER_DOCTOR)
            .run(
                p ->
                    p.refused(
                        "DOCTOR books for OTHER_DOCTOR",
                        403,
                        ErrorCause.FORBIDDEN,
                        () ->
                            p.agenda(Role.DOCTOR)
                                .appointments()
                                .book(
                                    booking(p, 2)
                                        .professional(p.pro(Role.OTHER_DOCTOR))
                                        .build()))));
    checks.add(
        Check.define(
                "AG-1.final-status",
                "AG-1",
                "A cancelled appointment's status never changes again (409)")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  Appointment a =
                      book(p, Role.HOLDER, booking(p, 3).professional(p.pro(Role.DOCTOR)).build());
                  Appointment cancelled =
                      p.step(
                          "HOLDER cancels it",
                          () -> p.agenda(Role.HOLDER).appointments().cancel(a.id()));
                  p.equal("status", AppointmentStatus.CANCELLED, cancelled.status());
                  p.refused(
                      "HOLDER marks it fulfilled",
                      409,
                      "conflict",
                      () -> p.agenda(Role.HOLDER).appointments().markFulfilled(a.id()));
                }));
    checks.add(
        Check.define(
                "AG-1.other-patient-forbidden",
                "AG-1",
                "Another patient booking in the holder's agenda is refused 403 forbidden")
            .as(Role.OTHER_PATIENT, Role.DOCTOR)
            .run(
                p ->
                    p.refused(
                        "OTHER_PATIENT books",
                        403,
                        ErrorCause.FORBIDDEN,
                        () ->
                            p.agenda(Role.OTHER_PATIENT)
                                .appointments()
                                .book(booking(p, 4).professional(p.pro(Role.DOCTOR)).build()))));
    return checks;
  }
}
