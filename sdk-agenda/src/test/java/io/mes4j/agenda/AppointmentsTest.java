package io.mes4j.agenda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.NotificationPreference;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Appointments end to end through the SDK against the reference server (AG-1): who books, who sees
 * what, the statuses, paired services and their finalities, ES-4, bad input, notices (AU-3) and
 * traces (AU-1).
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class AppointmentsTest {
  private static final Instant DEC_3 = Instant.parse("2026-12-03T09:00:00Z");
  private static final Instant DEC_10 = Instant.parse("2026-12-10T14:00:00Z");
  private static final Instant JAN_5 = Instant.parse("2027-01-05T10:00:00Z");
  private static final String INS_SYSTEM = "urn:oid:1.2.250.1.213.1.4.10";
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static AppointmentBooking withDoctor(Ins patient, Instant start, ProfessionalId doctor) {
    return AppointmentBooking.builder(patient)
        .start(start)
        .end(start.plus(Duration.ofMinutes(30)))
        .professional(doctor)
        .description("Consultation de suivi")
        .build();
  }

  private static MesClient service(MockServer server, Ins pairedWith, Set<String> finalities) {
    TokenProvider tokens =
        request ->
            AccessToken.of(
                server.control().serviceToken(Fixtures.AGENDA_APP, pairedWith, finalities));
    return MesClient.builder().baseUrl(server.baseUrl()).credentials(tokens).build();
  }

  @Test
  void holder_booksListsByDateRangeAndChangesStatuses(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // AG-1
    // GIVEN three appointments in the holder's agenda
    Appointments appointments = Agenda.of(holder).appointments();
    Appointment first =
        appointments.book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR_TREATING));
    Appointment second =
        appointments.book(
            AppointmentBooking.builder(Fixtures.ADULT)
                .start(DEC_10)
                .end(DEC_10.plus(Duration.ofHours(1)))
                .establishment(Fixtures.HOSPITAL)
                .build());
    Appointment third = appointments.book(withDoctor(Fixtures.ADULT, JAN_5, Fixtures.DOCTOR));

    // WHEN the holder lists December, then changes each status
    Page<Appointment> december =
        appointments.list(
            AppointmentQuery.builder(Fixtures.ADULT)
                .from(Instant.parse("2026-12-01T00:00:00Z"))
                .to(Instant.parse("2027-01-01T00:00:00Z"))
                .build());
    Appointment cancelled = appointments.cancel(first.id());
    Appointment fulfilled = appointments.markFulfilled(second.id());
    Appointment noShow = appointments.markNoShow(third.id());

    // THEN the list holds December's two, earliest first, and each status is as set
    assertThat(first.status()).isEqualTo(AppointmentStatus.BOOKED);
    assertThat(first.bookedBy()).isEqualTo(BookerKind.PATIENT);
    assertThat(first.professional()).contains(Fixtures.DOCTOR_TREATING);
    assertThat(first.description()).contains("Consultation de suivi");
    assertThat(second.establishment()).contains(Fixtures.HOSPITAL);
    assertThat(december.items())
        .extracting(Appointment::id)
        .containsExactly(first.id(), second.id());
    assertThat(december.total()).hasValue(2);
    assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
    assertThat(cancelled.version()).isEqualTo(2);
    assertThat(fulfilled.status()).isEqualTo(AppointmentStatus.FULFILLED);
    assertThat(noShow.status()).isEqualTo(AppointmentStatus.NO_SHOW);
    assertThat(
            appointments
                .list(
                    AppointmentQuery.builder(Fixtures.ADULT)
                        .statuses(AppointmentStatus.CANCELLED, AppointmentStatus.NO_SHOW)
                        .build())
                .items())
        .extracting(Appointment::id)
        .containsExactly(first.id(), third.id());
  }

  @Test
  void list_pagesWithOpaqueCursors(@Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // AG-1
    // GIVEN five appointments
    Appointments appointments = Agenda.of(holder).appointments();
    for (int i = 0; i < 5; i++) {
      appointments.book(
          withDoctor(Fixtures.ADULT, DEC_3.plus(Duration.ofDays(i)), Fixtures.DOCTOR_TREATING));
    }

    // WHEN they are listed two at a time
    Page<Appointment> first =
        appointments.list(AppointmentQuery.builder(Fixtures.ADULT).pageSize(2).build());

    // THEN three pages hold them all, in start order
    assertThat(first.items()).hasSize(2);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.streamAll().map(Appointment::start).toList()).hasSize(5).isSorted();
  }

  @Test
  void professional_seesOnlyAppointmentsTheyOrTheirOrganisationTakePartIn(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DENTIST) MesClient dentist,
      @Identity(Fixtures.Ids.REGULATION_DOCTOR) MesClient samuDoctor) {
    // AG-1
    // GIVEN an appointment with DOCTOR, one at DOCTOR's and DENTIST's hospital, one with the SAMU
    // doctor (another organisation)
    Appointments mine = Agenda.of(holder).appointments();
    Appointment withDoctor = mine.book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR));
    Appointment atHospital =
        mine.book(
            AppointmentBooking.builder(Fixtures.ADULT)
                .start(DEC_10)
                .end(DEC_10.plus(Duration.ofHours(1)))
                .establishment(Fixtures.HOSPITAL)
                .build());
    Appointment withSamu = mine.book(withDoctor(Fixtures.ADULT, JAN_5, Fixtures.REGULATION_DOCTOR));
    AppointmentQuery all = AppointmentQuery.builder(Fixtures.ADULT).build();

    // WHEN each lists the holder's appointments
    List<String> doctorSees =
        Agenda.of(doctor).appointments().list(all).streamAll().map(Appointment::id).toList();
    List<String> dentistSees =
        Agenda.of(dentist).appointments().list(all).streamAll().map(Appointment::id).toList();
    List<String> samuSees =
        Agenda.of(samuDoctor).appointments().list(all).streamAll().map(Appointment::id).toList();

    // THEN each sees only theirs and their organisation's; the holder sees all
    assertThat(doctorSees).containsExactly(withDoctor.id(), atHospital.id());
    assertThat(dentistSees).containsExactly(atHospital.id());
    assertThat(samuSees).containsExactly(withSamu.id());
    assertThat(mine.list(all).items()).hasSize(3);
    assertThatThrownBy(() -> Agenda.of(dentist).appointments().get(withDoctor.id()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> Agenda.of(dentist).appointments().cancel(withSamu.id()))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(mine.get(withSamu.id()).status()).isEqualTo(AppointmentStatus.BOOKED);
  }

  @Test
  void professional_booksOnlyAppointmentsTheyTakePartIn_andTheHolderIsNotified(
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient doctor, MockServer server) {
    // AG-1, AU-3
    // GIVEN a professional not authorised on the dossier (an appointment needs no authorisation)
    Appointments appointments = Agenda.of(doctor).appointments();

    // WHEN they book with themself, then try to book for a colleague
    Appointment booked =
        appointments.book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR_UNAUTHORISED));

    // THEN the first is booked and the holder told; the second is forbidden
    assertThat(booked.bookedBy()).isEqualTo(BookerKind.PROFESSIONAL);
    assertThat(server.control().outbox())
        .filteredOn(n -> n.kind() == Notification.Kind.APPOINTMENT_ADDED)
        .singleElement()
        .satisfies(n -> assertThat(n.patientIns()).contains(Fixtures.ADULT));
    assertThatThrownBy(() -> appointments.book(withDoctor(Fixtures.ADULT, DEC_10, Fixtures.DOCTOR)))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void appointmentAddedNotice_whenSilencedByTheHolder_isNotSent(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      MockServer server) {
    // AU-3
    // GIVEN a holder who turned appointment notices off (their NOTIF_APPOINTMENT preference)
    Dossier.of(holder)
        .access()
        .setNotifications(Fixtures.ADULT, NotificationPreference.NOTIF_APPOINTMENT, false);

    // WHEN a professional books
    Agenda.of(doctor).appointments().book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR));

    // THEN no notice is sent
    assertThat(server.control().outbox())
        .noneMatch(n -> n.kind() == Notification.Kind.APPOINTMENT_ADDED);
  }

  @Test
  void pairedService_readsWithAgendaRead_andBooksOnlyWithAgendaWrite(MockServer server) {
    // AG-1, CAT-2
    // GIVEN three tokens of the agenda app: read-only, read-write, and paired with another patient
    try (MesClient reader = service(server, Fixtures.ADULT, Set.of("AGENDA_READ"));
        MesClient writer = service(server, Fixtures.ADULT, Set.of("AGENDA_READ", "AGENDA_WRITE"));
        MesClient other = service(server, Fixtures.PARENT, Set.of("AGENDA_READ", "AGENDA_WRITE"));
        MesClient nothing = service(server, Fixtures.ADULT, Set.of())) {
      AppointmentQuery all = AppointmentQuery.builder(Fixtures.ADULT).build();

      // WHEN the writer books, and each lists
      Appointment booked =
          Agenda.of(writer)
              .appointments()
              .book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR_TREATING));

      // THEN the service booked it; the reader sees it but may not book or cancel; without
      // finalities, or paired with someone else, nothing
      assertThat(booked.bookedBy()).isEqualTo(BookerKind.SERVICE);
      assertThat(Agenda.of(reader).appointments().list(all).items())
          .extracting(Appointment::id)
          .containsExactly(booked.id());
      assertThatThrownBy(
              () ->
                  Agenda.of(reader)
                      .appointments()
                      .book(withDoctor(Fixtures.ADULT, DEC_10, Fixtures.DOCTOR)))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> Agenda.of(reader).appointments().cancel(booked.id()))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> Agenda.of(nothing).appointments().list(all))
          .isInstanceOf(ForbiddenException.class);
      assertThatThrownBy(() -> Agenda.of(other).appointments().list(all))
          .isInstanceOf(ForbiddenException.class);
      assertThat(Agenda.of(writer).appointments().cancel(booked.id()).status())
          .isEqualTo(AppointmentStatus.CANCELLED);
    }
  }

  @Test
  void spaceNotActive_isRefusedWithItsState(
      @Identity(Fixtures.Ids.CLOSED) MesClient closedHolder,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor) {
    // ES-4
    // WHEN appointments are booked or listed in spaces that are not ACTIVE
    // THEN the error names the state
    assertThatThrownBy(
            () ->
                Agenda.of(closedHolder)
                    .appointments()
                    .book(withDoctor(Fixtures.CLOSED, DEC_3, Fixtures.DOCTOR)))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class, e -> assertThat(e.state()).isEqualTo(SpaceState.CLOSED));
    assertThatThrownBy(
            () ->
                Agenda.of(doctor)
                    .appointments()
                    .list(AppointmentQuery.builder(Fixtures.PENDING).build()))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class,
            e -> assertThat(e.state()).isEqualTo(SpaceState.PENDING));
  }

  @Test
  void fulfilledAppointment_doesNotChangeStatusAnyMore(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // AG-1
    // GIVEN a fulfilled appointment
    Appointments appointments = Agenda.of(holder).appointments();
    Appointment booked =
        appointments.book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR_TREATING));
    appointments.markFulfilled(booked.id());

    // WHEN it is cancelled
    // THEN 409 conflict, and it stays fulfilled
    assertThatThrownBy(() -> appointments.cancel(booked.id()))
        .isInstanceOfSatisfying(
            MesServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.causeCode()).isEqualTo("conflict");
            });
    assertThat(appointments.get(booked.id()).status()).isEqualTo(AppointmentStatus.FULFILLED);
  }

  @Test
  void endBeforeStart_isRefusedClientSide() {
    // AG-1
    // WHEN a booking ends before it starts, or names no one
    // THEN build() refuses it
    assertThatThrownBy(
            () ->
                AppointmentBooking.builder(Fixtures.ADULT)
                    .start(DEC_3)
                    .end(DEC_3.minusSeconds(60))
                    .professional(Fixtures.DOCTOR)
                    .build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("end must be after");
    assertThatThrownBy(
            () -> AppointmentBooking.builder(Fixtures.ADULT).start(DEC_3).end(DEC_10).build())
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(
            () -> AppointmentQuery.builder(Fixtures.ADULT).from(DEC_10).to(DEC_3).build())
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void badInputOverRawHttp_isAClear4xx_andChangesNothing(
      @Identity(Fixtures.Ids.ADULT) MesClient holder, MockServer server) {
    // AG-1
    // GIVEN one booked appointment
    Appointments appointments = Agenda.of(holder).appointments();
    Appointment booked =
        appointments.book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR_TREATING));
    String token = server.control().token(Fixtures.ADULT);
    String participants =
        "\"participant\":[{\"actor\":{\"identifier\":{\"system\":\""
            + INS_SYSTEM
            + "\",\"value\":\""
            + Fixtures.Ids.ADULT
            + "\"}},\"status\":\"accepted\"},{\"actor\":{\"identifier\":{\"system\":\""
            + ProfessionalId.SYSTEM
            + "\",\"value\":\""
            + Fixtures.Ids.DOCTOR
            + "\"}},\"status\":\"accepted\"}]";

    // WHEN the server gets an end before the start, an unknown status, malformed JSON, a change of
    // start
    RawHttp.Answer endBeforeStart =
        RawHttp.json(
            server,
            token,
            "POST",
            "/fhir/Appointment",
            "{\"resourceType\":\"Appointment\",\"status\":\"booked\","
                + "\"start\":\"2026-12-05T10:00:00Z\",\"end\":\"2026-12-05T09:00:00Z\","
                + participants
                + "}");
    RawHttp.Answer unknownStatus =
        RawHttp.json(
            server,
            token,
            "PUT",
            "/fhir/Appointment/" + booked.id(),
            "{\"resourceType\":\"Appointment\",\"id\":\""
                + booked.id()
                + "\",\"status\":\"done\"}");
    RawHttp.Answer malformed =
        RawHttp.json(server, token, "POST", "/fhir/Appointment", "{\"resourceType\":\"Appoin");
    RawHttp.Answer moved =
        RawHttp.json(
            server,
            token,
            "PUT",
            "/fhir/Appointment/" + booked.id(),
            "{\"resourceType\":\"Appointment\",\"id\":\""
                + booked.id()
                + "\",\"status\":\"cancelled\",\"start\":\"2026-12-04T09:00:00Z\"}");
    RawHttp.Answer unknownSearchStatus =
        RawHttp.send(
            server,
            token,
            "POST",
            "/fhir/Appointment/_search",
            "application/x-www-form-urlencoded",
            "patient.identifier=" + INS_SYSTEM + "%7C" + Fixtures.Ids.ADULT + "&status=done");

    // THEN each is a 400 with its cause, and the agenda is as it was
    assertThat(endBeforeStart.status()).isEqualTo(400);
    assertThat(endBeforeStart.cause()).isEqualTo("invalid-request");
    assertThat(unknownStatus.status()).isEqualTo(400);
    assertThat(unknownStatus.cause()).isEqualTo("unknown-code");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.cause()).isEqualTo("invalid-request");
    assertThat(moved.status()).isEqualTo(400);
    assertThat(moved.cause()).isEqualTo("immutable-field");
    assertThat(unknownSearchStatus.status()).isEqualTo(400);
    assertThat(unknownSearchStatus.cause()).isEqualTo("unknown-code");
    List<Appointment> all =
        appointments.list(AppointmentQuery.builder(Fixtures.ADULT).build()).items();
    assertThat(all)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo(booked.id());
              assertThat(a.status()).isEqualTo(AppointmentStatus.BOOKED);
              assertThat(a.start()).isEqualTo(DEC_3);
              assertThat(a.version()).isEqualTo(1);
            });
  }

  @Test
  void everyChange_isTracedInTheHoldersHistory(
      @Identity(Fixtures.Ids.ADULT) MesClient holder,
      @Identity(Fixtures.Ids.DENTIST) MesClient dentist,
      MockServer server) {
    // AU-1, AU-2
    // GIVEN a booking, a cancellation, a search, and a refused attempt by a professional
    Appointments appointments = Agenda.of(holder).appointments();
    Appointment booked =
        appointments.book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR_TREATING));
    appointments.cancel(booked.id());
    appointments.list(AppointmentQuery.builder(Fixtures.ADULT).build());
    assertThatThrownBy(
            () ->
                Agenda.of(dentist)
                    .appointments()
                    .book(withDoctor(Fixtures.ADULT, DEC_10, Fixtures.DOCTOR)))
        .isInstanceOf(ForbiddenException.class);

    // WHEN the holder reads their activity history
    List<String> traces =
        RawHttp.traceCodes(
            server, server.control().token(Fixtures.ADULT), INS_SYSTEM, Fixtures.Ids.ADULT);

    // THEN each is there, the refusal with outcome 4
    assertThat(traces)
        .contains(
            "APPOINTMENT_CREATE:0",
            "APPOINTMENT_UPDATE:0",
            "APPOINTMENT_SEARCH:0",
            "APPOINTMENT_CREATE:4");
  }

  @Test
  void reminderNotice_isSentAtTheDelayBeforeTheStart_notBefore(
      @Identity(Fixtures.Ids.ADULT) MesClient holder, MockServer server) {
    // AG-1, AU-3
    // GIVEN an appointment five days ahead, and one cancelled (default delay: 24 hours)
    Appointments appointments = Agenda.of(holder).appointments();
    Instant start = server.control().now().plus(Duration.ofDays(5));
    appointments.book(withDoctor(Fixtures.ADULT, start, Fixtures.DOCTOR_TREATING));
    Appointment cancelled =
        appointments.book(
            withDoctor(Fixtures.ADULT, start.plusSeconds(3600), Fixtures.DOCTOR_TREATING));
    appointments.cancel(cancelled.id());
    Instant due = start.minus(MockServer.DEFAULT_APPOINTMENT_REMINDER_DELAY);

    // WHEN the clock reaches just before the delay
    server.control().setClock(due.minusMillis(1));

    // THEN nothing yet
    assertThat(reminders(server)).isEmpty();

    // WHEN it reaches the delay (and passes the cancelled one's)
    server.control().setClock(due);
    server.control().advanceClock(Duration.ofHours(2));

    // THEN exactly one reminder, at the delay, for the booked one
    assertThat(reminders(server))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.at()).isEqualTo(due);
              assertThat(n.patientIns()).contains(Fixtures.ADULT);
            });
  }

  @Test
  void reminderNotice_whenSilenced_isNotSent(
      @Identity(Fixtures.Ids.ADULT) MesClient holder, MockServer server) {
    // AU-3
    // GIVEN a holder who turned appointment notices off, and an appointment in two days
    Dossier.of(holder)
        .access()
        .setNotifications(Fixtures.ADULT, NotificationPreference.NOTIF_APPOINTMENT, false);
    Instant start = server.control().now().plus(Duration.ofDays(2));
    Agenda.of(holder)
        .appointments()
        .book(withDoctor(Fixtures.ADULT, start, Fixtures.DOCTOR_TREATING));

    // WHEN the appointment comes
    server.control().setClock(start);

    // THEN no reminder
    assertThat(reminders(server)).isEmpty();
  }

  @Test
  void reminderDelay_isConfigurable() {
    // AU-3
    // GIVEN a server whose reminders go 2 hours ahead
    Instant now = Instant.parse("2026-11-28T09:00:00Z");
    try (MockServer server =
            MockServer.builder().clock(now).appointmentReminderDelay(Duration.ofHours(2)).start();
        MesClient holder =
            MesClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(server.tokenProvider(Fixtures.Ids.ADULT))
                .build()) {
      Instant start = now.plus(Duration.ofDays(1));
      Agenda.of(holder)
          .appointments()
          .book(withDoctor(Fixtures.ADULT, start, Fixtures.DOCTOR_TREATING));

      // WHEN the clock reaches 24 hours, then 2 hours, before the start
      server.control().setClock(start.minus(Duration.ofHours(24)));
      List<Notification> atOneDay = reminders(server);
      server.control().setClock(start.minus(Duration.ofHours(2)));

      // THEN the reminder comes only at 2 hours
      assertThat(atOneDay).isEmpty();
      assertThat(reminders(server))
          .singleElement()
          .satisfies(n -> assertThat(n.at()).isEqualTo(start.minus(Duration.ofHours(2))));
    }
  }

  private static List<Notification> reminders(MockServer server) {
    return server.control().outbox().stream()
        .filter(n -> n.kind() == Notification.Kind.APPOINTMENT_REMINDER)
        .toList();
  }

  @Test
  void appointments_ofADeletedSpace_neverComeBackInANewSpace(
      @Identity(Fixtures.Ids.ADULT) MesClient holder, MockServer server) {
    // ES-5: GIVEN an appointment, then the space closed with a deletion request
    Agenda.of(holder).appointments().book(withDoctor(Fixtures.ADULT, DEC_3, Fixtures.DOCTOR));
    Dossier.of(holder).space().close(Fixtures.ADULT, true);

    // WHEN a new space is opened and activated for the same person
    server.control().createSpace(Fixtures.ADULT);
    Dossier.of(holder).space().activate(Fixtures.ADULT);

    // THEN its agenda is empty
    assertThat(
            Agenda.of(holder)
                .appointments()
                .list(AppointmentQuery.builder(Fixtures.ADULT).build())
                .items())
        .isEmpty();
  }
}
