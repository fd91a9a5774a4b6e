package io.mes4j.mockserver.internal.profile;

import static io.mes4j.mockserver.internal.profile.ProfileCodes.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.Fields;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.policy.ProfileSection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a profile resource sent by a client into the resource the server stores: every field is
 * checked (a 400 naming it, before any state is touched) and only the fields of the wire contract
 * are kept; what the server sets (id, meta, who recorded it, when) is added later by {@link
 * ProfileEndpoints}.
 */
final class ProfileReader {
  private static final int MAX_TEXT = 500;
  private static final int MAX_ITEMS = 20;
  private static final Pattern URI = Pattern.compile("^(https?://|urn:)\\S+$");
  private static final Pattern CODE = Pattern.compile("^\\S{1,100}$");

  /** A checked resource, without what the server sets. */
  record Parsed(Ins patient, ProfileSection section, String code, ObjectNode resource) {}

  private ProfileReader() {}

  static Parsed read(ProfileType type, ObjectNode in) {
    String name = type.resourceType();
    String resourceType = Fields.text(in, "resourceType", "resourceType");
    if (!resourceType.equals(name)) {
      throw HttpError.badRequest("Field resourceType must be " + name + " on this endpoint");
    }
    Ins patient =
        patient(
            Fields.object(in, type.patientField(), name + "." + type.patientField()),
            name + "." + type.patientField());
    ObjectNode out = Json.object();
    out.put("resourceType", name);
    return switch (type) {
      case CONDITION -> condition(in, out, patient);
      case ALLERGY_INTOLERANCE -> allergy(in, out, patient);
      case MEDICATION_STATEMENT -> treatment(in, out, patient);
      case IMMUNIZATION -> vaccination(in, out, patient);
      case OBSERVATION -> observation(in, out, patient);
      case FAMILY_MEMBER_HISTORY -> familyHistory(in, out, patient);
    };
  }

  // PRO-1: medical (11348-0) or surgical (47519-4) history, always a problem-list item.
  private static Parsed condition(ObjectNode in, ObjectNode out, Ins patient) {
    String kind = null;
    ArrayNode categories = Fields.optionalArray(in, "category", "Condition.category");
    if (categories != null) {
      for (JsonNode category : categories) {
        for (JsonNode coding : category.path("coding")) {
          String code = coding.path("code").asText("");
          if (LOINC.equals(coding.path("system").asText(""))
              && (code.equals(HISTORY_MEDICAL) || code.equals(HISTORY_SURGICAL))) {
            kind = code;
          }
        }
      }
    }
    if (kind == null) {
      throw HttpError.badRequest(
          "Field Condition.category must hold the LOINC coding "
              + HISTORY_MEDICAL
              + " (medical history) or "
              + HISTORY_SURGICAL
              + " (surgical history)");
    }
    String clinical =
        oneOf(
            conceptCode(in, "clinicalStatus", "Condition.clinicalStatus"),
            Set.of("active", "inactive", "resolved"),
            "active",
            "Condition.clinicalStatus");
    out.set("clinicalStatus", concept(CONDITION_CLINICAL, clinical));
    out.set("verificationStatus", concept(CONDITION_VERIFICATION, "confirmed"));
    ArrayNode category = out.putArray("category");
    category.add(concept(CONDITION_CATEGORY, "problem-list-item"));
    category
        .addObject()
        .putArray("coding")
        .add(
            FhirWriter.coding(
                LOINC,
                kind,
                kind.equals(HISTORY_MEDICAL)
                    ? "History of Past illness Narrative"
                    : "History of Procedures Document"));
    out.set("code", text(in, "code", "Condition.code"));
    out.set("subject", reference(patient));
    String onset = Fields.optionalText(in, "onsetDateTime", "Condition.onsetDateTime");
    if (onset != null) {
      out.put("onsetDateTime", date(onset, "Condition.onsetDateTime"));
    }
    return new Parsed(patient, ProfileSection.HISTORY, LOINC + "|" + kind, out);
  }

