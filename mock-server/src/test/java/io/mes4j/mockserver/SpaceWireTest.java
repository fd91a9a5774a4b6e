package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The space's lifecycle on the wire (docs/wire-contract.md, "Space lifecycle"). */
class SpaceWireTest extends ServerTest {
  private static final String TEST_NIR = "urn:oid:1.2.250.1.213.1.4.10";

  private static Map<String, Object> patientParameter(String ins) {
    return Map.of(
        "resourceType",
        "Parameters",
        "parameter",
        List.of(
            Map.of(
                "name", "patient", "valueIdentifier", Map.of("system", TEST_NIR, "value", ins))));
  }

  @Test
  void statusSearch_withoutIdentifier_is400() {
    // ES-1: a clear 400, never a 500
    Answer answer = http.postForm("/fhir/Patient/_search", token(Fixtures.DOCTOR), "");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-request");
  }

  @Test
  void operation_withAnotherBodyThanParameters_is400() {
    // ES-1
    Answer answer =
        http.postJson(
            "/fhir/Patient/$close", token(Fixtures.ADULT), Map.of("resourceType", "Patient"));
    assertThat(answer.status()).isEqualTo(400);
  }

  @Test
  void operation_withAnInvalidIns_is400InvalidIns() {
    // ID-1
    Answer answer =
        http.postJson(
            "/fhir/Patient/$activate",
            token(Fixtures.PENDING),
            patientParameter("290051305512399"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.cause()).isEqualTo("invalid-ins");
  }

  @Test
  void oppose_afterTheWindow_is409TransitionNotAllowedNamingTheState() {
    // ES-3
    server.control().advanceClock(java.time.Duration.ofDays(42));
    Answer answer =
        http.postJson(
            "/fhir/Patient/$oppose",
            token(Fixtures.PENDING),
            patientParameter(Fixtures.Ids.PENDING));
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.cause()).isEqualTo("transition-not-allowed");
    assertThat(answer.text()).contains("ACTIVE");
  }

  @Test
  void controlPlane_createSpace_opensANewPendingSpaceForADeletedIns_only() {
    // ES-2, ES-5
    Answer created =
        http.control(
            "POST", "/_mock/spaces", Map.of("ins", Fixtures.Ids.DELETED, "system", TEST_NIR));
    assertThat(created.status()).isEqualTo(204);
    Answer status =
        http.postForm(
            "/fhir/Patient/_search",
            token(Fixtures.DOCTOR),
            "identifier="
                + java.net.URLEncoder.encode(
                    TEST_NIR + "|" + Fixtures.Ids.DELETED, StandardCharsets.UTF_8));
    assertThat(status.json().at("/entry/0/resource/extension/0/valueCode").asText())
        .isEqualTo("PENDING");
    assertThat(server.control().outbox())
        .extracting(Notification::kind)
        .contains(Notification.Kind.SPACE_ANNOUNCED);

    Answer again =
        http.control(
            "POST", "/_mock/spaces", Map.of("ins", Fixtures.Ids.ADULT, "system", TEST_NIR));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.cause()).isEqualTo("transition-not-allowed");
  }
}
