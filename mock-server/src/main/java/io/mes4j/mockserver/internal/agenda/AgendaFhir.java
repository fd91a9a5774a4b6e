package io.mes4j.mockserver.internal.agenda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.Json;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The agenda's FHIR R4 shapes (docs/wire-contract.md, "Agenda"): {@code Appointment} after the ANS
 * shared-agenda guide's {@code FrAppointment} (its operator extension names who booked), and {@code
 * Task} for personal reminders and prevention calendar items.
 */
final class AgendaFhir {
  /** FrAppointmentOperator (InteropSanté FR Core, used by the ANS GAP guide): who booked. */
  static final String OPERATOR =
      "http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator";

  /** What a Task is: {@code reminder}, or a kind of prevention item. */
  static final String AGENDA_TASK = "https://mes4j.io/fhir/CodeSystem/agenda-task";

  static final String REMINDER = "reminder";

  /** The exact status of a prevention item (AG-3). */
  static final String PREVENTION_STATUS = "https://mes4j.io/fhir/CodeSystem/prevention-status";

  /** The identifier system of a prevention item: the line id of the data file. */
  static final String PREVENTION_ITEM = "https://mes4j.io/fhir/prevention-item";

  static final String DUE_AGE = "https://mes4j.io/fhir/StructureDefinition/prevention-due-age";
  static final String REPEAT = "https://mes4j.io/fhir/StructureDefinition/prevention-repeat";
  static final String SOURCE = "https://mes4j.io/fhir/StructureDefinition/prevention-source";
  static final String UCUM = "http://unitsofmeasure.org";

  private AgendaFhir() {}

  static ObjectNode appointment(AgendaBook.Appointment a) {
    ObjectNode out = Json.object();
    out.put("resourceType", "Appointment");
    out.put("id", a.id());
    ObjectNode meta = out.putObject("meta");
    meta.put("versionId", Integer.toString(a.version()));
    meta.put("lastUpdated", a.lastUpdated().toString());
    ObjectNode operator = out.putArray("extension").addObject();
    operator.put("url", OPERATOR);
    operator.set(
        "valueReference", FhirWriter.identifierReference(a.bookedBy().system(), a.bookedBy().id()));
    out.put("status", a.status().code());
    if (a.description() != null) {
      out.put("description", a.description());
    }
    out.put("start", a.start().toString());
    out.put("end", a.end().toString());
    out.put("created", a.created().toString());
    ArrayNode participants = out.putArray("participant");
    participant(participants, a.insSystem(), a.insValue());
    if (a.professional() != null) {
      participant(participants, ProfessionalId.SYSTEM, a.professional());
    }
    if (a.establishment() != null) {
      participant(participants, Finess.STRUCT_SYSTEM, a.establishment());
    }
    return out;
  }

  private static void participant(ArrayNode participants, String system, String value) {
    ObjectNode p = participants.addObject();
    p.set("actor", FhirWriter.identifierReference(system, value));
    p.put("required", "required");
    p.put("status", "accepted");
  }

  static ObjectNode reminder(AgendaBook.Reminder r) {
    ObjectNode out = Json.object();
    out.put("resourceType", "Task");
    out.put("id", r.id());
    ObjectNode meta = out.putObject("meta");
    meta.put("versionId", Integer.toString(r.version()));
    meta.put("lastUpdated", r.lastUpdated().toString());
    out.put("status", r.removed() ? "cancelled" : "requested");
    out.put("intent", "plan");
    out.set("code", codeable(AGENDA_TASK, REMINDER, null));
    out.put("description", r.title());
    out.set("for", FhirWriter.identifierReference(r.insSystem(), r.insValue()));
    out.putObject("executionPeriod").put("start", r.at().toString());
    out.put("authoredOn", r.authoredOn().toString());
    out.put("lastModified", r.lastUpdated().toString());
    out.set("requester", FhirWriter.identifierReference(r.authorSystem(), r.author()));
    if (r.note() != null) {
      out.putArray("note").addObject().put("text", r.note());
    }
    return out;
  }

