package io.mes4j.agenda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.agenda.Appointment;
import io.mes4j.agenda.AppointmentBooking;
import io.mes4j.agenda.AppointmentQuery;
import io.mes4j.agenda.AppointmentStatus;
import io.mes4j.agenda.BookerKind;
import io.mes4j.agenda.PreventionItem;
import io.mes4j.agenda.PreventionKind;
import io.mes4j.agenda.PreventionStatus;
import io.mes4j.agenda.Reminder;
import io.mes4j.agenda.ReminderRequest;
import io.mes4j.core.Page;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.JsonCodec;
import io.mes4j.core.internal.SearchForm;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the agenda's FHIR resources (docs/wire-contract.md, "Agenda"): {@code
 * Appointment}, and {@code Task} for reminders and prevention items. Jackson stays in here.
 */
public final class FhirAgenda {
  public static final String AGENDA_TASK = "https://mes4j.io/fhir/CodeSystem/agenda-task";
  public static final String PREVENTION_STATUS =
      "https://mes4j.io/fhir/CodeSystem/prevention-status";
  public static final String PREVENTION_ITEM = "https://mes4j.io/fhir/prevention-item";
  public static final String DUE_AGE =
      "https://mes4j.io/fhir/StructureDefinition/prevention-due-age";
  public static final String REPEAT = "https://mes4j.io/fhir/StructureDefinition/prevention-repeat";
  public static final String SOURCE = "https://mes4j.io/fhir/StructureDefinition/prevention-source";
  public static final String OPERATOR =
      "http://interopsante.org/fhir/StructureDefinition/FrAppointmentOperator";
  private static final String RFC3986 = "urn:ietf:rfc:3986";
  private static final int MAX_PAGES = 1000;
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FhirAgenda() {}

  // ---- calls

  /** {@code POST /fhir/<type>/_search} with a form body: no parameter is ever in a URL. */
  public static ApiRequest search(String resourceType, List<String[]> params) {
    SearchForm form = new SearchForm(resourceType);
    for (String[] p : params) {
      form.add(p[0], p[1]);
    }
    return form.request();
  }

  /** A page of a search, whose {@code next} links are followed lazily with {@code GET}. */
  public static <T> Page<T> page(
      ApiExecutor executor, ApiRequest first, String resourceType, Function<JsonNode, T> reader) {
    return toPage(executor, read(executor.execute(first).body()), resourceType, reader);
  }

