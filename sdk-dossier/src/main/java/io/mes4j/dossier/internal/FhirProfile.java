package io.mes4j.dossier.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.JsonCodec;
import io.mes4j.core.internal.SearchForm;
import io.mes4j.dossier.Allergy;
import io.mes4j.dossier.Author;
import io.mes4j.dossier.AuthorKind;
import io.mes4j.dossier.ClinicalCode;
import io.mes4j.dossier.FamilyHistoryEntry;
import io.mes4j.dossier.FamilyRelation;
import io.mes4j.dossier.HistoryEntry;
import io.mes4j.dossier.HistoryKind;
import io.mes4j.dossier.Measurement;
import io.mes4j.dossier.MeasurementKind;
import io.mes4j.dossier.OrganDonationWish;
import io.mes4j.dossier.ProfileEntry;
import io.mes4j.dossier.Treatment;
import io.mes4j.dossier.Vaccination;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Writes and reads the medical profile's FHIR resources (docs/wire-contract.md, "Medical profile"):
 * Condition, AllergyIntolerance, MedicationStatement, Immunization, Observation,
 * FamilyMemberHistory. Jackson trees stay inside this package.
 */
public final class FhirProfile {
  public static final String LOINC = "http://loinc.org";
  public static final String UCUM = "http://unitsofmeasure.org";
  public static final String PROFILE_ITEM = "https://mes4j.io/fhir/CodeSystem/profile-item";
  public static final String ORGAN_DONATION_CODE = "organ-donation-wish";
  public static final String ORGAN_DONATION =
      "https://mes4j.io/fhir/CodeSystem/organ-donation-wish";
  public static final String RECORDED_BY = "https://mes4j.io/fhir/StructureDefinition/recorded-by";
  private static final String CONDITION_CLINICAL =
      "http://terminology.hl7.org/CodeSystem/condition-clinical";
  private static final String SYSTOLIC = "8480-6";
  private static final String DIASTOLIC = "8462-4";

  /** The most pages a read follows (100 items each): a guard against a looping server. */
  private static final int MAX_PAGES = 1000;

  /** The page size asked for: the server's maximum. */
  private static final int PAGE_SIZE = 100;

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private FhirProfile() {}

  // ---- calls

  /**
   * Reads the items of {@code resourceType} of a profile, newest first, following the {@code next}
   * links until {@code limit} items are read; {@code codes} restricts an Observation search ({@code
   * system|code,…}).
   */
  public static <T> List<ProfileEntry<T>> search(
      ApiExecutor executor,
      String resourceType,
      Ins patient,
      @Nullable String codes,
      int limit,
      Function<JsonNode, T> reader) {
    SearchForm form =
        new SearchForm(resourceType)
            .add("patient.identifier", FhirDocuments.patientToken(patient))
            .add("_count", Integer.toString(Math.min(limit, PAGE_SIZE)));
    if (codes != null) {
      form.add("code", codes);
    }
    List<ProfileEntry<T>> items = new ArrayList<>();
    JsonNode bundle = read(executor.execute(form.request()).body());
    for (int pages = 1; ; pages++) {
      for (JsonNode entry : bundle.path("entry")) {
        if (items.size() < limit) {
          items.add(entry(entry.path("resource"), reader));
        }
      }
      String next = nextLink(bundle);
      if (next == null || items.size() >= limit || pages >= MAX_PAGES) {
        return List.copyOf(items);
      }
      bundle =
          read(
              executor
                  .execute(ApiRequest.builder("GET", "/fhir/" + resourceType).url(next).build())
                  .body());
    }
  }

  /** Creates an item ({@code POST /fhir/<type>}, with an idempotency key) and reads it back. */
  public static <T> ProfileEntry<T> create(
      ApiExecutor executor, ObjectNode resource, Function<JsonNode, T> reader) {
    String type = resource.path("resourceType").asText();
    byte[] body = write(resource);
    JsonNode answer =
        read(
            executor
                .execute(
                    ApiRequest.builder("POST", "/fhir/" + type)
                        .path("/fhir/" + type)
                        .body(body, ApiRequest.FHIR_JSON)
                        .withNewIdempotencyKey()
                        .build())
                .body());
    return entry(answer, reader);
  }