  static ObjectNode preventionItem(
      String id,
      PreventionCalendar.Line line,
      String insSystem,
      String insValue,
      LocalDate birthDate,
      AgendaBook.PreventionStatus status,
      AgendaBook.@Nullable Recorded recorded) {
    ObjectNode out = Json.object();
    out.put("resourceType", "Task");
    out.put("id", id);
    if (recorded != null) {
      ObjectNode meta = out.putObject("meta");
      meta.put("versionId", Integer.toString(recorded.version()));
      meta.put("lastUpdated", recorded.at().toString());
    }
    ArrayNode extensions = out.putArray("extension");
    String unit = unit(line.minAge(), line.maxAge());
    ObjectNode dueAge = extensions.addObject();
    dueAge.put("url", DUE_AGE);
    ObjectNode range = dueAge.putObject("valueRange");
    range.set("low", quantity(line.minAge(), unit));
    if (line.maxAge() != null) {
      range.set("high", quantity(line.maxAge(), unit));
    }
    if (line.repeat() != null) {
      ObjectNode repeat = extensions.addObject();
      repeat.put("url", REPEAT);
      repeat.set("valueDuration", quantity(line.repeat(), unit(line.repeat(), null)));
    }
    ObjectNode source = extensions.addObject();
    source.put("url", SOURCE);
    source.put("valueString", line.source());
    ObjectNode identifier = out.putArray("identifier").addObject();
    identifier.put("system", PREVENTION_ITEM);
    identifier.put("value", line.id());
    out.put(
        "status",
        switch (status) {
          case DONE -> "completed";
          case NOT_DONE -> "cancelled";
          case TO_PLAN, NOT_SPECIFIED -> "requested";
        });
    out.set("businessStatus", codeable(PREVENTION_STATUS, status.name(), null));
    out.put("intent", "plan");
    out.set("code", codeable(AGENDA_TASK, line.kind().code(), line.label()));
    out.put("description", line.label());
    out.set("for", FhirWriter.identifierReference(insSystem, insValue));
    if (recorded != null) {
      out.put("lastModified", recorded.at().toString());
      if (recorded.date() != null) {
        out.putObject("executionPeriod").put("start", recorded.date().toString());
      }
    }
    ObjectNode period = out.putObject("restriction").putObject("period");
    period.put("start", line.due(birthDate).toString());
    LocalDate until = line.until(birthDate);
    if (until != null) {
      period.put("end", until.toString());
    }
    return out;
  }

  /** The coarsest UCUM unit ({@code a}, {@code mo}, {@code d}) that says both ages exactly. */
  static String unit(Period first, @Nullable Period second) {
    for (String unit : List.of("a", "mo", "d")) {
      if (fits(first, unit) && (second == null || fits(second, unit))) {
        return unit;
      }
    }
    throw new IllegalStateException("ages mix days with months or years");
  }

  private static boolean fits(Period age, String unit) {
    if (age.isZero()) {
      return true;
    }
    return switch (unit) {
      case "a" -> age.getDays() == 0 && age.toTotalMonths() % 12 == 0;
      case "mo" -> age.getDays() == 0;
      default -> age.toTotalMonths() == 0;
    };
  }

  static long amount(Period age, String unit) {
    return switch (unit) {
      case "a" -> age.toTotalMonths() / 12;
      case "mo" -> age.toTotalMonths();
      default -> age.getDays();
    };
  }

  private static ObjectNode quantity(Period age, String unit) {
    ObjectNode q = Json.object();
    q.put("value", amount(age, unit));
    q.put("unit", unit);
    q.put("system", UCUM);
    q.put("code", unit);
    return q;
  }

  private static ObjectNode codeable(String system, String code, @Nullable String text) {
    ObjectNode concept = Json.object();
    concept.putArray("coding").add(FhirWriter.coding(system, code, null));
    if (text != null) {
      concept.put("text", text);
    }
    return concept;
  }
}
