package io.mes4j.mockserver.internal.agenda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.internal.fixtures.In;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A patient's agenda in a fixtures file (appointments, reminders, prevention calendar ids and what
 * the holder recorded): written from and read into the {@link AgendaBook} kept with a store. The
 * patient's INS is implied by the enclosing patient.
 */
public final class AgendaFixtures {
  private static final Set<String> AGENDA = Set.of("appointments", "reminders", "prevention");
  private static final Set<String> APPOINTMENT =
      Set.of(
          "id",
          "start",
          "end",
          "status",
          "professional",
          "establishment",
          "description",
          "bookedBy",
          "created",
          "version",
          "lastUpdated");
  private static final Set<String> BOOKER = Set.of("system", "id", "actorType");
  private static final Set<String> REMINDER =
      Set.of(
          "id",
          "title",
          "at",
          "note",
          "author",
          "authorSystem",
          "removed",
          "version",
          "authoredOn",
          "lastUpdated");
  private static final Set<String> PREVENTION =
      Set.of("line", "id", "status", "date", "version", "at");

  private AgendaFixtures() {}

  /** The agenda of this patient's current space, or null if it has none (call under its lock). */
  public static @Nullable ObjectNode write(Store store, PatientRecord patient) {
    AgendaBook.PatientAgenda agenda = store.part(AgendaBook.class, AgendaBook::new).peek(patient);
    if (agenda == null
        || agenda.appointments.isEmpty()
            && agenda.reminders.isEmpty()
            && agenda.itemIds.isEmpty()
            && agenda.recorded.isEmpty()) {
      return null;
    }
    ObjectNode node = Json.object();
    ArrayNode appointments = node.putArray("appointments");
    for (AgendaBook.Appointment a : agenda.appointments.values()) {
      ObjectNode item = appointments.addObject();
      item.put("id", a.id());
      item.put("start", a.start().toString());
      item.put("end", a.end().toString());
      item.put("status", a.status().code());
      putOpt(item, "professional", a.professional());
      putOpt(item, "establishment", a.establishment());
      putOpt(item, "description", a.description());
      item.putObject("bookedBy")
          .put("system", a.bookedBy().system())
          .put("id", a.bookedBy().id())
          .put("actorType", a.bookedBy().actorType());
      item.put("created", a.created().toString());
      item.put("version", a.version());
      item.put("lastUpdated", a.lastUpdated().toString());
    }
    ArrayNode reminders = node.putArray("reminders");
    for (AgendaBook.Reminder r : agenda.reminders.values()) {
      ObjectNode item = reminders.addObject();
      item.put("id", r.id());
      item.put("title", r.title());
      item.put("at", r.at().toString());
      putOpt(item, "note", r.note());
      item.put("author", r.author());
      item.put("authorSystem", r.authorSystem());
      item.put("removed", r.removed());
      item.put("version", r.version());
      item.put("authoredOn", r.authoredOn().toString());
      item.put("lastUpdated", r.lastUpdated().toString());
    }
    // One entry per calendar line with an id given or a status recorded, sorted by line.
    Map<String, ObjectNode> lines = new TreeMap<>();
    for (Map.Entry<String, String> entry : agenda.itemIds.entrySet()) {
      lines.computeIfAbsent(entry.getKey(), AgendaFixtures::line).put("id", entry.getValue());
    }
    for (Map.Entry<String, AgendaBook.Recorded> entry : agenda.recorded.entrySet()) {
      AgendaBook.Recorded recorded = entry.getValue();
      ObjectNode line = lines.computeIfAbsent(entry.getKey(), AgendaFixtures::line);
      line.put("status", recorded.status().name());
      putOpt(line, "date", recorded.date() == null ? null : recorded.date().toString());
      line.put("version", recorded.version());
      line.put("at", recorded.at().toString());
    }
    ArrayNode prevention = node.putArray("prevention");
    lines.values().forEach(prevention::add);
    return node;
  }

  private static ObjectNode line(String id) {
    ObjectNode line = Json.object();
    line.put("line", id);
    return line;
  }

  /**
   * Reads a patient's agenda into the book kept with {@code store}; {@code claim} answers false for
   * an id already used in the file.
   */
  public static void read(In in, Store store, PatientRecord patient, Predicate<String> claim) {
    in.only(AGENDA);
    AgendaBook book = store.part(AgendaBook.class, AgendaBook::new);
    AgendaBook.PatientAgenda agenda = book.of(patient);
    String ins = patient.ins().value();
    String system = patient.ins().system().uri();
    for (In a : in.objects("appointments")) {
      a.only(APPOINTMENT);
      String id = a.nonBlank("id");
      if (!claim.test(id)) {
        throw a.error("id", "is used twice");
      }
      Instant start = a.instant("start");
      Instant end = a.instant("end");
      if (!end.isAfter(start)) {
        throw a.error("end", "must be after start");
      }
      In booker = a.object("bookedBy");
      booker.only(BOOKER);
      agenda.appointments.put(
          id,
          new AgendaBook.Appointment(
              id,
              ins,
              system,
              start,
              end,
              a.code(
                  "status", AgendaBook.Status::fromCode, "booked, cancelled, fulfilled or noshow"),
              a.optText("professional"),
              a.optText("establishment"),
              a.optText("description"),
              new AgendaBook.Booker(
                  booker.nonBlank("system"), booker.nonBlank("id"), booker.nonBlank("actorType")),
              a.instant("created"),
              a.intValue("version", 1),
              a.instant("lastUpdated")));
      book.index(id, ins);
    }
    for (In r : in.objects("reminders")) {
      r.only(REMINDER);
      String id = r.nonBlank("id");
      if (!claim.test(id)) {
        throw r.error("id", "is used twice");
      }
      agenda.reminders.put(
          id,
          new AgendaBook.Reminder(
              id,
              ins,
              system,
              r.text("title"),
              r.instant("at"),
              r.optText("note"),
              r.nonBlank("author"),
              r.nonBlank("authorSystem"),
              r.bool("removed", false),
              r.intValue("version", 1),
              r.instant("authoredOn"),
              r.instant("lastUpdated")));
      book.index(id, ins);
    }
    List<String> seen = new ArrayList<>();
    for (In p : in.objects("prevention")) {
      p.only(PREVENTION);
      String line = p.nonBlank("line");
      if (seen.contains(line)) {
        throw p.error("line", "is listed twice");
      }
      seen.add(line);
      String id = p.optText("id");
      if (id != null) {
        if (!claim.test(id)) {
          throw p.error("id", "is used twice");
        }
        agenda.itemIds.put(line, id);
        agenda.lineOfItem.put(id, line);
        book.index(id, ins);
      }
      if (p.has("status")) {
        agenda.recorded.put(
            line,
            new AgendaBook.Recorded(
                p.code(
                    "status",
                    AgendaBook.PreventionStatus::fromCode,
                    "TO_PLAN, DONE, NOT_DONE or NOT_SPECIFIED"),
                p.optDate("date"),
                p.intValue("version", 1),
                p.instant("at")));
      }
    }
  }

  private static void putOpt(ObjectNode node, String name, @Nullable String value) {
    if (value != null) {
      node.put(name, value);
    }
  }
}