  /** Removes an item ({@code DELETE /fhir/<type>/{id}}). */
  public static void remove(ApiExecutor executor, String resourceType, String id) {
    executor.execute(
        ApiRequest.builder("DELETE", "/fhir/" + resourceType + "/{id}")
            .path("/fhir/" + resourceType + "/" + ApiRequest.encodePathSegment(id))
            .build());
  }

  private static <T> ProfileEntry<T> entry(JsonNode resource, Function<JsonNode, T> reader) {
    try {
      JsonNode recorder = null;
      for (JsonNode ext : resource.path("extension")) {
        if (RECORDED_BY.equals(ext.path("url").asText())) {
          recorder = ext.path("valueReference").path("identifier");
        }
      }
      return new ProfileEntry<>(
          resource.path("id").asText(),
          reader.apply(resource),
          Instant.parse(resource.path("meta").path("lastUpdated").asText()),
          author(recorder == null ? F.objectNode() : recorder));
    } catch (RuntimeException e) {
      throw new MesClientException(
          "the server sent a " + resource.path("resourceType").asText() + " mes4j cannot read", e);
    }
  }

  // ---- writing

  public static ObjectNode condition(Ins patient, HistoryEntry h) {
    ObjectNode r = resource("Condition");
    r.set(
        "clinicalStatus", codeable(CONDITION_CLINICAL, h.ongoing() ? "active" : "resolved", null));
    r.set("category", F.arrayNode().add(codeable(LOINC, h.kind().loinc(), null)));
    r.set("code", concept(h.description(), h.code().orElse(null)));
    r.set("subject", FhirDocuments.patientRef(patient));
    h.onset().ifPresent(d -> r.put("onsetDateTime", d.toString()));
    return r;
  }

  public static ObjectNode allergy(Ins patient, Allergy a) {
    ObjectNode r = resource("AllergyIntolerance");
    a.category().ifPresent(c -> r.putArray("category").add(c.code()));
    a.criticality().ifPresent(c -> r.put("criticality", c.code()));
    r.set("code", concept(a.substance(), a.code().orElse(null)));
    r.set("patient", FhirDocuments.patientRef(patient));
    if (!a.reactions().isEmpty()) {
      ArrayNode manifestations = r.putArray("reaction").addObject().putArray("manifestation");
      for (String reaction : a.reactions()) {
        manifestations.addObject().put("text", reaction);
      }
    }
    return r;
  }

  public static ObjectNode treatment(Ins patient, Treatment t) {
    ObjectNode r = resource("MedicationStatement");
    r.put("status", t.current() ? "active" : "completed");
    r.set("medicationCodeableConcept", concept(t.medication(), t.code().orElse(null)));
    r.set("subject", FhirDocuments.patientRef(patient));
    if (t.start().isPresent() || t.end().isPresent()) {
      ObjectNode period = r.putObject("effectivePeriod");
      t.start().ifPresent(d -> period.put("start", d.toString()));
      t.end().ifPresent(d -> period.put("end", d.toString()));
    }
    t.dosage().ifPresent(d -> r.putArray("dosage").addObject().put("text", d));
    return r;
  }

  public static ObjectNode immunization(Ins patient, Vaccination v) {
    ObjectNode r = resource("Immunization");
    r.put("status", "completed");
    r.set("vaccineCode", concept(v.vaccine(), v.code().orElse(null)));
    r.set("patient", FhirDocuments.patientRef(patient));
    r.put("occurrenceDateTime", v.date().toString());
    v.lotNumber().ifPresent(l -> r.put("lotNumber", l));
    return r;
  }

  public static ObjectNode observation(Ins patient, Measurement m) {
    ObjectNode r = resource("Observation");
    r.put("status", "final");
    r.set("code", codeable(LOINC, m.loinc(), null));
    r.set("subject", FhirDocuments.patientRef(patient));
    r.put("effectiveDateTime", m.at().toString());
    if (m.kind() == MeasurementKind.BLOOD_PRESSURE) {
      ArrayNode components = r.putArray("component");
      components.add(component(SYSTOLIC, m.systolic().orElseThrow(), m.unit()));
      components.add(component(DIASTOLIC, m.diastolic().orElseThrow(), m.unit()));
    } else {
      r.set("valueQuantity", quantity(m.value().orElseThrow(), m.unit()));
    }
    return r;
  }

