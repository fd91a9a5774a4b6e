package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.Test;

/**
 * Honest parity: every FHIR R4 resource type and interaction that {@code /fhir/metadata} does not
 * declare answers {@code 501} with an {@code OperationOutcome} saying so — never an empty result, a
 * 404 that pretends the thing was looked for, or a silent success.
 */
class HonestParityTest extends ServerTest {
  private record Call(String interaction, String method, String path, String contentType) {}

  private static List<Call> calls(String type) {
    String base = "/fhir/" + type;
    return List.of(
        new Call("read", "GET", base + "/parity-1", null),
        new Call("vread", "GET", base + "/parity-1/_history/1", null),
        new Call("update", "PUT", base + "/parity-1", "application/fhir+json"),
        new Call("patch", "PATCH", base + "/parity-1", "application/json-patch+json"),
        new Call("delete", "DELETE", base + "/parity-1", null),
        new Call("history-instance", "GET", base + "/parity-1/_history", null),
        new Call("history-type", "GET", base + "/_history", null),
        new Call("create", "POST", base, "application/fhir+json"),
        new Call("search-type", "GET", base, null),
        new Call("search-type", "POST", base + "/_search", "application/x-www-form-urlencoded"));
  }

  /** The (type, interaction) pairs the CapabilityStatement declares. */
  private static Set<String> declared() {
    JsonNode metadata = http.get("/fhir/metadata", null).json();
    Set<String> declared = new HashSet<>();
    for (JsonNode resource : metadata.path("rest").path(0).path("resource")) {
      for (JsonNode interaction : resource.path("interaction")) {
        declared.add(resource.get("type").asText() + " " + interaction.get("code").asText());
      }
    }
    for (JsonNode interaction : metadata.path("rest").path(0).path("interaction")) {
      declared.add("system " + interaction.get("code").asText());
    }
    return declared;
  }

  private static String problem(Answer answer) {
    if (answer.status() != 501) {
      return "status " + answer.status();
    }
    if (!answer.header("Content-Type").startsWith("application/fhir+json")
        || !"OperationOutcome".equals(answer.json().path("resourceType").asText())) {
      return "501 without an OperationOutcome";
    }
    if (!"not-implemented".equals(answer.cause())) {
      return "501 with cause " + answer.cause();
    }
    return null;
  }

  @Test
  void everyTypeAndInteractionNotInTheMetadata_is501WithAnOperationOutcome() {
    // GIVEN what the CapabilityStatement declares, and a valid token (so no 401 hides anything)
    Set<String> declared = declared();
    assertThat(declared).contains("DocumentReference search-type", "system transaction");
    String token = token(Fixtures.DOCTOR);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    // WHEN every other interaction on every R4 resource type is called
    List<String> dishonest = new ArrayList<>();
    int swept = 0;
    for (ResourceType type : ResourceType.values()) {
      String name = type.name();
      for (Call call : calls(name)) {
        if (declared.contains(name + " " + call.interaction())) {
          continue;
        }
        Answer answer =
            call.contentType() == null
                ? http.method(call.method(), call.path(), token)
                : http.send(call.method(), call.path(), token, call.contentType(), body);
        swept++;
        String problem = problem(answer);
        if (problem != null) {
          dishonest.add(
              call.method() + " " + call.path() + " (" + call.interaction() + "): " + problem);
        }
      }
    }
    // THEN each said it is not implemented
    assertThat(swept).isGreaterThan(1_000);
    assertThat(dishonest).isEmpty();
  }

  @Test
  void systemLevelInteractionsNotInTheMetadata_are501() {
    // GIVEN a valid token
    String token = token(Fixtures.DOCTOR);
    // WHEN / THEN system history, system search and operations are honestly not implemented
    for (String path :
        List.of(
            "/fhir/_history",
            "/fhir?_id=parity-1",
            "/fhir/$export",
            "/fhir/Patient/$everything",
            "/fhir/DocumentReference/parity-1/$meta")) {
      Answer answer = http.get(path, token);
      assertThat(problem(answer)).as(path).isNull();
    }
  }

  @Test
  void anUnknownResourceType_is404NotAPretendedParity() {
    Answer answer = http.get("/fhir/NoSuchType", token(Fixtures.DOCTOR));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.cause()).isEqualTo("not-found");
  }

  @Test
  void theControlPlane_answers501ForWhatItDoesNotHave() {
    Answer answer = http.control("GET", "/_mock/recordings", null);
    assertThat(problem(answer)).isNull();
  }
}
