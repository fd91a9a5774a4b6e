package io.mes4j.mockserver.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.ObservedResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Records every FHIR JSON answer a server sends while it is open, then validates each with the HAPI
 * FHIR R4 validator. For test classes that drive the server through the SDK:
 *
 * <pre>{@code
 * static EmittedFhir emitted;
 * @BeforeAll static void record(MockServer server) { emitted = EmittedFhir.record(server); }
 * @AfterAll static void validate() { emitted.assertAllValid(); }
 * }</pre>
 */
public final class EmittedFhir {
  private final ConcurrentLinkedQueue<ObservedResponse> seen = new ConcurrentLinkedQueue<>();
  private final MockServer.Registration registration;

  private EmittedFhir(MockServer server) {
    this.registration =
        server.addResponseListener(
            r -> {
              if (r.isFhirJson()) {
                seen.add(r);
              }
            });
  }

  /** Starts recording. */
  public static EmittedFhir record(MockServer server) {
    return new EmittedFhir(server);
  }

  /** How many FHIR answers were recorded. */
  public int count() {
    return seen.size();
  }

  /** Stops recording and asserts that every recorded answer is valid FHIR R4, naming each error. */
  public void assertAllValid() {
    registration.close();
    Map<String, List<String>> invalid = new LinkedHashMap<>();
    for (ObservedResponse r : new ArrayList<>(seen)) {
      List<String> errors = FhirValidation.errors(new String(r.body(), StandardCharsets.UTF_8));
      if (!errors.isEmpty()) {
        invalid.put(r.method() + " " + r.pathTemplate() + " " + r.status(), errors);
      }
    }
    assertThat(seen).as("FHIR answers recorded").isNotEmpty();
    assertThat(invalid).as("FHIR answers that fail R4 validation").isEmpty();
  }
}