  public static ObjectNode familyMemberHistory(Ins patient, FamilyHistoryEntry f) {
    ObjectNode r = resource("FamilyMemberHistory");
    r.put("status", "completed");
    r.set("patient", FhirDocuments.patientRef(patient));
    r.set("relationship", codeable(FamilyRelation.SYSTEM, f.relation().code(), null));
    r.putArray("condition").addObject().set("code", concept(f.condition(), f.code().orElse(null)));
    return r;
  }

  public static ObjectNode organDonation(Ins patient, OrganDonationWish wish) {
    ObjectNode r = resource("Observation");
    r.put("status", "final");
    r.set("code", codeable(PROFILE_ITEM, ORGAN_DONATION_CODE, null));
    r.set("subject", FhirDocuments.patientRef(patient));
    r.set("valueCodeableConcept", codeable(ORGAN_DONATION, wish.name(), null));
    return r;
  }

  // ---- reading

  public static HistoryEntry readCondition(JsonNode r) {
    String kind = "";
    for (JsonNode category : r.path("category")) {
      for (JsonNode c : category.path("coding")) {
        if (LOINC.equals(c.path("system").asText())) {
          kind = c.path("code").asText();
        }
      }
    }
    String clinical = r.path("clinicalStatus").path("coding").path(0).path("code").asText("");
    String onset = r.path("onsetDateTime").asText(null);
    return HistoryEntry.builder()
        .kind(
            HistoryKind.SURGICAL.loinc().equals(kind) ? HistoryKind.SURGICAL : HistoryKind.MEDICAL)
        .description(r.path("code").path("text").asText())
        .code(code(r.path("code")))
        .onset(onset == null ? null : LocalDate.parse(onset.substring(0, 10)))
        .ongoing("active".equals(clinical) || "recurrence".equals(clinical))
        .build();
  }

  public static Allergy readAllergy(JsonNode r) {
    Allergy.Builder b =
        Allergy.builder()
            .substance(r.path("code").path("text").asText())
            .code(code(r.path("code")));
    String category = r.path("category").path(0).asText("");
    for (Allergy.Category c : Allergy.Category.values()) {
      if (c.code().equals(category)) {
        b.category(c);
      }
    }
    String criticality = r.path("criticality").asText("");
    for (Allergy.Criticality c : Allergy.Criticality.values()) {
      if (c.code().equals(criticality)) {
        b.criticality(c);
      }
    }
    for (JsonNode reaction : r.path("reaction")) {
      for (JsonNode m : reaction.path("manifestation")) {
        b.reaction(m.path("text").asText());
      }
    }
    return b.build();
  }

  public static Treatment readTreatment(JsonNode r) {
    JsonNode period = r.path("effectivePeriod");
    String start = period.path("start").asText(null);
    String end = period.path("end").asText(null);
    String dosage = r.path("dosage").path(0).path("text").asText(null);
    return Treatment.builder()
        .medication(r.path("medicationCodeableConcept").path("text").asText())
        .code(code(r.path("medicationCodeableConcept")))
        .dosage(dosage)
        .start(start == null ? null : LocalDate.parse(start.substring(0, 10)))
        .end(end == null ? null : LocalDate.parse(end.substring(0, 10)))
        .build();
  }

  public static Vaccination readImmunization(JsonNode r) {
    return Vaccination.builder()
        .vaccine(r.path("vaccineCode").path("text").asText())
        .code(code(r.path("vaccineCode")))
        .date(LocalDate.parse(r.path("occurrenceDateTime").asText().substring(0, 10)))
        .lotNumber(r.path("lotNumber").asText(null))
        .build();
  }

