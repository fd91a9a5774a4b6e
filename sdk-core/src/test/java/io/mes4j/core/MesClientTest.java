package io.mes4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.error.InvalidValueException;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MesClientTest {

  private static MesClient.Builder valid() {
    return MesClient.builder()
        .baseUrl("https://api.example/")
        .credentials(TokenProvider.staticToken("t"));
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.<Arguments>of(
        Arguments.of(
            (UnaryOperator<MesClient.Builder>)
                b -> MesClient.builder().credentials(TokenProvider.staticToken("t")),
            "baseUrl is required"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> b.baseUrl("ftp://api.example"),
            "http or https"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> b.baseUrl("https://api.example/x?q=1"),
            "query"),
        Arguments.of((UnaryOperator<MesClient.Builder>) b -> b.baseUrl("not a url"), "baseUrl"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> MesClient.builder().baseUrl("https://a.b"),
            "credentials are required"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> b.connectTimeout(Duration.ZERO),
            "connectTimeout"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> b.responseTimeout(Duration.ofSeconds(-1)),
            "responseTimeout"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> b.callTimeout(Duration.ZERO), "callTimeout"),
        Arguments.of((UnaryOperator<MesClient.Builder>) b -> b.maxConnections(0), "maxConnections"),
        Arguments.of(
            (UnaryOperator<MesClient.Builder>) b -> b.applicationId("has space"), "applicationId"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("invalidSettings")
  void build_withAnInvalidSetting_isRefusedNamingIt(
      UnaryOperator<MesClient.Builder> change, String expected) {
    // GIVEN a builder with one invalid setting
    MesClient.Builder builder = change.apply(valid());

    // WHEN it is built
    // THEN it is refused with a message naming the setting
    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining(expected);
  }

  @Test
  void build_withValidSettings_normalisesTheBaseUrlAndBuildsTheUserAgent() {
    // GIVEN valid settings with an application id
    // WHEN the client is built
    try (MesClient client = valid().applicationId("cabinet-42").build()) {
      // THEN the settings are readable
      assertThat(client.baseUrl()).isEqualTo("https://api.example");
      assertThat(client.accessMode()).isEqualTo(AccessMode.normal());
      assertThat(client.userAgent())
          .matches("mes4j/\\S+ java/\\S+ app/cabinet-42")
          .contains("java/" + System.getProperty("java.version"));
    }
  }

  @Test
  void userAgent_withoutApplicationId_endsWithTheJavaVersion() {
    // GIVEN no application id
    // WHEN the client is built
    try (MesClient client = valid().build()) {
      // THEN the user agent has no app part, and a version read from the build
      assertThat(client.userAgent()).matches("mes4j/\\S+ java/\\S+");
      assertThat(client.userAgent()).doesNotContain("${");
    }
  }

  @Test
  void variants_keepTheRootsSettingsWithTheirOwnModeOrApplicationId() {
    // GIVEN a root client
    try (MesClient root = valid().build()) {
      // WHEN variants are derived
      MesClient emergency = root.withAccessMode(AccessMode.breakGlass("unconscious"));
      MesClient app = emergency.withApplicationId("other-app");

      // THEN each carries its own option and the rest of its parent
      assertThat(emergency.accessMode().kind()).isEqualTo(AccessMode.Kind.BRIS_DE_GLACE);
      assertThat(emergency.baseUrl()).isEqualTo(root.baseUrl());
      assertThat(app.accessMode()).isEqualTo(emergency.accessMode());
      assertThat(app.userAgent()).endsWith("app/other-app");
      assertThat(root.accessMode()).isEqualTo(AccessMode.normal());
      assertThatThrownBy(() -> root.withApplicationId(""))
          .isInstanceOf(InvalidValueException.class);
    }
  }

  @Test
  void toBuilder_buildsAnIndependentClientWithTheSameSettings() {
    // GIVEN a client in centre 15 mode
    try (MesClient root = valid().accessMode(AccessMode.centre15()).build();
        // WHEN it is rebuilt from its builder with another application id
        MesClient copy = root.toBuilder().applicationId("copy").build()) {
      // THEN the copy has the settings and the change
      assertThat(copy.baseUrl()).isEqualTo(root.baseUrl());
      assertThat(copy.accessMode()).isEqualTo(AccessMode.centre15());
      assertThat(copy.userAgent()).endsWith("app/copy");
      assertThat(copy).isNotSameAs(root);
    }
  }

  @Test
  void policies_haveTheDocumentedDefaults() {
    // GIVEN the default policies
    RetryPolicy retry = RetryPolicy.ofDefaults();
    CircuitBreakerPolicy breaker = CircuitBreakerPolicy.ofDefaults();

    // WHEN they are read
    // THEN they hold the documented values
    assertThat(retry.maxAttempts()).isEqualTo(3);
    assertThat(retry.initialBackoff()).isEqualTo(Duration.ofMillis(200));
    assertThat(retry.maxBackoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(retry.multiplier()).isEqualTo(2.0);
    assertThat(retry.jitter()).isEqualTo(RetryPolicy.Jitter.FULL);
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    assertThat(breaker.enabled()).isTrue();
    assertThat(breaker.failureRateThreshold()).isEqualTo(50f);
    assertThat(breaker.slidingWindowSize()).isEqualTo(20);
    assertThat(breaker.minimumNumberOfCalls()).isEqualTo(10);
    assertThat(breaker.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(30));
    assertThat(breaker.permittedCallsInHalfOpenState()).isEqualTo(3);
    assertThat(CircuitBreakerPolicy.disabled().enabled()).isFalse();
  }

  @Test
  void policies_withOutOfRangeSettings_areRefused() {
    // GIVEN out-of-range settings
    // WHEN the policies are built
    // THEN they are refused
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0).build())
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(2))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> CircuitBreakerPolicy.builder().failureRateThreshold(0).build())
        .isInstanceOf(InvalidValueException.class);
  }
}