  private static Parsed allergy(ObjectNode in, ObjectNode out, Ins patient) {
    String clinical =
        oneOf(
            conceptCode(in, "clinicalStatus", "AllergyIntolerance.clinicalStatus"),
            Set.of("active", "inactive", "resolved"),
            "active",
            "AllergyIntolerance.clinicalStatus");
    out.set("clinicalStatus", concept(ALLERGY_CLINICAL, clinical));
    out.set("verificationStatus", concept(ALLERGY_VERIFICATION, "confirmed"));
    ArrayNode categories = Fields.optionalArray(in, "category", "AllergyIntolerance.category");
    if (categories != null && !categories.isEmpty()) {
      ArrayNode category = out.putArray("category");
      for (int i = 0; i < categories.size(); i++) {
        JsonNode c = categories.get(i);
        String path = "AllergyIntolerance.category[" + i + "]";
        if (!c.isTextual()) {
          throw HttpError.badRequest("Field " + path + " must be a string");
        }
        category.add(
            oneOf(
                c.textValue(),
                Set.of("food", "medication", "environment", "biologic"),
                null,
                path));
      }
    }
    String criticality = Fields.optionalText(in, "criticality", "AllergyIntolerance.criticality");
    if (criticality != null) {
      out.put(
          "criticality",
          oneOf(
              criticality,
              Set.of("low", "high", "unable-to-assess"),
              null,
              "AllergyIntolerance.criticality"));
    }
    out.set("code", text(in, "code", "AllergyIntolerance.code"));
    out.set("patient", reference(patient));
    ArrayNode reactions = Fields.optionalArray(in, "reaction", "AllergyIntolerance.reaction");
    if (reactions != null && !reactions.isEmpty()) {
      limit(reactions, "AllergyIntolerance.reaction");
      ArrayNode reaction = out.putArray("reaction");
      for (int i = 0; i < reactions.size(); i++) {
        String path = "AllergyIntolerance.reaction[" + i + "]";
        ObjectNode r = Fields.element(reactions, i, "AllergyIntolerance.reaction");
        ArrayNode manifestations = Fields.array(r, "manifestation", path + ".manifestation");
        limit(manifestations, path + ".manifestation");
        ArrayNode m = reaction.addObject().putArray("manifestation");
        for (int j = 0; j < manifestations.size(); j++) {
          m.add(
              textConcept(
                  Fields.element(manifestations, j, path + ".manifestation"),
                  path + ".manifestation[" + j + "]"));
        }
      }
    }
    return new Parsed(patient, ProfileSection.ALLERGY, "", out);
  }

  private static Parsed treatment(ObjectNode in, ObjectNode out, Ins patient) {
    out.put(
        "status",
        oneOf(
            Fields.optionalText(in, "status", "MedicationStatement.status"),
            Set.of("active", "completed", "intended", "stopped", "on-hold"),
            "active",
            "MedicationStatement.status"));
    if (Fields.optional(in, "medicationReference") != null) {
      throw HttpError.badRequest(
          "Field MedicationStatement.medicationReference is not supported: use"
              + " medicationCodeableConcept");
    }
    out.set(
        "medicationCodeableConcept",
        text(in, "medicationCodeableConcept", "MedicationStatement.medicationCodeableConcept"));
    out.set("subject", reference(patient));
    ObjectNode period =
        Fields.optionalObject(in, "effectivePeriod", "MedicationStatement.effectivePeriod");
    if (period != null) {
      String path = "MedicationStatement.effectivePeriod";
      String start = Fields.optionalText(period, "start", path + ".start");
      String end = Fields.optionalText(period, "end", path + ".end");
      ObjectNode p = out.putObject("effectivePeriod");
      if (start != null) {
        p.put("start", date(start, path + ".start"));
      }
      if (end != null) {
        p.put("end", date(end, path + ".end"));
      }
      if (start != null && end != null && LocalDate.parse(end).isBefore(LocalDate.parse(start))) {
        throw HttpError.badRequest("Field " + path + ".end must not be before its start");
      }
      if (p.isEmpty()) {
        out.remove("effectivePeriod");
      }
    }
    ArrayNode dosages = Fields.optionalArray(in, "dosage", "MedicationStatement.dosage");
    if (dosages != null && !dosages.isEmpty()) {
      limit(dosages, "MedicationStatement.dosage");
      ArrayNode dosage = out.putArray("dosage");
      for (int i = 0; i < dosages.size(); i++) {
        String path = "MedicationStatement.dosage[" + i + "]";
        dosage
            .addObject()
            .put(
                "text",
                bounded(
                    Fields.text(
                        Fields.element(dosages, i, "MedicationStatement.dosage"),
                        "text",
                        path + ".text"),
                    path + ".text"));
      }
    }
    return new Parsed(patient, ProfileSection.TREATMENT, "", out);
  }