  public static Measurement readMeasurement(JsonNode r) {
    String loinc = "";
    for (JsonNode c : r.path("code").path("coding")) {
      if (LOINC.equals(c.path("system").asText())) {
        loinc = c.path("code").asText();
      }
    }
    Instant at = Instant.parse(r.path("effectiveDateTime").asText());
    for (MeasurementKind kind : MeasurementKind.values()) {
      for (String unit : kind.units()) {
        if (!kind.loinc(unit).equals(loinc)) {
          continue;
        }
        Measurement.Builder b = Measurement.builder(kind).at(at);
        if (kind == MeasurementKind.BLOOD_PRESSURE) {
          double systolic = Double.NaN;
          double diastolic = Double.NaN;
          for (JsonNode component : r.path("component")) {
            String c = component.path("code").path("coding").path(0).path("code").asText();
            double v = component.path("valueQuantity").path("value").asDouble(Double.NaN);
            if (SYSTOLIC.equals(c)) {
              systolic = v;
            } else if (DIASTOLIC.equals(c)) {
              diastolic = v;
            }
          }
          return b.pressure(systolic, diastolic).build();
        }
        JsonNode q = r.path("valueQuantity");
        return b.value(q.path("value").asDouble(Double.NaN), q.path("code").asText()).build();
      }
    }
    throw new MesClientException("the server sent a measurement of an unknown code");
  }

  public static FamilyHistoryEntry readFamilyMemberHistory(JsonNode r) {
    JsonNode condition = r.path("condition").path(0).path("code");
    return FamilyHistoryEntry.builder()
        .relation(
            FamilyRelation.fromCode(
                r.path("relationship").path("coding").path(0).path("code").asText()))
        .condition(condition.path("text").asText())
        .code(code(condition))
        .build();
  }

  public static OrganDonationWish readOrganDonation(JsonNode r) {
    String code = r.path("valueCodeableConcept").path("coding").path(0).path("code").asText("");
    for (OrganDonationWish w : OrganDonationWish.values()) {
      if (w.name().equals(code)) {
        return w;
      }
    }
    throw new MesClientException("the server sent an organ donation wish mes4j does not know");
  }

  // ---- pieces

  private static ObjectNode resource(String type) {
    ObjectNode r = F.objectNode();
    r.put("resourceType", type);
    return r;
  }

  private static ObjectNode concept(String text, @Nullable ClinicalCode code) {
    ObjectNode c = F.objectNode();
    if (code != null) {
      ObjectNode coding = c.putArray("coding").addObject();
      coding.put("system", code.system()).put("code", code.code());
      if (code.display() != null) {
        coding.put("display", code.display());
      }
    }
    c.put("text", text);
    return c;
  }

  private static ObjectNode codeable(String system, String code, @Nullable String display) {
    ObjectNode c = F.objectNode();
    ObjectNode coding = c.putArray("coding").addObject().put("system", system).put("code", code);
    if (display != null) {
      coding.put("display", display);
    }
    return c;
  }

  private static @Nullable ClinicalCode code(JsonNode concept) {
    JsonNode coding = concept.path("coding").path(0);
    if (coding.isMissingNode()) {
      return null;
    }
    return new ClinicalCode(
        coding.path("system").asText(),
        coding.path("code").asText(),
        coding.path("display").asText(null));
  }

  private static ObjectNode quantity(double value, String unit) {
    return F.objectNode()
        .put("value", BigDecimal.valueOf(value).stripTrailingZeros())
        .put("unit", unit)
        .put("system", UCUM)
        .put("code", unit);
  }

  private static ObjectNode component(String loinc, double value, String unit) {
    ObjectNode c = F.objectNode();
    c.set("code", codeable(LOINC, loinc, null));
    c.set("valueQuantity", quantity(value, unit));
    return c;
  }

  private static Author author(JsonNode identifier) {
    String system = identifier.path("system").asText("");
    String value = identifier.path("value").asText("");
    AuthorKind kind;
    if (ProfessionalId.SYSTEM.equals(system)) {
      kind = AuthorKind.PROFESSIONAL;
    } else if (system.startsWith("urn:oid:1.2.250.1.213.1.4.")) {
      kind = AuthorKind.PATIENT;
    } else if ("urn:oid:1.2.250.1.71.4.2.2".equals(system)) {
      kind = AuthorKind.ORGANISATION;
    } else {
      kind = AuthorKind.SERVICE;
    }
    return new Author(kind, value);
  }

  private static @Nullable String nextLink(JsonNode bundle) {
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asText())) {
        return link.path("url").asText();
      }
    }
    return null;
  }

  private static JsonNode read(byte[] body) {
    try {
      return JsonCodec.mapper().readTree(body);
    } catch (IOException e) {
      throw new MesClientException("the server sent JSON mes4j cannot read", e);
    }
  }

  private static byte[] write(JsonNode node) {
    try {
      return JsonCodec.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new MesClientException("serialising a request failed", e);
    }
  }
}
