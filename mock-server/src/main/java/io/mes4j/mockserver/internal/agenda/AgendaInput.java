package io.mes4j.mockserver.internal.agenda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the agenda's request bodies in full before anything changes: a 400 naming the field for
 * anything malformed ({@code unknown-code} for a status outside its table, {@code invalid-ins} for
 * a bad INS).
 */
final class AgendaInput {
  static final int MAX_TEXT = 500;
  static final int MAX_NOTE = 2000;

  private AgendaInput() {}

  /** An appointment as sent: the patient, when, with whom, and optionally its status. */
  record AppointmentBody(
      @Nullable String id,
      @Nullable String status,
      @Nullable Ins patient,
      @Nullable Instant start,
      @Nullable Instant end,
      @Nullable String professional,
      @Nullable String establishment,
      boolean hasParticipants,
      @Nullable String description) {}

  /** A new appointment (AG-1): status absent or {@code booked}, start, end and participants. */
  static AppointmentBody newAppointment(ObjectNode body) {
    AppointmentBody a = appointment(body);
    if (a.status() != null && !a.status().equals("booked")) {
      throw HttpError.badRequest("Field status of a new appointment must be booked (or absent)");
    }
    if (a.start() == null || a.end() == null) {
      throw HttpError.badRequest("Missing field " + (a.start() == null ? "start" : "end"));
    }
    if (a.patient() == null) {
      throw HttpError.badRequest("Field participant must name the patient by INS");
    }
    if (a.professional() == null && a.establishment() == null) {
      throw HttpError.badRequest(
          "Field participant must name a professional (idNat_PS) or an establishment"
              + " (idNat_Struct)");
    }
    return a;
  }

  /** A status change (AG-1): the appointment as read, with a new {@code status}. */
  static AppointmentBody changedAppointment(ObjectNode body) {
    AppointmentBody a = appointment(body);
    if (a.status() == null) {
      throw HttpError.badRequest("Missing field status");
    }
    return a;
  }

  private static AppointmentBody appointment(ObjectNode body) {
    resourceType(body, "Appointment");
    String status = Fields.optionalText(body, "status", "status");
    if (status != null && AgendaBook.Status.fromCode(status) == null) {
      throw new HttpError(
          Cause.UNKNOWN_CODE, "Field status must be booked, cancelled, fulfilled or noshow");
    }
    Instant start = optionalInstant(body, "start");
    Instant end = optionalInstant(body, "end");
    if (start != null && end != null && !end.isAfter(start)) {
      throw HttpError.badRequest("Field end must be after start");
    }
    String description = Fields.optionalText(body, "description", "description");
    if (description != null && description.length() > MAX_TEXT) {
      throw HttpError.badRequest("Field description is limited to " + MAX_TEXT + " characters");
    }
    Ins patient = null;
    String professional = null;
    String establishment = null;
    ArrayNode participants = Fields.optionalArray(body, "participant", "participant");
    if (participants != null) {
      for (int i = 0; i < participants.size(); i++) {
        String path = "participant[" + i + "].actor.identifier";
        ObjectNode participant = Fields.element(participants, i, "participant");
        ObjectNode actor = Fields.object(participant, "actor", "participant[" + i + "].actor");
        ObjectNode identifier = Fields.object(actor, "identifier", path);
        String system = Fields.text(identifier, "system", path + ".system");
        String value = Fields.text(identifier, "value", path + ".value");
        if (system.equals(ProfessionalId.SYSTEM)) {
          if (professional != null) {
            throw HttpError.badRequest("Field participant names at most one professional");
          }
          try {
            professional = ProfessionalId.of(value).value();
          } catch (InvalidValueException e) {
            throw HttpError.badRequest("Field " + path + ".value: " + e.getMessage());
          }
        } else if (system.equals(Finess.STRUCT_SYSTEM)) {
          if (establishment != null) {
            throw HttpError.badRequest("Field participant names at most one establishment");
          }
          if (value.length() != 10 || value.charAt(0) != '1') {
            throw HttpError.badRequest("Field " + path + ".value must be 1 + FINESS");
          }
          try {
            establishment = Finess.of(value.substring(1)).idNatStruct();
          } catch (InvalidValueException e) {
            throw HttpError.badRequest("Field " + path + ".value: " + e.getMessage());
          }
        } else {
          Ins ins = AgendaSearch.ins(system, value);
          if (patient != null) {
            throw HttpError.badRequest("Field participant names exactly one patient");
          }
          patient = ins;
        }
      }
    }
    return new AppointmentBody(
        Fields.optionalText(body, "id", "id"),
        status,
        patient,
        start,
        end,
        professional,
        establishment,
        participants != null,
        description);
  }

  /** A new personal reminder (AG-2). */
  record ReminderBody(Ins patient, String title, Instant at, @Nullable String note) {}