  private static Parsed vaccination(ObjectNode in, ObjectNode out, Ins patient) {
    out.put(
        "status",
        oneOf(
            Fields.optionalText(in, "status", "Immunization.status"),
            Set.of("completed"),
            "completed",
            "Immunization.status"));
    out.set("vaccineCode", text(in, "vaccineCode", "Immunization.vaccineCode"));
    out.set("patient", reference(patient));
    String occurrence = Fields.text(in, "occurrenceDateTime", "Immunization.occurrenceDateTime");
    out.put("occurrenceDateTime", dateOrDateTime(occurrence, "Immunization.occurrenceDateTime"));
    String lot = Fields.optionalText(in, "lotNumber", "Immunization.lotNumber");
    if (lot != null) {
      out.put("lotNumber", bounded(lot, "Immunization.lotNumber"));
    }
    return new Parsed(patient, ProfileSection.VACCINATION, "", out);
  }

  private static Parsed observation(ObjectNode in, ObjectNode out, Ins patient) {
    ObjectNode code = Fields.object(in, "code", "Observation.code");
    ArrayNode codings = Fields.array(code, "coding", "Observation.code.coding");
    Measure measure = null;
    boolean organ = false;
    for (JsonNode coding : codings) {
      String system = coding.path("system").asText("");
      String value = coding.path("code").asText("");
      if (LOINC.equals(system) && ProfileCodes.measure(value) != null) {
        measure = ProfileCodes.measure(value);
      } else if (PROFILE_ITEM.equals(system) && ORGAN_DONATION_CODE.equals(value)) {
        organ = true;
      }
    }
    if (measure == null && !organ) {
      throw new HttpError(
          Cause.UNKNOWN_CODE,
          "Field Observation.code must be a measurement (LOINC 29463-7, 8302-2, 85354-9, 2339-0,"
              + " 15074-8) or the organ donation wish ("
              + PROFILE_ITEM
              + "|"
              + ORGAN_DONATION_CODE
              + ")");
    }
    oneOf(
        Fields.optionalText(in, "status", "Observation.status"),
        Set.of("final"),
        "final",
        "Observation.status");
    out.put("status", "final");
    if (organ) {
      out.putArray("category").add(concept(OBSERVATION_CATEGORY, "social-history"));
      ObjectNode organCode = concept(PROFILE_ITEM, ORGAN_DONATION_CODE);
      ((ObjectNode) organCode.get("coding").get(0)).put("display", "Organ donation wish");
      out.set("code", organCode);
      out.set("subject", reference(patient));
      ObjectNode value =
          Fields.object(in, "valueCodeableConcept", "Observation.valueCodeableConcept");
      String wish = null;
      for (JsonNode coding :
          Fields.array(value, "coding", "Observation.valueCodeableConcept.coding")) {
        if (ORGAN_DONATION.equals(coding.path("system").asText(""))) {
          wish = coding.path("code").asText("");
        }
      }
      if (wish == null || !ORGAN_DONATION_VALUES.contains(wish)) {
        throw new HttpError(
            Cause.UNKNOWN_CODE,
            "Field Observation.valueCodeableConcept must be WILLING, REFUSING or UNSPECIFIED in "
                + ORGAN_DONATION);
      }
      out.set("valueCodeableConcept", concept(ORGAN_DONATION, wish));
      return new Parsed(
          patient, ProfileSection.ORGAN_DONATION, PROFILE_ITEM + "|" + ORGAN_DONATION_CODE, out);
    }
    out.putArray("category").add(concept(OBSERVATION_CATEGORY, measure.category()));
    ObjectNode measureCode = Json.object();
    measureCode
        .putArray("coding")
        .add(FhirWriter.coding(LOINC, measure.loinc(), measure.display()));
    measureCode.put("text", measure.display());
    out.set("code", measureCode);
    out.set("subject", reference(patient));
    String effective = Fields.text(in, "effectiveDateTime", "Observation.effectiveDateTime");
    out.put(
        "effectiveDateTime",
        Fields.dateTime(effective, "Observation.effectiveDateTime").toString());
    if (measure.loinc().equals(BLOOD_PRESSURE)) {
      if (Fields.optional(in, "valueQuantity") != null) {
        throw HttpError.badRequest(
            "A blood pressure has no Observation.valueQuantity: its values are the systolic and"
                + " diastolic components");
      }
      ArrayNode components = Fields.array(in, "component", "Observation.component");
      BigDecimal systolic = null;
      BigDecimal diastolic = null;
      for (int i = 0; i < components.size(); i++) {
        String path = "Observation.component[" + i + "]";
        ObjectNode component = Fields.element(components, i, "Observation.component");
        String c = null;
        for (JsonNode coding :
            Fields.array(
                Fields.object(component, "code", path + ".code"),
                "coding",
                path + ".code.coding")) {
          if (LOINC.equals(coding.path("system").asText(""))) {
            c = coding.path("code").asText("");
          }
        }
        BigDecimal value = quantity(component, path, measure);
        if (SYSTOLIC.equals(c) && systolic == null) {
          systolic = value;
        } else if (DIASTOLIC.equals(c) && diastolic == null) {
          diastolic = value;
        } else {
          throw new HttpError(
              Cause.UNKNOWN_CODE,
              "Field "
                  + path
                  + ".code must be LOINC "
                  + SYSTOLIC
                  + " (systolic) or "
                  + DIASTOLIC
                  + " (diastolic), each once");
        }
      }
      if (systolic == null || diastolic == null) {
        throw HttpError.badRequest(
            "A blood pressure needs a systolic ("
                + SYSTOLIC
                + ") and a diastolic ("
                + DIASTOLIC
                + ") component");
      }
      if (diastolic.compareTo(systolic) >= 0) {
        throw HttpError.badRequest("The diastolic pressure must be lower than the systolic");
      }
      ArrayNode component = out.putArray("component");
      component.add(component(SYSTOLIC, "Systolic blood pressure", systolic, measure));
      component.add(component(DIASTOLIC, "Diastolic blood pressure", diastolic, measure));
    } else {
      if (Fields.optional(in, "component") != null) {
        throw HttpError.badRequest("Only a blood pressure has Observation.component");
      }
      out.set("valueQuantity", quantity(quantity(in, "Observation", measure), measure));
    }
    return new Parsed(patient, ProfileSection.MEASUREMENT, LOINC + "|" + measure.loinc(), out);
  }