  private static <T> Page<T> toPage(
      ApiExecutor executor, JsonNode bundle, String resourceType, Function<JsonNode, T> reader) {
    List<T> items = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      items.add(reader.apply(entry.path("resource")));
    }
    OptionalInt total =
        bundle.has("total") ? OptionalInt.of(bundle.path("total").asInt()) : OptionalInt.empty();
    return CoreAccess.page(
        items,
        total,
        nextLink(bundle),
        url ->
            toPage(
                executor,
                read(
                    executor
                        .execute(
                            ApiRequest.builder("GET", "/fhir/" + resourceType).url(url).build())
                        .body()),
                resourceType,
                reader));
  }

  /** Every item of a search, following the {@code next} links. */
  public static <T> List<T> all(
      ApiExecutor executor, ApiRequest first, String resourceType, Function<JsonNode, T> reader) {
    List<T> items = new ArrayList<>();
    JsonNode bundle = read(executor.execute(first).body());
    for (int pages = 1; ; pages++) {
      for (JsonNode entry : bundle.path("entry")) {
        items.add(reader.apply(entry.path("resource")));
      }
      String next = nextLink(bundle);
      if (next == null || pages >= MAX_PAGES) {
        return List.copyOf(items);
      }
      bundle =
          read(
              executor
                  .execute(ApiRequest.builder("GET", "/fhir/" + resourceType).url(next).build())
                  .body());
    }
  }

  /** {@code POST /fhir/<type>} with an idempotency key; the stored resource. */
  public static JsonNode create(ApiExecutor executor, ObjectNode resource) {
    String type = resource.path("resourceType").asText();
    return read(
        executor
            .execute(
                ApiRequest.builder("POST", "/fhir/" + type)
                    .path("/fhir/" + type)
                    .body(write(resource), ApiRequest.FHIR_JSON)
                    .withNewIdempotencyKey()
                    .build())
            .body());
  }

  /** {@code PUT /fhir/<type>/{id}}; the stored resource. */
  public static JsonNode update(ApiExecutor executor, ObjectNode resource) {
    String type = resource.path("resourceType").asText();
    String id = resource.path("id").asText();
    return read(
        executor
            .execute(
                ApiRequest.builder("PUT", "/fhir/" + type + "/{id}")
                    .path("/fhir/" + type + "/" + ApiRequest.encodePathSegment(id))
                    .body(write(resource), ApiRequest.FHIR_JSON)
                    .build())
            .body());
  }

  /** {@code GET /fhir/<type>/{id}}. */
  public static JsonNode get(ApiExecutor executor, String type, String id) {
    return read(
        executor
            .execute(
                ApiRequest.builder("GET", "/fhir/" + type + "/{id}")
                    .path("/fhir/" + type + "/" + ApiRequest.encodePathSegment(id))
                    .build())
            .body());
  }

  /** {@code DELETE /fhir/<type>/{id}}. */
  public static void delete(ApiExecutor executor, String type, String id) {
    executor.execute(
        ApiRequest.builder("DELETE", "/fhir/" + type + "/{id}")
            .path("/fhir/" + type + "/" + ApiRequest.encodePathSegment(id))
            .build());
  }

  // ---- requests

  public static String patientToken(Ins ins) {
    return ins.system().uri() + "|" + ins.value();
  }

  public static List<String[]> appointmentParams(AppointmentQuery query) {
    List<String[]> params = new ArrayList<>();
    params.add(new String[] {"patient.identifier", patientToken(query.patient())});
    query.from().ifPresent(from -> params.add(new String[] {"date", "ge" + from}));
    query.to().ifPresent(to -> params.add(new String[] {"date", "lt" + to}));
    if (!query.statuses().isEmpty()) {
      params.add(
          new String[] {
            "status",
            query.statuses().stream()
                .sorted()
                .map(AppointmentStatus::code)
                .collect(Collectors.joining(","))
          });
    }
    params.add(new String[] {"_count", Integer.toString(query.pageSize())});
    return params;
  }

  public static ObjectNode appointment(AppointmentBooking booking) {
    ObjectNode out = F.objectNode();
    out.put("resourceType", "Appointment");
    out.put("status", "booked");
    booking.description().ifPresent(d -> out.put("description", d));
    out.put("start", booking.start().toString());
    out.put("end", booking.end().toString());
    var participants = out.putArray("participant");
    participants.add(participant(booking.patient().system().uri(), booking.patient().value()));
    booking
        .professional()
        .ifPresent(p -> participants.add(participant(ProfessionalId.SYSTEM, p.value())));
    booking
        .establishment()
        .ifPresent(e -> participants.add(participant(Finess.STRUCT_SYSTEM, e.idNatStruct())));
    return out;
  }

  private static ObjectNode participant(String system, String value) {
    ObjectNode p = F.objectNode();
    p.set("actor", identifierReference(system, value));
    p.put("required", "required");
    p.put("status", "accepted");
    return p;
  }

  /** A change of status: the id and the new status, nothing else (the server keeps the rest). */
  public static ObjectNode statusChange(String id, AppointmentStatus status) {
    ObjectNode out = F.objectNode();
    out.put("resourceType", "Appointment");
    out.put("id", id);
    out.put("status", status.code());
    return out;
  }

  public static ObjectNode reminder(ReminderRequest request) {
    ObjectNode out = F.objectNode();
    out.put("resourceType", "Task");
    out.put("status", "requested");
    out.put("intent", "plan");
    out.putObject("code").putArray("coding").add(coding(AGENDA_TASK, "reminder"));
    out.put("description", request.title());
    out.set(
        "for", identifierReference(request.patient().system().uri(), request.patient().value()));
    out.putObject("executionPeriod").put("start", request.at().toString());
    request.note().ifPresent(n -> out.putArray("note").addObject().put("text", n));
    return out;
  }

  public static ObjectNode record(String id, PreventionStatus status, @Nullable LocalDate date) {
    ObjectNode out = F.objectNode();
    out.put("resourceType", "Task");
    out.put("id", id);
    out.put(
        "status",
        switch (status) {
          case DONE -> "completed";
          case NOT_DONE -> "cancelled";
          case TO_PLAN, NOT_SPECIFIED -> "requested";
        });
    out.putObject("businessStatus")
        .putArray("coding")
        .add(coding(PREVENTION_STATUS, status.name()));
    out.put("intent", "plan");
    if (date != null) {
      out.putObject("executionPeriod").put("start", date.toString());
    }
    return out;
  }

  // ---- readers

  public static Appointment readAppointment(JsonNode r) {
    try {
      Ins patient = null;
      ProfessionalId professional = null;
      Finess establishment = null;
      for (JsonNode p : r.path("participant")) {
        JsonNode identifier = p.path("actor").path("identifier");
        String system = identifier.path("system").asText();
        String value = identifier.path("value").asText();
        if (system.equals(ProfessionalId.SYSTEM)) {
          professional = ProfessionalId.of(value);
        } else if (system.equals(Finess.STRUCT_SYSTEM)) {
          establishment = Finess.of(value.substring(1));
        } else {
          patient = Ins.of(value, InsSystem.fromUri(system));
        }
      }
      if (patient == null) {
        throw new MesClientException("the server sent an appointment without its patient");
      }
      BookerKind booker = BookerKind.PATIENT;
      for (JsonNode ext : r.path("extension")) {
        if (OPERATOR.equals(ext.path("url").asText())) {
          booker = booker(ext.path("valueReference").path("identifier").path("system").asText());
        }
      }
      return new Appointment(
          r.path("id").asText(),
          Integer.parseInt(r.path("meta").path("versionId").asText("1")),
          patient,
          Instant.parse(r.path("start").asText()),
          Instant.parse(r.path("end").asText()),
          AppointmentStatus.fromCode(r.path("status").asText()),
          professional,
          establishment,
          text(r, "description"),
          booker,
          Instant.parse(r.path("created").asText()));
    } catch (RuntimeException e) {
      if (e instanceof MesClientException m) {
        throw m;
      }
      throw new MesClientException("the server sent an Appointment mes4j cannot read", e);
    }
  }

  private static BookerKind booker(String system) {
    if (system.equals(ProfessionalId.SYSTEM)) {
      return BookerKind.PROFESSIONAL;
    }
    if (system.equals(Finess.STRUCT_SYSTEM)) {
      return BookerKind.ESTABLISHMENT;
    }
    if (system.equals(RFC3986)) {
      return BookerKind.SERVICE;
    }
    return BookerKind.PATIENT;
  }

  public static Reminder readReminder(JsonNode r) {
    try {
      JsonNode identifier = r.path("for").path("identifier");
      String note = null;
      for (JsonNode n : r.path("note")) {
        note = n.path("text").asText();
      }
      return new Reminder(
          r.path("id").asText(),
          Ins.of(
              identifier.path("value").asText(),
              InsSystem.fromUri(identifier.path("system").asText())),
          r.path("description").asText(),
          Instant.parse(r.path("executionPeriod").path("start").asText()),
          note);
    } catch (RuntimeException e) {
      throw new MesClientException("the server sent a reminder mes4j cannot read", e);
    }
  }

  public static PreventionItem readPreventionItem(JsonNode r) {
    try {
      Period from = null;
      Period until = null;
      Period repeat = null;
      String source = "";
      for (JsonNode ext : r.path("extension")) {
        switch (ext.path("url").asText()) {
          case DUE_AGE -> {
            from = age(ext.path("valueRange").path("low"));
            JsonNode high = ext.path("valueRange").path("high");
            until = high.isMissingNode() ? null : age(high);
          }
          case REPEAT -> repeat = age(ext.path("valueDuration"));
          case SOURCE -> source = ext.path("valueString").asText();
          default -> {}
        }
      }
      String key = "";
      for (JsonNode identifier : r.path("identifier")) {
        if (PREVENTION_ITEM.equals(identifier.path("system").asText())) {
          key = identifier.path("value").asText();
        }
      }
      PreventionStatus status = null;
      for (JsonNode coding : r.path("businessStatus").path("coding")) {
        if (PREVENTION_STATUS.equals(coding.path("system").asText())) {
          status = PreventionStatus.valueOf(coding.path("code").asText());
        }
      }
      PreventionKind kind = null;
      for (JsonNode coding : r.path("code").path("coding")) {
        for (PreventionKind k : PreventionKind.values()) {
          if (AGENDA_TASK.equals(coding.path("system").asText())
              && k.code().equals(coding.path("code").asText())) {
            kind = k;
          }
        }
      }
      if (from == null || status == null || kind == null) {
        throw new MesClientException("the server sent a prevention item mes4j cannot read");
      }
      JsonNode period = r.path("restriction").path("period");
      String end = text(period, "end");
      String done = text(r.path("executionPeriod"), "start");
      return new PreventionItem(
          r.path("id").asText(),
          key,
          kind,
          r.path("description").asText(),
          from,
          until,
          repeat,
          LocalDate.parse(period.path("start").asText()),
          end == null ? null : LocalDate.parse(end),
          status,
          done == null ? null : LocalDate.parse(done.substring(0, 10)),
          source);
    } catch (RuntimeException e) {
      if (e instanceof MesClientException m) {
        throw m;
      }
      throw new MesClientException("the server sent a prevention item mes4j cannot read", e);
    }
  }

  private static Period age(JsonNode quantity) {
    int value = quantity.path("value").asInt();
    return switch (quantity.path("code").asText()) {
      case "a" -> Period.ofYears(value);
      case "mo" -> Period.ofMonths(value);
      case "wk" -> Period.ofWeeks(value);
      case "d" -> Period.ofDays(value);
      default -> throw new MesClientException("an age in an unknown unit");
    };
  }

  // ---- JSON

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() ? value.asText() : null;
  }

  private static ObjectNode coding(String system, String code) {
    ObjectNode coding = F.objectNode();
    coding.put("system", system);
    coding.put("code", code);
    return coding;
  }

  private static ObjectNode identifierReference(String system, String value) {
    ObjectNode reference = F.objectNode();
    reference.putObject("identifier").put("system", system).put("value", value);
    return reference;
  }

  private static @Nullable String nextLink(JsonNode bundle) {
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asText())) {
        return link.path("url").asText();
      }
    }
    return null;
  }

  static JsonNode read(byte[] body) {
    try {
      return JsonCodec.mapper().readTree(body);
    } catch (IOException e) {
      throw new MesClientException("the server sent JSON mes4j cannot read", e);
    }
  }

  static byte[] write(JsonNode node) {
    try {
      return JsonCodec.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new MesClientException("serialising a request failed", e);
    }
  }
}