  static ReminderBody reminder(ObjectNode body) {
    resourceType(body, "Task");
    String status = Fields.optionalText(body, "status", "status");
    if (status != null && !status.equals("requested")) {
      throw HttpError.badRequest("Field status of a new reminder must be requested (or absent)");
    }
    ObjectNode code = Fields.object(body, "code", "code");
    boolean reminder = false;
    ArrayNode codings = Fields.array(code, "coding", "code.coding");
    for (int i = 0; i < codings.size(); i++) {
      ObjectNode coding = Fields.element(codings, i, "code.coding");
      if (AgendaFhir.AGENDA_TASK.equals(Fields.optionalText(coding, "system", "code.coding.system"))
          && AgendaFhir.REMINDER.equals(Fields.optionalText(coding, "code", "code.coding.code"))) {
        reminder = true;
      }
    }
    if (!reminder) {
      throw new HttpError(
          Cause.UNKNOWN_CODE,
          "Field code must hold " + AgendaFhir.AGENDA_TASK + "|reminder: only reminders are added");
    }
    ObjectNode forRef = Fields.object(body, "for", "for");
    ObjectNode identifier = Fields.object(forRef, "identifier", "for.identifier");
    Ins patient =
        AgendaSearch.ins(
            Fields.text(identifier, "system", "for.identifier.system"),
            Fields.text(identifier, "value", "for.identifier.value"));
    String title = Fields.text(body, "description", "description");
    if (title.length() > MAX_TEXT) {
      throw HttpError.badRequest("Field description is limited to " + MAX_TEXT + " characters");
    }
    ObjectNode period = Fields.object(body, "executionPeriod", "executionPeriod");
    Instant at =
        instant(Fields.text(period, "start", "executionPeriod.start"), "executionPeriod.start");
    String note = null;
    ArrayNode notes = Fields.optionalArray(body, "note", "note");
    if (notes != null && !notes.isEmpty()) {
      if (notes.size() > 1) {
        throw HttpError.badRequest("Field note holds at most one annotation");
      }
      note = Fields.text(Fields.element(notes, 0, "note"), "text", "note[0].text");
      if (note.length() > MAX_NOTE) {
        throw HttpError.badRequest("Field note[0].text is limited to " + MAX_NOTE + " characters");
      }
    }
    return new ReminderBody(patient, title, at, note);
  }

  /** What the holder records of a calendar item (AG-3). */
  record Record(AgendaBook.PreventionStatus status, @Nullable LocalDate date) {}

  static Record record(ObjectNode body, String id) {
    resourceType(body, "Task");
    String bodyId = Fields.optionalText(body, "id", "id");
    if (bodyId != null && !bodyId.equals(id)) {
      throw HttpError.badRequest("Field id must be the id of the path");
    }
    ObjectNode businessStatus = Fields.object(body, "businessStatus", "businessStatus");
    ArrayNode codings = Fields.array(businessStatus, "coding", "businessStatus.coding");
    AgendaBook.PreventionStatus status = null;
    for (int i = 0; i < codings.size(); i++) {
      ObjectNode coding = Fields.element(codings, i, "businessStatus.coding");
      if (AgendaFhir.PREVENTION_STATUS.equals(
          Fields.optionalText(coding, "system", "businessStatus.coding.system"))) {
        String code = Fields.text(coding, "code", "businessStatus.coding.code");
        status = AgendaBook.PreventionStatus.fromCode(code);
        if (status == null) {
          throw new HttpError(
              Cause.UNKNOWN_CODE,
              "Field businessStatus must be TO_PLAN, DONE, NOT_DONE or NOT_SPECIFIED");
        }
      }
    }
    if (status == null) {
      throw new HttpError(
          Cause.UNKNOWN_CODE, "Field businessStatus must hold a " + AgendaFhir.PREVENTION_STATUS);
    }
    LocalDate date = null;
    ObjectNode period = Fields.optionalObject(body, "executionPeriod", "executionPeriod");
    if (period != null) {
      String start = Fields.optionalText(period, "start", "executionPeriod.start");
      if (start != null) {
        try {
          date = LocalDate.parse(start.length() > 10 ? start.substring(0, 10) : start);
        } catch (DateTimeParseException e) {
          throw HttpError.badRequest("Field executionPeriod.start must be a date (2026-11-28)");
        }
      }
    }
    if (date != null
        && status != AgendaBook.PreventionStatus.DONE
        && status != AgendaBook.PreventionStatus.NOT_DONE) {
      throw HttpError.badRequest("Field executionPeriod.start goes only with DONE or NOT_DONE");
    }
    return new Record(status, date);
  }

  private static void resourceType(JsonNode body, String expected) {
    String type = Fields.optionalText(body, "resourceType", "resourceType");
    if (!expected.equals(type)) {
      throw HttpError.badRequest("Field resourceType must be " + expected);
    }
  }

  private static @Nullable Instant optionalInstant(JsonNode body, String name) {
    String text = Fields.optionalText(body, name, name);
    return text == null ? null : instant(text, name);
  }

  /** A FHIR instant: a date and time with seconds and an offset. */
  private static Instant instant(String text, String path) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw HttpError.badRequest(
          "Field " + path + " must be an instant with offset, such as 2026-11-28T10:00:00Z");
    }
  }
}
