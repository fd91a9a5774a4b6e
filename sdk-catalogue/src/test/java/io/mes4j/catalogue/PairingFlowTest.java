package io.mes4j.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mes4j.catalogue.internal.Forms;
import io.mes4j.catalogue.internal.Pkce;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.OAuthException;
import io.mes4j.core.identity.ServiceId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The app side of a pairing without a server: the authorisation URL and the callback checks. */
class PairingFlowTest {
  private static final URI REDIRECT = URI.create("https://agenda.example/callback");
  private final TokenStore store = TokenStore.inMemory();
  private final PairingFlow flow =
      PairingFlow.builder()
          .baseUrl("http://127.0.0.1:1/")
          .clientId(ServiceId.of("urn:oid:2.999.1.1"))
          .redirectUri(REDIRECT)
          .tokenStore(store)
          .build();

  @AfterEach
  void close() {
    flow.close();
  }

  @Test
  void start_buildsAnAuthorizationCodeUrlWithS256AndARandomState() {
    // CAT-2
    // GIVEN a flow for the agenda app
    // WHEN an authorisation is started for two finalities
    AuthorizationRequest auth =
        flow.start("user-1", Set.of(Finality.AGENDA_WRITE, Finality.AGENDA_READ));

    // THEN the URL asks a code with PKCE S256, the client, the redirect and the scope
    assertThat(auth.url().toString()).startsWith("http://127.0.0.1:1/oauth2/authorize?");
    List<Map.Entry<String, String>> q = Forms.query(auth.url());
    assertThat(Forms.first(q, "response_type")).contains("code");
    assertThat(Forms.first(q, "client_id")).contains("urn:oid:2.999.1.1");
    assertThat(Forms.first(q, "redirect_uri")).contains(REDIRECT.toString());
    assertThat(Forms.first(q, "scope")).contains("AGENDA_READ AGENDA_WRITE");
    assertThat(Forms.first(q, "code_challenge_method")).contains("S256");
    assertThat(Forms.first(q, "state")).contains(auth.state());
    // AND the store keeps the verifier whose challenge was sent, under the state
    PendingAuthorization pending = store.takePending(auth.state()).orElseThrow();
    assertThat(Forms.first(q, "code_challenge")).contains(Pkce.challenge(pending.codeVerifier()));
    assertThat(pending.account()).isEqualTo("user-1");
    assertThat(pending.toString()).doesNotContain(pending.codeVerifier(), auth.state());
    // AND another start has another state
    assertThat(flow.start("user-1", Set.of(Finality.AGENDA_READ)).state())
        .isNotEqualTo(auth.state());
  }

  @Test
  void complete_whenTheStateIsNotOneStarted_throwsStateMismatchAndExchangesNothing() {
    // CAT-2
    // GIVEN a started authorisation
    AuthorizationRequest auth = flow.start(Set.of(Finality.AGENDA_READ));

    // WHEN a callback comes with another state
    // THEN it is refused as a state mismatch, and the started one stays pending
    assertThatThrownBy(() -> flow.complete(URI.create(REDIRECT + "?code=abc&state=forged")))
        .isInstanceOf(StateMismatchException.class);
    assertThatThrownBy(() -> flow.complete(URI.create(REDIRECT + "?code=abc")))
        .isInstanceOf(StateMismatchException.class);
    assertThat(store.takePending(auth.state())).isPresent();
  }

  @Test
  void complete_whenTheHolderDenied_throwsAccessDeniedAndForgetsTheState() {
    // CAT-2
    // GIVEN a started authorisation the holder refused
    AuthorizationRequest auth = flow.start(Set.of(Finality.AGENDA_READ));
    URI callback = URI.create(REDIRECT + "?error=access_denied&state=" + auth.state());

    // WHEN it completes
    OAuthException e = catchThrowableOfType(OAuthException.class, () -> flow.complete(callback));

    // THEN the error is access_denied, and the same callback again is a state mismatch
    assertThat(e.error()).isEqualTo("access_denied");
    assertThatThrownBy(() -> flow.complete(callback)).isInstanceOf(StateMismatchException.class);
  }

  @Test
  void complete_whenTheCallbackIsForAnotherRedirect_isRefused() {
    // GIVEN a started authorisation
    AuthorizationRequest auth = flow.start(Set.of(Finality.AGENDA_READ));

    // WHEN a callback to another endpoint comes
    // THEN it is refused
    assertThatThrownBy(
            () ->
                flow.complete(
                    URI.create("https://evil.example/callback?code=x&state=" + auth.state())))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void start_withoutFinality_isRefused() {
    // GIVEN a flow
    // WHEN an authorisation is started for nothing
    // THEN it is refused
    assertThatThrownBy(() -> flow.start(Set.of())).isInstanceOf(InvalidValueException.class);
  }

  @Test
  void finality_ofAWellKnownCode_isTheConstantAndEqualsByCode() {
    // CAT-1
    // GIVEN the code of a well-known finality and a catalogue's description of it
    Finality described =
        Finality.of("AGENDA_READ", "Agenda", List.of("Appointment"), List.of("read"));

    // WHEN compared
    // THEN they are the same finality
    assertThat(Finality.of("AGENDA_READ")).isSameAs(Finality.AGENDA_READ);
    assertThat(described).isEqualTo(Finality.AGENDA_READ);
    assertThat(Finality.wellKnown()).hasSize(6);
    assertThatThrownBy(() -> Finality.of("agenda read")).isInstanceOf(InvalidValueException.class);
  }
}