  private static Parsed familyHistory(ObjectNode in, ObjectNode out, Ins patient) {
    out.put(
        "status",
        oneOf(
            Fields.optionalText(in, "status", "FamilyMemberHistory.status"),
            Set.of("completed"),
            "completed",
            "FamilyMemberHistory.status"));
    out.set("patient", reference(patient));
    String relation =
        conceptCode(in, "relationship", "FamilyMemberHistory.relationship", ROLE_CODE);
    if (relation == null) {
      throw HttpError.badRequest(
          "Field FamilyMemberHistory.relationship must hold a coding of " + ROLE_CODE);
    }
    if (!RELATIONS.contains(relation)) {
      throw new HttpError(
          Cause.UNKNOWN_CODE,
          "Field FamilyMemberHistory.relationship must be one of " + sorted(RELATIONS));
    }
    out.set("relationship", concept(ROLE_CODE, relation));
    ArrayNode conditions = Fields.array(in, "condition", "FamilyMemberHistory.condition");
    if (conditions.size() != 1) {
      // Choice: one entry per relative and condition, so that each is removed on its own.
      throw HttpError.badRequest("Field FamilyMemberHistory.condition holds exactly one item");
    }
    ArrayNode condition = out.putArray("condition");
    for (int i = 0; i < conditions.size(); i++) {
      String path = "FamilyMemberHistory.condition[" + i + "]";
      condition
          .addObject()
          .set(
              "code",
              text(
                  Fields.element(conditions, i, "FamilyMemberHistory.condition"),
                  "code",
                  path + ".code"));
    }
    return new Parsed(patient, ProfileSection.FAMILY_HISTORY, "", out);
  }

  // ---- pieces

  private static Ins patient(JsonNode reference, String path) {
    JsonNode identifier = Fields.object(reference, "identifier", path + ".identifier");
    return ProfileEndpoints.ins(
        Fields.text(identifier, "system", path + ".identifier.system"),
        Fields.text(identifier, "value", path + ".identifier.value"));
  }

  static ObjectNode reference(Ins patient) {
    return FhirWriter.identifierReference(patient.system().uri(), patient.value());
  }

  /** A CodeableConcept with a required {@code text} and optional codings, checked and rebuilt. */
  private static ObjectNode text(JsonNode parent, String name, String path) {
    return textConcept(Fields.object(parent, name, path), path);
  }

  private static ObjectNode textConcept(ObjectNode in, String path) {
    ObjectNode out = Json.object();
    ArrayNode codings = Fields.optionalArray(in, "coding", path + ".coding");
    if (codings != null && !codings.isEmpty()) {
      limit(codings, path + ".coding");
      ArrayNode coding = out.putArray("coding");
      for (int i = 0; i < codings.size(); i++) {
        String at = path + ".coding[" + i + "]";
        ObjectNode c = Fields.element(codings, i, path + ".coding");
        String system = Fields.text(c, "system", at + ".system");
        if (!URI.matcher(system).matches()) {
          throw HttpError.badRequest("Field " + at + ".system must be an absolute URI");
        }
        String code = Fields.text(c, "code", at + ".code");
        if (!CODE.matcher(code).matches()) {
          throw HttpError.badRequest("Field " + at + ".code must be 1 to 100 non-blank characters");
        }
        String display = Fields.optionalText(c, "display", at + ".display");
        coding.add(FhirWriter.coding(system, code, display == null ? null : bounded(display, at)));
      }
    }
    out.put("text", bounded(Fields.text(in, "text", path + ".text"), path + ".text"));
    return out;
  }

