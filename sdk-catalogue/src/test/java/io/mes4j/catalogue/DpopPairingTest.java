package io.mes4j.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.MesClient;
import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.error.DpopProofException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DPoP-bound pairing tokens (RFC 9449) through the SDK against the reference server: the flow binds
 * its tokens, the service's client signs a proof per request (with the server-nonce retry), and
 * every misuse of a bound token is refused typed. Proofs the SDK would never send are crafted at
 * transport level.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class DpopPairingTest {
  private static final URI AGENDA_CALLBACK = URI.create("https://agenda.example/callback");
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeWhatWasOpened() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  /** A DPoP flow, paired for AGENDA_READ by the adult holder. */
  private PairingFlow pairedFlow(MockServer server, MesClient holder, TokenStore store) {
    PairingFlow flow =
        PairingFlow.builder()
            .baseUrl(server.baseUrl())
            .clientId(Fixtures.AGENDA_APP)
            .redirectUri(AGENDA_CALLBACK)
            .tokenStore(store)
            .dpop(true)
            .build();
    opened.add(flow);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    flow.complete(
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ)));
    return flow;
  }

  private MesClient client(MockServer server, TokenProvider tokens) {
    MesClient client = MesClient.builder().baseUrl(server.baseUrl()).credentials(tokens).build();
    opened.add(client);
    return client;
  }

  private static int appointments(MesClient client) {
    return AgendaCalls.appointments(client, Fixtures.ADULT);
  }

  /**
   * The URL of an appointment of the paired patient, booked by the holder: no INS in a URL (the
   * HTTP clients may log request lines).
   */
  private static URI appointment(MockServer server, MesClient holder) {
    return URI.create(
        server.baseUrl() + "/fhir/Appointment/" + AgendaCalls.book(holder, Fixtures.ADULT));
  }

  /** The server's current nonce, from a refusal of a proof without one. */
  private static String nonce(URI target, DpopKey key, String token) {
    Raw.Answer a =
        Raw.get(
            target,
            Map.of(
                "Authorization", "DPoP " + token, "DPoP", key.proof("GET", target, token, null)));
    assertThat(a.status()).isEqualTo(401);
    assertThat(a.header("WWW-Authenticate")).contains("use_dpop_nonce");
    return a.header("DPoP-Nonce");
  }

  @Test
  void dpopFlow_bindsTheTokensAndTheServiceClientSignsItsProofsWithTheFlowsKey(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN a flow with DPoP on, paired
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = pairedFlow(server, holder, store);

    // WHEN a client is built with the flow's token provider, and it reads, refreshes and reads
    MesClient service = client(server, flow.tokenProvider("jean"));
    int before = appointments(service);
    StoredTokens refreshed = flow.refresh("jean");
    int after = appointments(service);

    // THEN the tokens are bound, the client uses the flow's key, and every call succeeded
    assertThat(store.get("jean").orElseThrow().dpopBound()).isTrue();
    assertThat(refreshed.dpopBound()).isTrue();
    assertThat(service.dpopKey()).isEqualTo(flow.dpopKey());
    assertThat(before).isZero();
    assertThat(after).isZero();
  }

  @Test
  void boundToken_sentWithoutItsProof_isRefused(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2 (RFC 9449 §7.1)
    // GIVEN a bound token, given to a client without DPoP
    TokenStore store = TokenStore.inMemory();
    pairedFlow(server, holder, store);
    String bound = store.get("jean").orElseThrow().accessToken();
    MesClient bearerOnly = client(server, TokenProvider.staticToken(bound));

    // WHEN it calls (Bearer, no proof)
    // THEN it is refused: invalid DPoP proof
    assertThatThrownBy(() -> appointments(bearerOnly)).isInstanceOf(DpopProofException.class);
  }

  @Test
  void proof_replayed_isRefused(MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2 (RFC 9449 §11.1)
    // GIVEN a bound token and a valid proof with the server's nonce, accepted once
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = pairedFlow(server, holder, store);
    DpopKey key = flow.dpopKey().orElseThrow();
    String token = store.get("jean").orElseThrow().accessToken();
    URI target = appointment(server, holder);
    String proof = key.proof("GET", target, token, nonce(target, key, token));
    Map<String, String> headers = Map.of("Authorization", "DPoP " + token, "DPoP", proof);
    assertThat(Raw.get(target, headers).status()).isEqualTo(200);

    // WHEN the same proof is sent again
    Raw.Answer replay = Raw.get(target, headers);

    // THEN it is refused, typed
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.error()).isInstanceOf(DpopProofException.class);
  }

  @Test
  void proof_forAnotherMethodOrUrlOrKey_isRefused(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2 (RFC 9449 §4.3)
    // GIVEN a bound token and the server's nonce
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = pairedFlow(server, holder, store);
    DpopKey key = flow.dpopKey().orElseThrow();
    String token = store.get("jean").orElseThrow().accessToken();
    URI target = appointment(server, holder);
    String nonce = nonce(target, key, token);

    // WHEN proofs are sent for POST, for another URL, and by another key
    Raw.Answer otherMethod =
        Raw.get(
            target,
            Map.of(
                "Authorization", "DPoP " + token, "DPoP", key.proof("POST", target, token, nonce)));
    Raw.Answer otherUrl =
        Raw.get(
            target,
            Map.of(
                "Authorization",
                "DPoP " + token,
                "DPoP",
                key.proof(
                    "GET",
                    URI.create(server.baseUrl() + "/fhir/DocumentReference"),
                    token,
                    nonce)));
    Raw.Answer otherKey =
        Raw.get(
            target,
            Map.of(
                "Authorization",
                "DPoP " + token,
                "DPoP",
                DpopKey.generate().proof("GET", target, token, nonce)));

    // THEN each is refused, typed
    for (Raw.Answer a : List.of(otherMethod, otherUrl, otherKey)) {
      assertThat(a.status()).isEqualTo(401);
      assertThat(a.error()).isInstanceOf(DpopProofException.class);
    }
  }
}
