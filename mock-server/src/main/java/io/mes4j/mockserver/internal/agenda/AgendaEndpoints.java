package io.mes4j.mockserver.internal.agenda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.dossier.PageCursors;
import io.mes4j.mockserver.internal.dossier.SearchInput;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Decision;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.Directory;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * The agenda (AG-1 to AG-3, docs/wire-contract.md "Agenda"): appointments ({@code
 * /fhir/Appointment}: book, search, read, change of status by {@code PUT}), personal reminders and
 * the prevention calendar ({@code /fhir/Task}: add a reminder, search either, record a calendar
 * item by {@code PUT}, remove a reminder). Every call that reaches the policy decision point is
 * traced (AU-1), refusals included; the holder is told of appointments added by others and reminded
 * before each one, unless they silenced it (AU-3).
 */
public final class AgendaEndpoints {

  private final Engine engine;
  private final Duration reminderDelay;
  private final PreventionCalendar calendar = PreventionCalendar.defaults();

  /**
   * @param reminderDelay how long before an appointment's start its reminder notice is sent
   */
  public AgendaEndpoints(Engine engine, Duration reminderDelay) {
    this.engine = engine;
    this.reminderDelay = Objects.requireNonNull(reminderDelay, "reminderDelay");
    engine.onLoad(this::scheduleLoaded); // AU-3 reminders, for a fixtures import
  }

  /** The reminders still to come of the booked appointments of a state loaded from a file. */
  private void scheduleLoaded(ServerState state) {
    AgendaBook book = book(state);
    Instant now = engine.clock().now();
    for (PatientRecord patient : state.store().all()) {
      AgendaBook.PatientAgenda agenda = book.peek(patient);
      if (agenda == null) {
        continue;
      }
      for (AgendaBook.Appointment appointment : agenda.appointments()) {
        if (appointment.status() == AgendaBook.Status.BOOKED) {
          scheduleReminder(state, book, patient, appointment, now);
        }
      }
    }
  }

  public void register(Router router) {
    router.add("POST", "/fhir/Appointment", engine.protect(this::book));
    router.add("GET", "/fhir/Appointment", engine.protect(r -> search(r, "Appointment")));
    router.add("POST", "/fhir/Appointment/_search", engine.protect(r -> search(r, "Appointment")));
    router.add("GET", "/fhir/Appointment/{id}", engine.protect(this::read));
    router.add("PUT", "/fhir/Appointment/{id}", engine.protect(this::changeStatus));
    router.add("POST", "/fhir/Task", engine.protect(this::addReminder));
    router.add("GET", "/fhir/Task", engine.protect(r -> search(r, "Task")));
    router.add("POST", "/fhir/Task/_search", engine.protect(r -> search(r, "Task")));
    router.add("PUT", "/fhir/Task/{id}", engine.protect(this::record));
    router.add("DELETE", "/fhir/Task/{id}", engine.protect(this::removeReminder));
  }

  /**
   * The agenda data of this server state, kept with its store: a reset starts a new, empty book; a
   * fixtures import brings its own ({@link AgendaFixtures}).
   */
  private AgendaBook book(ServerState state) {
    return state.store().part(AgendaBook.class, AgendaBook::new);
  }

  // ---- appointments (AG-1)

