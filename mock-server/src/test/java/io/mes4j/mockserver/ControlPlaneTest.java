package io.mes4j.mockserver;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ControlPlaneTest extends ServerTest {
  @Test
  void clock_startsAtTheFixedInstantAndMovesOnlyWhenTold() {
    assertThat(http.control("GET", "/_mock/clock", null).json().get("now").asText())
        .isEqualTo(START.toString());
    Answer advanced = http.control("POST", "/_mock/clock/advance", Map.of("duration", "P14D"));
    assertThat(advanced.json().get("now").asText()).isEqualTo("2026-12-12T10:00:00Z");
    Answer set = http.control("PUT", "/_mock/clock", Map.of("now", "2027-01-01T00:00:00Z"));
    assertThat(set.json().get("now").asText()).isEqualTo("2027-01-01T00:00:00Z");
    assertThat(server.control().now()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void clock_neverGoesBack() {
    Answer answer = http.control("PUT", "/_mock/clock", Map.of("now", "2020-01-01T00:00:00Z"));
    assertThat(answer.status()).isEqualTo(409);
    assertThatThrownBy(() -> server.control().setClock(Instant.parse("2020-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clock_withABadDuration_is400() {
    assertThat(http.control("POST", "/_mock/clock/advance", Map.of("duration", "soon")).status())
        .isEqualTo(400);
  }

  @Test
  void reset_overHttp_emptiesTheState() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.9.1", LABORATORY);
    assertThat(http.control("POST", "/_mock/reset", null).status()).isEqualTo(204);
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
  }

  @Test
  void reset_toEmpty_leavesNoDossier() {
    assertThat(http.control("POST", "/_mock/reset", Map.of("fixtures", "empty")).status())
        .isEqualTo(204);
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").status()).isEqualTo(404);
  }

  @Test
  void reset_givesTheSameIdentifiersAgain() {
    String first =
        deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.9.2", LABORATORY);
    server.control().reset();
    String second =
        deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.9.2", LABORATORY);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void outbox_listsNoticesOverHttp() {
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.9.3", LABORATORY);
    Answer answer = http.control("GET", "/_mock/outbox", null);
    assertThat(answer.json().get("notifications")).hasSize(1);
    assertThat(answer.json().get("notifications").get(0).get("kind").asText())
        .isEqualTo("DOCUMENT_ADDED");
  }

  @Test
  void unimplementedControlCalls_are501() {
    assertThat(http.control("GET", "/_mock/recordings", null).status()).isEqualTo(501);
    assertThat(http.control("GET", "/_mock/snapshots", null).status()).isEqualTo(501);
    assertThat(http.control("PUT", "/_mock/webhooks", Map.of()).status()).isEqualTo(501);
  }

  // DOC-6
  @Test
  void invisiblePatient_afterTwoWeeksNotifiesAndAfterAMonthLiftsItself() {
    // GIVEN a document invisible to the holder
    deposit(
        Fixtures.DOCTOR,
        Fixtures.ADULT,
        "urn:oid:1.2.250.1.999.9.4",
        LABORATORY,
        "INVISIBLE_PATIENT");
    // WHEN 13 days pass, nothing; at 14 days, a pending notice
    server.control().advanceClock(Duration.ofDays(13));
    assertThat(server.control().outbox()).isEmpty();
    server.control().advanceClock(Duration.ofDays(1));
    assertThat(server.control().outbox())
        .extracting(Notification::kind)
        .containsExactly(Notification.Kind.DOCUMENT_PENDING);
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
    // THEN at one month (2026-12-28) it lifts and the holder sees it
    server.control().setClock(Instant.parse("2026-12-28T09:59:59Z"));
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isZero();
    server.control().setClock(Instant.parse("2026-12-28T10:00:00Z"));
    assertThat(search(token(Fixtures.ADULT), Fixtures.ADULT, "").json().get("total").asInt())
        .isEqualTo(1);
  }
}
