package io.mes4j.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.core.MesClient;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.JsonCodec;
import io.mes4j.core.internal.SearchForm;
import java.nio.charset.StandardCharsets;

/**
 * The agenda calls a paired service makes (AG-1), through the client's executor as the agenda
 * module makes them: this module's tests need no other capability module.
 */
final class AgendaCalls {
  private AgendaCalls() {}

  /** How many appointments a search of the patient's agenda answers. */
  static int appointments(MesClient client, Ins patient) {
    ApiRequest search =
        new SearchForm("Appointment")
            .add("patient.identifier", patient.system().uri() + "|" + patient.value())
            .request();
    JsonNode bundle = JsonCodec.readTree(CoreAccess.executor(client).execute(search).body());
    return bundle.path("entry").size();
  }

  /** Books an appointment with the treating doctor on 2026-12-03; its id. */
  static String book(MesClient client, Ins patient) {
    String body =
        """
        {"resourceType": "Appointment", "status": "booked", "description": "Consultation",
         "start": "2026-12-03T09:00:00Z", "end": "2026-12-03T09:30:00Z",
         "participant": [
           {"actor": {"identifier": {"system": "%s", "value": "%s"}}, "required": "required",
            "status": "accepted"},
           {"actor": {"identifier": {"system": "urn:oid:1.2.250.1.71.4.2.1",
                                     "value": "810000000017"}}, "required": "required",
            "status": "accepted"}]}
        """
            .formatted(patient.system().uri(), patient.value());
    ApiRequest book =
        ApiRequest.builder("POST", "/fhir/Appointment")
            .body(body.getBytes(StandardCharsets.UTF_8), ApiRequest.FHIR_JSON)
            .withNewIdempotencyKey()
            .build();
    return JsonCodec.readTree(CoreAccess.executor(client).execute(book).body()).path("id").asText();
  }
}