  private static ObjectNode concept(String system, String code) {
    ObjectNode out = Json.object();
    out.putArray("coding").add(FhirWriter.coding(system, code, null));
    return out;
  }

  /** The code of a CodeableConcept's first coding (of {@code system} if given), or null. */
  private static @Nullable String conceptCode(JsonNode parent, String name, String path) {
    return conceptCode(parent, name, path, null);
  }

  private static @Nullable String conceptCode(
      JsonNode parent, String name, String path, @Nullable String system) {
    ObjectNode concept = Fields.optionalObject(parent, name, path);
    if (concept == null) {
      return null;
    }
    ArrayNode codings = Fields.optionalArray(concept, "coding", path + ".coding");
    if (codings == null) {
      return null;
    }
    for (int i = 0; i < codings.size(); i++) {
      ObjectNode coding = Fields.element(codings, i, path + ".coding");
      String s = Fields.optionalText(coding, "system", path + ".coding[" + i + "].system");
      if (system == null || system.equals(s)) {
        return Fields.text(coding, "code", path + ".coding[" + i + "].code");
      }
    }
    return null;
  }

  private static String oneOf(
      @Nullable String value, Set<String> allowed, @Nullable String fallback, String path) {
    if (value == null && fallback != null) {
      return fallback;
    }
    if (value == null || !allowed.contains(value)) {
      throw HttpError.badRequest("Field " + path + " must be one of " + sorted(allowed));
    }
    return value;
  }

  private static BigDecimal quantity(JsonNode parent, String path, Measure measure) {
    ObjectNode q = Fields.object(parent, "valueQuantity", path + ".valueQuantity");
    JsonNode value = Fields.optional(q, "value");
    if (value == null || !value.isNumber()) {
      throw HttpError.badRequest("Field " + path + ".valueQuantity.value must be a number");
    }
    String system = Fields.text(q, "system", path + ".valueQuantity.system");
    String code = Fields.text(q, "code", path + ".valueQuantity.code");
    if (!UCUM.equals(system) || !measure.unit().equals(code)) {
      throw new HttpError(
          Cause.UNKNOWN_CODE,
          "Field "
              + path
              + ".valueQuantity must be in "
              + measure.unit()
              + " ("
              + UCUM
              + ") for "
              + measure.display());
    }
    BigDecimal decimal = value.decimalValue();
    if (!measure.inRange(decimal)) {
      throw HttpError.badRequest(
          "Field "
              + path
              + ".valueQuantity.value must be above 0 and at most "
              + measure.max()
              + " "
              + measure.unit());
    }
    return decimal;
  }

  private static ObjectNode quantity(BigDecimal value, Measure measure) {
    ObjectNode q = Json.object();
    q.put("value", value);
    q.put("unit", measure.unitDisplay());
    q.put("system", UCUM);
    q.put("code", measure.unit());
    return q;
  }

  private static ObjectNode component(
      String loinc, String display, BigDecimal value, Measure measure) {
    ObjectNode c = Json.object();
    c.putObject("code").putArray("coding").add(FhirWriter.coding(LOINC, loinc, display));
    c.set("valueQuantity", quantity(value, measure));
    return c;
  }

  private static String date(String value, String path) {
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).toString();
      }
    } catch (DateTimeParseException e) {
      // falls through to the message
    }
    throw HttpError.badRequest("Field " + path + " must be a date such as 2020-05-31");
  }

  private static String dateOrDateTime(String value, String path) {
    if (value.length() == 10) {
      return date(value, path);
    }
    return Fields.dateTime(value, path).toString();
  }

  private static String bounded(String text, String path) {
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw HttpError.badRequest("Field " + path + " must be 1 to " + MAX_TEXT + " characters");
    }
    return text;
  }

  private static void limit(ArrayNode array, String path) {
    if (array.size() > MAX_ITEMS) {
      throw HttpError.badRequest("Field " + path + " holds at most " + MAX_ITEMS + " items");
    }
  }

  private static String sorted(Set<String> values) {
    return String.join(", ", new java.util.TreeSet<>(values));
  }
}