  private Response book(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    AgendaInput.AppointmentBody body = AgendaInput.newAppointment(Json.parseObject(request.body()));
    Call call = call(request);
    PatientRecord patient = patient(call.state().store(), Objects.requireNonNull(body.patient()));
    AgendaBook.Appointment appointment;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      boolean takesPart =
          takesPart(call, body.professional(), body.establishment(), call.directory());
      decide(call, patient, Action.BOOK_APPOINTMENT, target(call, patient, takesPart), null, now);
      String id = call.state().ids().next("apt-");
      Actor actor = call.actor();
      appointment =
          new AgendaBook.Appointment(
              id,
              patient.ins().value(),
              patient.ins().system().uri(),
              Objects.requireNonNull(body.start()),
              Objects.requireNonNull(body.end()),
              AgendaBook.Status.BOOKED,
              body.professional(),
              body.establishment(),
              body.description(),
              new AgendaBook.Booker(actor.system(), actor.id(), actor.kind().actorType()),
              now,
              1,
              now);
      call.book().of(patient).appointments.put(id, appointment);
      call.book().index(id, patient.ins().value());
      trace(call, patient, Action.BOOK_APPOINTMENT, "Appointment/" + id, null, now);
      // AU-3: the holder is told of an appointment someone else put in their agenda.
      if (!actor.is(Actor.Kind.PATIENT)) {
        AgendaNotices.appointmentAdded(call.state().outbox(), patient, now);
      }
      scheduleReminder(call.state(), call.book(), patient, appointment, now);
    } finally {
      lock.unlock();
    }
    return Response.fhir(201, AgendaFhir.appointment(appointment))
        .header("Location", engine.fhirBase() + "/Appointment/" + appointment.id() + "/_history/1")
        .header("ETag", "W/\"1\"");
  }

  // AU-3: a reminder the configured delay before the start, if the appointment is still booked
  // then; an appointment booked less than the delay before its start gets none.
  private void scheduleReminder(
      ServerState state,
      AgendaBook book,
      PatientRecord patient,
      AgendaBook.Appointment appointment,
      Instant now) {
    Instant due = appointment.start().minus(reminderDelay);
    if (!due.isAfter(now)) {
      return;
    }
    String id = appointment.id();
    engine
        .clock()
        .schedule(
            due,
            at -> {
              if (engine.state() != state) {
                return;
              }
              Lock lock = patient.lock().writeLock();
              lock.lock();
              try {
                AgendaBook.Appointment current = book.of(patient).appointments.get(id);
                if (current != null
                    && current.status() == AgendaBook.Status.BOOKED
                    && patient.state() == SpaceState.ACTIVE) {
                  AgendaNotices.appointmentReminder(state.outbox(), patient, at);
                }
              } finally {
                lock.unlock();
              }
            });
  }

  private Response read(Request request) {
    requireJsonAccept(request);
    String id = request.pathParam("id");
    Call call = call(request);
    PatientRecord patient = located(call, id);
    AgendaBook.Appointment appointment;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      appointment = call.book().of(patient).appointments.get(id);
      if (appointment == null) {
        throw HttpError.notFound("Not found");
      }
      String object = "Appointment/" + id;
      decide(
          call,
          patient,
          Action.READ_APPOINTMENT,
          target(call, patient, takesPart(call, appointment)),
          object,
          now);
      trace(call, patient, Action.READ_APPOINTMENT, object, null, now);
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, AgendaFhir.appointment(appointment))
        .header("ETag", "W/\"" + appointment.version() + "\"");
  }

  // AG-1: booked → cancelled, fulfilled or noshow; nothing else of an appointment changes.
  private Response changeStatus(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    String id = request.pathParam("id");
    AgendaInput.AppointmentBody body =
        AgendaInput.changedAppointment(Json.parseObject(request.body()));
    if (body.id() != null && !body.id().equals(id)) {
      throw HttpError.badRequest("Field id must be the id of the path");
    }
    AgendaBook.Status next = Objects.requireNonNull(AgendaBook.Status.fromCode(body.status()));
    Call call = call(request);
    PatientRecord patient = located(call, id);
    AgendaBook.Appointment stored;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      AgendaBook.PatientAgenda agenda = call.book().of(patient);
      stored = agenda.appointments.get(id);
      if (stored == null) {
        throw HttpError.notFound("Not found");
      }
      String object = "Appointment/" + id;
      decide(
          call,
          patient,
          Action.UPDATE_APPOINTMENT,
          target(call, patient, takesPart(call, stored)),
          object,
          now);
      String immutable = immutableChange(body, stored);
      if (immutable != null) {
        refuse(
            call,
            patient,
            Action.UPDATE_APPOINTMENT,
            object,
            now,
            Cause.IMMUTABLE_FIELD,
            "Field "
                + immutable
                + " of an appointment does not change: cancel it and book another");
      }
      if (next != stored.status()) {
        if (stored.status() != AgendaBook.Status.BOOKED) {
          refuse(
              call,
              patient,
              Action.UPDATE_APPOINTMENT,
              object,
              now,
              Cause.CONFLICT,
              "A " + stored.status().code() + " appointment does not change status any more");
        }
        if (next == AgendaBook.Status.BOOKED) {
          throw new IllegalStateException("booked to booked is no change");
        }
        stored = stored.withStatus(next, now);
        agenda.appointments.put(id, stored);
      }
      trace(call, patient, Action.UPDATE_APPOINTMENT, object, null, now);
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, AgendaFhir.appointment(stored))
        .header("ETag", "W/\"" + stored.version() + "\"");
  }

  private static @Nullable String immutableChange(
      AgendaInput.AppointmentBody body, AgendaBook.Appointment stored) {
    if (body.start() != null && !body.start().equals(stored.start())) {
      return "start";
    }
    if (body.end() != null && !body.end().equals(stored.end())) {
      return "end";
    }
    if (body.description() != null && !body.description().equals(stored.description())) {
      return "description";
    }
    if (body.hasParticipants()) {
      Ins patient = body.patient();
      boolean same =
          patient != null
              && patient.value().equals(stored.insValue())
              && Objects.equals(body.professional(), stored.professional())
              && Objects.equals(body.establishment(), stored.establishment());
      if (!same) {
        return "participant";
      }
    }
    return null;
  }

  // ---- reminders (AG-2)

  private Response addReminder(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    AgendaInput.ReminderBody body = AgendaInput.reminder(Json.parseObject(request.body()));
    Call call = call(request);
    PatientRecord patient = patient(call.state().store(), body.patient());
    AgendaBook.Reminder reminder;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      decide(call, patient, Action.ADD_REMINDER, target(call, patient, false), null, now);
      String id = call.state().ids().next("rem-");
      reminder =
          new AgendaBook.Reminder(
              id,
              patient.ins().value(),
              patient.ins().system().uri(),
              body.title(),
              body.at(),
              body.note(),
              call.actor().id(),
              call.actor().system(),
              false,
              1,
              now,
              now);
      call.book().of(patient).reminders.put(id, reminder);
      call.book().index(id, patient.ins().value());
      trace(call, patient, Action.ADD_REMINDER, "Task/" + id, null, now);
    } finally {
      lock.unlock();
    }
    return Response.fhir(201, AgendaFhir.reminder(reminder))
        .header("Location", engine.fhirBase() + "/Task/" + reminder.id() + "/_history/1")
        .header("ETag", "W/\"1\"");
  }

  private Response removeReminder(Request request) {
    String id = request.pathParam("id");
    Call call = call(request);
    PatientRecord patient = located(call, id);
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      AgendaBook.PatientAgenda agenda = call.book().of(patient);
      AgendaBook.Reminder reminder = agenda.reminders.get(id);
      boolean item = agenda.lineOfItem.containsKey(id);
      if (reminder == null && !item) {
        throw HttpError.notFound("Not found");
      }
      String object = "Task/" + id;
      decide(call, patient, Action.REMOVE_REMINDER, target(call, patient, false), object, now);
      if (reminder == null) {
        refuse(
            call,
            patient,
            Action.REMOVE_REMINDER,
            object,
            now,
            Cause.INVALID_REQUEST,
            "A prevention calendar item is not removed: record its status");
        return Response.empty(204);
      }
      if (!reminder.removed()) {
        agenda.reminders.put(
            id,
            new AgendaBook.Reminder(
                reminder.id(),
                reminder.insValue(),
                reminder.insSystem(),
                reminder.title(),
                reminder.at(),
                reminder.note(),
                reminder.author(),
                reminder.authorSystem(),
                true,
                reminder.version() + 1,
                reminder.authoredOn(),
                now));
      }
      trace(call, patient, Action.REMOVE_REMINDER, object, null, now);
    } finally {
      lock.unlock();
    }
    return Response.empty(204);
  }

  // ---- prevention calendar (AG-3)

  private Response record(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    String id = request.pathParam("id");
    AgendaInput.Record body = AgendaInput.record(Json.parseObject(request.body()), id);
    Call call = call(request);
    PatientRecord patient = located(call, id);
    ObjectNode item;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      AgendaBook.PatientAgenda agenda = call.book().of(patient);
      String lineId = agenda.lineOfItem.get(id);
      if (lineId == null && !agenda.reminders.containsKey(id)) {
        throw HttpError.notFound("Not found");
      }
      String object = "Task/" + id;
      decide(call, patient, Action.RECORD_PREVENTION, target(call, patient, false), object, now);
      if (lineId == null) {
        refuse(
            call,
            patient,
            Action.RECORD_PREVENTION,
            object,
            now,
            Cause.INVALID_REQUEST,
            "A reminder is not updated: remove it and add another");
        throw new IllegalStateException("refused");
      }
      LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
      LocalDate date = body.date();
      if (date != null && (date.isAfter(today) || date.isBefore(patient.birthDate()))) {
        refuse(
            call,
            patient,
            Action.RECORD_PREVENTION,
            object,
            now,
            Cause.INVALID_REQUEST,
            "Field executionPeriod.start must be between the birth date and today");
      }
      AgendaBook.Recorded previous = agenda.recorded.get(lineId);
      AgendaBook.Recorded recorded =
          new AgendaBook.Recorded(
              body.status(), date, previous == null ? 1 : previous.version() + 1, now);
      agenda.recorded.put(lineId, recorded);
      trace(call, patient, Action.RECORD_PREVENTION, object, null, now);
      PreventionCalendar.Line line = Objects.requireNonNull(calendar.line(lineId));
      item =
          AgendaFhir.preventionItem(
              id,
              line,
              patient.ins().system().uri(),
              patient.ins().value(),
              patient.birthDate(),
              body.status(),
              recorded);
    } finally {
      lock.unlock();
    }
    return Response.fhir(200, item);
  }

  /**
   * The status of a calendar item: what the holder recorded, else {@code TO_PLAN} until its window
   * ends and {@code NOT_SPECIFIED} after.
   */
  private static AgendaBook.PreventionStatus status(
      PreventionCalendar.Line line,
      AgendaBook.@Nullable Recorded recorded,
      LocalDate birthDate,
      LocalDate today) {
    if (recorded != null) {
      return recorded.status();
    }
    LocalDate until = line.until(birthDate);
    return until != null && today.isAfter(until)
        ? AgendaBook.PreventionStatus.NOT_SPECIFIED
        : AgendaBook.PreventionStatus.TO_PLAN;
  }

  // ---- searches

  private Response search(Request request, String resourceType) {
    requireJsonAccept(request);
    Map<String, List<String>> params = params(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    String caller = principal.kind() + "|" + principal.subject();
    PageCursors.Position<AgendaSearch> position =
        state
            .cursors()
            .position(
                params,
                AgendaSearch.class,
                s -> s.resourceType().equals(resourceType),
                caller,
                p ->
                    resourceType.equals("Appointment")
                        ? AgendaSearch.appointments(p)
                        : AgendaSearch.tasks(p));
    AgendaSearch search = position.search();
    int offset = position.offset();
    Call call = call(request);
    PatientRecord patient = patient(state.store(), search.patient());
    Action action =
        resourceType.equals("Appointment")
            ? Action.SEARCH_APPOINTMENTS
            : search.reminders() ? Action.SEARCH_REMINDERS : Action.READ_PREVENTION;
    List<ObjectNode> matches = new ArrayList<>();
    // The write lock: the first read of a calendar makes its items' ids.
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      decide(call, patient, action, target(call, patient, true), null, now);
      AgendaBook.PatientAgenda agenda = call.book().of(patient);
      switch (action) {
        case SEARCH_APPOINTMENTS -> {
          boolean everything = call.actor().is(Actor.Kind.PATIENT) || call.service();
          agenda.appointments().stream()
              .filter(search::matches)
              .filter(a -> everything || takesPart(call, a))
              .sorted(
                  Comparator.comparing(AgendaBook.Appointment::start)
                      .thenComparing(AgendaBook.Appointment::id))
              .forEach(a -> matches.add(AgendaFhir.appointment(a)));
        }
        case SEARCH_REMINDERS ->
            agenda.reminders.values().stream()
                .filter(r -> !r.removed())
                .sorted(
                    Comparator.comparing(AgendaBook.Reminder::at)
                        .thenComparing(AgendaBook.Reminder::id))
                .forEach(r -> matches.add(AgendaFhir.reminder(r)));
        default -> matches.addAll(calendarItems(call, patient, agenda, search, now));
      }
      trace(call, patient, action, null, null, now);
    } finally {
      lock.unlock();
    }
    int total = matches.size();
    List<ObjectNode> page =
        matches.subList(Math.min(offset, total), Math.min(offset + search.count(), total));
    String typeUrl = engine.fhirBase() + "/" + resourceType;
    PageCursors.Links links =
        state.cursors().links(typeUrl, position, search.count(), total, caller);
    return Response.fhir(
        200, FhirWriter.searchset(total, links.self(), links.next(), page, engine.fhirBase()));
  }

  /** The calendar for this patient's birth date and sex, due date first (call under write lock). */
  private List<ObjectNode> calendarItems(
      Call call,
      PatientRecord patient,
      AgendaBook.PatientAgenda agenda,
      AgendaSearch search,
      Instant now) {
    LocalDate birth = patient.birthDate();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<PreventionCalendar.Line> lines = new ArrayList<>();
    for (PreventionCalendar.Line line : calendar.lines()) {
      if (line.appliesTo(patient.sex())
          && (search.kinds().isEmpty() || search.kinds().contains(line.kind()))) {
        lines.add(line);
      }
    }
    lines.sort(Comparator.comparing(l -> l.due(birth)));
    List<ObjectNode> items = new ArrayList<>();
    for (PreventionCalendar.Line line : lines) {
      String id = agenda.itemIds.get(line.id());
      if (id == null) {
        id = call.state().ids().next("prev-");
        agenda.itemIds.put(line.id(), id);
        agenda.lineOfItem.put(id, line.id());
        call.book().index(id, patient.ins().value());
      }
      AgendaBook.Recorded recorded = agenda.recorded.get(line.id());
      items.add(
          AgendaFhir.preventionItem(
              id,
              line,
              patient.ins().system().uri(),
              patient.ins().value(),
              birth,
              status(line, recorded, birth, today),
              recorded));
    }
    return items;
  }

  // ---- shared steps

  /** The caller, its state snapshot and that state's agenda book. */
  private record Call(
      ServerState state, AgendaBook book, Principal principal, Actor actor, Directory directory) {
    boolean service() {
      return actor.is(Actor.Kind.SERVICE);
    }
  }

  private Call call(Request request) {
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    return new Call(
        state, book(state), principal, engine.actor(principal, state), state.store().directory());
  }

  /** CAT-2: a service's token names the patient it is paired with. */
  private static Target.Agenda target(Call call, PatientRecord patient, boolean takesPart) {
    boolean paired =
        call.service() && patient.ins().value().equals(call.principal().pairedPatient());
    return new Target.Agenda(takesPart, call.principal().finalities(), paired);
  }

  private static boolean takesPart(Call call, AgendaBook.Appointment appointment) {
    return takesPart(
        call, appointment.professional(), appointment.establishment(), call.directory());
  }

  /**
   * AG-1: a professional takes part if they are the appointment's professional or their
   * organisation its establishment; an establishment if it is the establishment or the professional
   * is one of its own.
   */
  private static boolean takesPart(
      Call call,
      @Nullable String professional,
      @Nullable String establishment,
      Directory directory) {
    Actor actor = call.actor();
    String id = actor.id();
    if (actor.is(Actor.Kind.PROFESSIONAL)) {
      if (id.equals(professional)) {
        return true;
      }
      return establishment != null
          && directory
              .professional(id)
              .map(p -> establishment.equals("1" + p.finess()))
              .orElse(false);
    }
    if (actor.is(Actor.Kind.ESTABLISHMENT)) {
      if (id.equals(establishment)) {
        return true;
      }
      return professional != null
          && directory
              .professional(professional)
              .map(p -> id.equals("1" + p.finess()))
              .orElse(false);
    }
    return false;
  }

  /** Asks the policy; a refusal is traced (AU-1) and thrown. Call under the record's lock. */
  private void decide(
      Call call,
      PatientRecord patient,
      Action action,
      Target target,
      @Nullable String object,
      Instant now) {
    Decision decision =
        engine.decide(call.actor(), action, target, patient, call.principal().mode(), now);
    if (!decision.permitted()) {
      refuse(call, patient, action, object, now, decision.denyCause(), decision.message());
    }
  }

  /** Traces a refusal (AU-1) and throws it. */
  private static void refuse(
      Call call,
      PatientRecord patient,
      Action action,
      @Nullable String object,
      Instant now,
      Cause cause,
      String message) {
    trace(call, patient, action, object, cause, now);
    throw new HttpError(cause, message);
  }

  private static void trace(
      Call call,
      PatientRecord patient,
      Action action,
      @Nullable String object,
      @Nullable Cause refusal,
      Instant now) {
    Mode mode = call.principal().mode();
    AuditTrail.recordObject(
        call.state(), now, patient, call.actor(), action, mode, object, refusal);
  }

  private static PatientRecord patient(Store store, Ins ins) {
    return store
        .patient(ins.value())
        .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
  }

  private static PatientRecord located(Call call, String id) {
    return call.book()
        .patientOf(id)
        .flatMap(call.state().store()::patient)
        .orElseThrow(() -> HttpError.notFound("Not found"));
  }

  private static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }

  /** The query string, plus the form body of a {@code POST _search} (FHIR search via POST). */
  private static Map<String, List<String>> params(Request request) {
    return SearchInput.params(request);
  }
}
