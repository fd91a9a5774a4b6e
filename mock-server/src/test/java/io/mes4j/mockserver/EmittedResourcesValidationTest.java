package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.FhirValidation;
import io.mes4j.mockserver.support.Recorded;
import io.mes4j.mockserver.support.ServerTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every FHIR resource the server emitted in this test run validates with the HAPI FHIR R4
 * validator. Runs last (see junit-platform.properties); it first exercises every endpoint itself,
 * so it never validates an empty set.
 */
@Order(Integer.MAX_VALUE)
class EmittedResourcesValidationTest extends ServerTest {

  @Test
  void everyResourceTheServerEmitted_isValidFhirR4() {
    // GIVEN one of each answer
    String id =
        deposit(
            Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.10.1", LABORATORY, "MASQUE_PS");
    http.postJson(
        "/fhir",
        token(Fixtures.DOCTOR),
        Documents.iti65(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.10.2", LABORATORY, Documents.pdf("v")));
    search(token(Fixtures.ADULT), Fixtures.ADULT, "&_count=1");
    http.get("/fhir/DocumentReference/" + id, token(Fixtures.ADULT));
    String binary =
        http.get("/fhir/DocumentReference/" + id, token(Fixtures.ADULT))
            .json()
            .get("content")
            .get(0)
            .get("attachment")
            .get("url")
            .asText();
    http.get("/fhir/" + binary, token(Fixtures.ADULT), Map.of("Accept", "application/fhir+json"));
    search(token(Fixtures.DOCTOR_UNAUTHORISED), Fixtures.ADULT, "");
    http.get("/fhir/AuditEvent?" + patientParam(Fixtures.ADULT), token(Fixtures.ADULT));
    http.get("/fhir/metadata", null);
    http.get("/fhir/Patient", null);

    // WHEN validating everything recorded in this JVM
    List<Recorded.Body> bodies = Recorded.all();
    List<String> failures = new ArrayList<>();
    for (Recorded.Body body : bodies) {
      for (String error : FhirValidation.errors(body.json())) {
        failures.add(body.request() + " -> " + error);
      }
    }

    // THEN
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(9);
    assertThat(failures).isEmpty();
  }
}
