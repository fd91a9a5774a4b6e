package io.mes4j.conformance.internal;

import io.mes4j.agenda.AppointmentBooking;
import io.mes4j.conformance.Role;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.identity.Ins;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.SpaceStatus;
import io.mes4j.messaging.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** ES-1, ES-3, ES-4: the space's state as professionals read it, and what each state refuses. */
final class SpaceChecks {
  private static final List<SpaceState> NOT_ACTIVE =
      List.of(SpaceState.PENDING, SpaceState.OPPOSED, SpaceState.CLOSED, SpaceState.DELETED);

  /** Appointments the kit books start here: far enough ahead of any server clock. */
  static final Instant APPOINTMENT = Instant.parse("2036-03-02T09:00:00Z");

  private SpaceChecks() {}

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    for (SpaceState state : SpaceState.values()) {
      checks.add(
          Check.define(
                  "ES-1.status." + lower(state),
                  "ES-1",
                  "A professional reads the " + state + " test space's status as " + state)
              .as(Role.DOCTOR)
              .on(state)
              .run(
                  p -> {
                    SpaceStatus status =
                        p.step(
                            "DOCTOR reads the status",
                            () ->
                                p.dossier(Role.DOCTOR)
                                    .space()
                                    .status(p.patient(state))
                                    .orElse(null));
                    p.expect("a status", "no space for this INS", status != null);
                    p.equal("state", state, status.state());
                  }));
    }
    for (SpaceState state : NOT_ACTIVE) {
      String cause = state.causeCode();
      String s = lower(state);
      checks.add(
          Check.define(
                  "ES-4.deposit." + s,
                  "ES-4",
                  "A deposit into a " + state + " space is refused 409 " + cause)
              .as(Role.DOCTOR)
              .on(state)
              .run(
                  p -> {
                    Ins ins = p.patient(state);
                    p.refused(
                        "DOCTOR deposits",
                        409,
                        cause,
                        () ->
                            p.dossier(Role.DOCTOR)
                                .documents()
                                .deposit(p.document("ES-4 " + s).patient(ins).build()));
                  }));
      checks.add(
          Check.define(
                  "ES-4.search." + s,
                  "ES-4",
                  "A document search on a " + state + " space is refused 409 " + cause)
              .as(Role.DOCTOR)
              .on(state)
              .run(
                  p ->
                      p.refused(
                          "DOCTOR searches",
                          409,
                          cause,
                          () ->
                              p.dossier(Role.DOCTOR)
                                  .documents()
                                  .search(DocumentSearch.forPatient(p.patient(state)).build()))));
      checks.add(
          Check.define(
                  "ES-4.message." + s,
                  "ES-4",
                  "Starting a conversation with the holder of a "
                      + state
                      + " space is refused 409 "
                      + cause)
              .as(Role.DOCTOR)
              .on(state)
              .run(
                  p ->
                      p.refused(
                          "DOCTOR starts a conversation",
                          409,
                          cause,
                          () ->
                              p.messaging(Role.DOCTOR)
                                  .startConversation(
                                      p.patient(state),
                                      "Conformance ES-4",
                                      Message.text("Bonjour")))));
      checks.add(
          Check.define(
                  "ES-4.appointment." + s,
                  "ES-4",
                  "Booking an appointment in a " + state + " space is refused 409 " + cause)
              .as(Role.DOCTOR)
              .on(state)
              .run(
                  p ->
                      p.refused(
                          "DOCTOR books an appointment",
                          409,
                          cause,
                          () ->
                              p.agenda(Role.DOCTOR)
                                  .appointments()
                                  .book(
                                      AppointmentBooking.builder(p.patient(state))
                                          .start(APPOINTMENT)
                                          .end(APPOINTMENT.plus(Duration.ofMinutes(30)))
                                          .professional(p.pro(Role.DOCTOR))
                                          .build()))));
    }
    checks.add(
        Check.define(
                "ES-3.oppose-when-active",
                "ES-3",
                "Opposing an ACTIVE space is refused 409 transition-not-allowed (the holder closes"
                    + " instead)")
            .as(Role.HOLDER)
            .run(
                p ->
                    p.refused(
                        "HOLDER opposes",
                        409,
                        ErrorCause.TRANSITION_NOT_ALLOWED,
                        () -> p.dossier(Role.HOLDER).space().oppose(p.holder()))));
    checks.add(
        Check.define(
                "ES-1.lifecycle-holder-only",
                "ES-1",
                "A professional calling a lifecycle operation is refused 403 holder-only")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.refused(
                        "DOCTOR closes the holder's space",
                        403,
                        ErrorCause.HOLDER_ONLY,
                        () -> p.dossier(Role.DOCTOR).space().close(p.holder(), false))));
    return checks;
  }

  static String lower(SpaceState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
