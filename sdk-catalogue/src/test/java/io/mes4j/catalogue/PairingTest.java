package io.mes4j.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.error.FinalityNotConsentedException;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.OAuthException;
import io.mes4j.core.error.ReapprovalRequiredException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.ServiceOfflineException;
import io.mes4j.core.error.ServiceSuspendedException;
import io.mes4j.core.error.TokenRevokedException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ServiceId;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and the whole pairing through the SDK against the reference server: listing
 * (CAT-1), authorisation code with PKCE, consent per finality, exchange, refresh with rotation,
 * revocation (CAT-2), withdrawal (CAT-3), re-approval at 18 (ES-6), and each refusal typed.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class PairingTest {
  private static final URI AGENDA_CALLBACK = URI.create("https://agenda.example/callback");
  private static EmittedFhir emitted;

  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  @AfterEach
  void closeWhatWasOpened() throws Exception {
    for (AutoCloseable c : opened) {
      c.close();
    }
  }

  private PairingFlow flow(MockServer server, TokenStore store, URI redirect, ServiceId service) {
    PairingFlow flow =
        PairingFlow.builder()
            .baseUrl(server.baseUrl())
            .clientId(service)
            .redirectUri(redirect)
            .tokenStore(store)
            .build();
    opened.add(flow);
    return flow;
  }

  private PairingFlow agendaFlow(MockServer server, TokenStore store) {
    return flow(server, store, AGENDA_CALLBACK, Fixtures.AGENDA_APP);
  }

  private MesClient asService(MockServer server, PairingFlow flow, String account) {
    MesClient client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(flow.tokenProvider(account))
            .build();
    opened.add(client);
    return client;
  }

  private static int appointments(MesClient client, Ins patient) {
    return AgendaCalls.appointments(client, patient);
  }

  @Test
  void catalogue_listsTheServicesWithStatusFinalitiesAndRedirects(
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-1
    // GIVEN the reference catalogue
    Catalogue catalogue = Catalogue.of(holder);

    // WHEN it is listed and one service read
    List<CatalogueService> services = catalogue.services();
    CatalogueService agenda = catalogue.service(Fixtures.AGENDA_APP);

    // THEN the five fixture services are listed by id, each with its status
    assertThat(services)
        .extracting(CatalogueService::id)
        .startsWith(
            Fixtures.AGENDA_APP,
            Fixtures.MEASURES_APP,
            Fixtures.OFFLINE_APP,
            Fixtures.SUSPENDED_APP);
    assertThat(services)
        .filteredOn(s -> s.id().equals(Fixtures.SUSPENDED_APP))
        .singleElement()
        .extracting(CatalogueService::status)
        .isEqualTo(ServiceStatus.SUSPENDUE);
    // AND the agenda app's finalities are perimeters of data and actions
    assertThat(agenda.name()).isEqualTo("Agenda Démo");
    assertThat(agenda.editor()).isEqualTo("Éditeur Démo");
    assertThat(agenda.status()).isEqualTo(ServiceStatus.EN_LIGNE);
    assertThat(agenda.finalities()).containsExactly(Finality.AGENDA_READ, Finality.AGENDA_WRITE);
    assertThat(agenda.finalities().get(0).data()).contains("Appointment");
    assertThat(agenda.finalities().get(0).actions()).isNotEmpty();
    assertThat(agenda.redirectUris()).containsExactly(AGENDA_CALLBACK);
    // AND an unknown service is not found
    assertThatThrownBy(() -> catalogue.service(ServiceId.of("urn:oid:2.999.1.99")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void wholeFlow_pairsWithTheConsentedFinalitiesOnlyRefreshesWithRotationAndRevokes(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN the agenda app asking for reading and booking
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = agendaFlow(server, store);
    AuthorizationRequest auth =
        flow.start("jean", Set.of(Finality.AGENDA_READ, Finality.AGENDA_WRITE));

    // WHEN the holder consents to reading only, and the app completes
    URI callback =
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ));
    PairingCompletion done = flow.complete(callback);

    // THEN the tokens carry exactly the consented finality
    assertThat(callback.toString()).startsWith(AGENDA_CALLBACK + "?");
    assertThat(done.account()).isEqualTo("jean");
    assertThat(done.finalities()).containsExactly(Finality.AGENDA_READ);
    assertThat(done.dpopBound()).isFalse();
    // AND the service reads the agenda but may not book (finality not consented)
    MesClient service = asService(server, flow, "jean");
    assertThat(appointments(service, Fixtures.ADULT)).isZero();
    FinalityNotConsentedException notConsented =
        catchThrowableOfType(
            FinalityNotConsentedException.class, () -> AgendaCalls.book(service, Fixtures.ADULT));
    assertThat(notConsented.finality()).contains("AGENDA_WRITE");
    // AND the holder sees the pairing
    Pairing pairing =
        Catalogue.of(holder).pairings().active(Fixtures.ADULT).stream()
            .filter(p -> p.service().equals(Fixtures.AGENDA_APP))
            .findFirst()
            .orElseThrow();
    assertThat(pairing.finalities()).containsExactly(Finality.AGENDA_READ);
    assertThat(pairing.reapprovalRequired()).isFalse();
    assertThat(pairing.patient()).isEqualTo(Fixtures.ADULT);

    // WHEN the app refreshes
    StoredTokens before = store.get("jean").orElseThrow();
    StoredTokens after = flow.refresh("jean");

    // THEN both tokens rotated, and the spent refresh token is refused (and kills the grant)
    assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
    assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
    assertThat(appointments(service, Fixtures.ADULT)).isZero();
    store.put("jean", before);
    OAuthException spent = catchThrowableOfType(OAuthException.class, () -> flow.refresh("jean"));
    assertThat(spent.error()).isEqualTo("invalid_grant");
    assertThat(spent.getMessage()).doesNotContain(before.refreshToken());
    store.put("jean", after);
    assertThatThrownBy(() -> appointments(service, Fixtures.ADULT))
        .isInstanceOf(TokenRevokedException.class);
  }

  @Test
  void revoke_refusesEveryTokenOfTheGrantOnTheNextCall(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN a paired agenda app that works
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = agendaFlow(server, store);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    flow.complete(
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ)));
    StoredTokens tokens = store.get("jean").orElseThrow();
    MesClient service = asService(server, flow, "jean");
    assertThat(appointments(service, Fixtures.ADULT)).isZero();

    // WHEN the app revokes its grant
    flow.revoke("jean");

    // THEN its tokens are forgotten, the access token is refused on the next call, and the
    // pairing stays (only the holder withdraws it)
    assertThat(store.get("jean")).isEmpty();
    store.put("jean", tokens);
    assertThatThrownBy(() -> appointments(service, Fixtures.ADULT))
        .isInstanceOf(TokenRevokedException.class);
    assertThat(Catalogue.of(holder).pairings().active(Fixtures.ADULT))
        .anyMatch(p -> p.service().equals(Fixtures.AGENDA_APP));
  }

  @Test
  void complete_withAnotherVerifier_isInvalidGrant(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN an approved authorisation whose kept verifier is not the one of the challenge
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = agendaFlow(server, store);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    URI callback =
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ));
    PendingAuthorization kept = store.takePending(auth.state()).orElseThrow();
    store.putPending(
        new PendingAuthorization(
            kept.state(), "x".repeat(43), kept.account(), kept.finalities(), kept.startedAt()));

    // WHEN the app completes
    OAuthException e = catchThrowableOfType(OAuthException.class, () -> flow.complete(callback));

    // THEN the exchange is refused, and no token stored
    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(store.get("jean")).isEmpty();
  }

  @Test
  void complete_withACodeUsedTwice_isInvalidGrantAndRevokesTheFirstTokens(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN a completed pairing whose service works
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = agendaFlow(server, store);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    URI callback =
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ));
    PendingAuthorization kept = store.takePending(auth.state()).orElseThrow();
    store.putPending(kept);
    flow.complete(callback);
    MesClient service = asService(server, flow, "jean");
    assertThat(appointments(service, Fixtures.ADULT)).isZero();
    StoredTokens first = store.get("jean").orElseThrow();

    // WHEN the same code is exchanged again (RFC 6749 §4.1.2)
    store.putPending(kept);
    OAuthException e = catchThrowableOfType(OAuthException.class, () -> flow.complete(callback));

    // THEN it is refused, and the tokens issued from it are revoked
    assertThat(e.error()).isEqualTo("invalid_grant");
    assertThat(store.get("jean")).contains(first);
    assertThatThrownBy(() -> appointments(service, Fixtures.ADULT))
        .isInstanceOf(TokenRevokedException.class);
  }

  @Test
  void complete_withAnotherRedirectUri_isInvalidGrant(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN a code issued for the registered redirect URI
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = agendaFlow(server, store);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    URI callback =
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ));
    URI other = URI.create("https://agenda.example/other");
    PairingFlow wrong = flow(server, store, other, Fixtures.AGENDA_APP);

    // WHEN it is exchanged with another redirect URI
    OAuthException e =
        catchThrowableOfType(
            OAuthException.class,
            () -> wrong.complete(URI.create(other + "?" + callback.getRawQuery())));

    // THEN it is refused
    assertThat(e.error()).isEqualTo("invalid_grant");
  }

  @Test
  void authorize_withAnUnregisteredRedirectUri_isRefusedWithoutRedirect(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN an app starting with a redirect URI the catalogue does not register
    PairingFlow flow =
        flow(
            server,
            TokenStore.inMemory(),
            URI.create("https://evil.example/cb"),
            Fixtures.AGENDA_APP);
    AuthorizationRequest auth = flow.start(Set.of(Finality.AGENDA_READ));

    // WHEN the holder approves
    OAuthException e =
        catchThrowableOfType(
            OAuthException.class,
            () ->
                Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ)));

    // THEN the server refuses with a 400, never a redirect
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.error()).isEqualTo("invalid_request");
  }

  @Test
  void complete_afterTheCodeExpired_isInvalidGrant(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN an approved authorisation
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow = agendaFlow(server, store);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    URI callback =
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ));

    // WHEN more than 60 s pass on the server clock before the exchange
    server.control().advanceClock(Duration.ofSeconds(61));
    OAuthException e = catchThrowableOfType(OAuthException.class, () -> flow.complete(callback));

    // THEN the code is refused
    assertThat(e.error()).isEqualTo("invalid_grant");
  }

  @Test
  void deny_comesBackAsAccessDenied(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-2
    // GIVEN an authorisation the holder refuses
    PairingFlow flow = agendaFlow(server, TokenStore.inMemory());
    AuthorizationRequest auth = flow.start(Set.of(Finality.AGENDA_READ));
    URI callback = Catalogue.of(holder).pairings().deny(auth.url());

    // WHEN the app completes
    OAuthException e = catchThrowableOfType(OAuthException.class, () -> flow.complete(callback));

    // THEN it is access_denied and no pairing was made
    assertThat(e.error()).isEqualTo("access_denied");
    assertThat(Catalogue.of(holder).pairings().active(Fixtures.ADULT))
        .noneMatch(p -> p.service().equals(Fixtures.AGENDA_APP));
  }

  @Test
  void withdrawal_ofAFinalityThenOfThePairing_isRefusedOnTheNextCall(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-3
    // GIVEN the agenda app paired for reading and booking
    PairingFlow flow = agendaFlow(server, TokenStore.inMemory());
    AuthorizationRequest auth =
        flow.start("jean", Set.of(Finality.AGENDA_READ, Finality.AGENDA_WRITE));
    Pairings pairings = Catalogue.of(holder).pairings();
    flow.complete(
        pairings.approve(auth.url(), Set.of(Finality.AGENDA_READ, Finality.AGENDA_WRITE)));
    MesClient service = asService(server, flow, "jean");
    AgendaCalls.book(service, Fixtures.ADULT);
    String id =
        pairings.active(Fixtures.ADULT).stream()
            .filter(p -> p.service().equals(Fixtures.AGENDA_APP))
            .findFirst()
            .orElseThrow()
            .id();

    // WHEN the holder withdraws booking
    Pairing narrowed = pairings.withdrawFinality(id, Finality.AGENDA_WRITE);

    // THEN the next booking is refused, reading still works
    assertThat(narrowed.finalities()).containsExactly(Finality.AGENDA_READ);
    assertThat(narrowed.active()).isTrue();
    FinalityNotConsentedException e =
        catchThrowableOfType(
            FinalityNotConsentedException.class, () -> AgendaCalls.book(service, Fixtures.ADULT));
    assertThat(e.finality()).contains("AGENDA_WRITE");
    assertThat(appointments(service, Fixtures.ADULT)).isEqualTo(1);

    // WHEN the holder withdraws the whole pairing
    Pairing withdrawn = pairings.withdraw(id);

    // THEN it is inactive, the next call is refused, and so is a refresh
    assertThat(withdrawn.active()).isFalse();
    assertThatThrownBy(() -> appointments(service, Fixtures.ADULT))
        .isInstanceOf(TokenRevokedException.class);
    OAuthException refresh = catchThrowableOfType(OAuthException.class, () -> flow.refresh("jean"));
    assertThat(refresh.error()).isEqualTo("invalid_grant");
    assertThat(pairings.get(id).active()).isFalse();
  }

  @Test
  void suspendedOrOfflineServices_areRefusedTyped(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // CAT-1, CAT-3
    // GIVEN a paired agenda app that works
    PairingFlow flow = agendaFlow(server, TokenStore.inMemory());
    Pairings pairings = Catalogue.of(holder).pairings();
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    flow.complete(pairings.approve(auth.url(), Set.of(Finality.AGENDA_READ)));
    MesClient service = asService(server, flow, "jean");
    assertThat(appointments(service, Fixtures.ADULT)).isZero();

    // WHEN the catalogue suspends it
    server.control().setServiceStatus(Fixtures.AGENDA_APP, "SUSPENDUE");

    // THEN its very next call is refused, and so is a refresh
    assertThatThrownBy(() -> appointments(service, Fixtures.ADULT))
        .isInstanceOf(ServiceSuspendedException.class);
    assertThatThrownBy(() -> flow.refresh("jean")).isInstanceOf(OAuthException.class);
    // AND the holder can neither pair it nor an offline one
    AuthorizationRequest again = flow.start(Set.of(Finality.AGENDA_READ));
    assertThatThrownBy(() -> pairings.approve(again.url(), Set.of(Finality.AGENDA_READ)))
        .isInstanceOf(ServiceSuspendedException.class);
    PairingFlow offline =
        flow(
            server,
            TokenStore.inMemory(),
            URI.create("https://offline.example/callback"),
            Fixtures.OFFLINE_APP);
    AuthorizationRequest offlineAuth = offline.start(Set.of(Finality.AGENDA_READ));
    assertThatThrownBy(() -> pairings.approve(offlineAuth.url(), Set.of(Finality.AGENDA_READ)))
        .isInstanceOf(ServiceOfflineException.class);
  }

  @Test
  void reapproval_afterTheHoldersEighteenthBirthday_isNeededAndOnlyTheHolderGivesIt(
      MockServer server,
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.MINOR) MesClient minor) {
    // ES-6
    // GIVEN the representative pairing the agenda app with the minor's space
    PairingFlow flow = agendaFlow(server, TokenStore.inMemory());
    AuthorizationRequest auth = flow.start("lucas", Set.of(Finality.AGENDA_READ));
    flow.complete(
        Catalogue.of(parent)
            .pairings()
            .approve(auth.url(), Fixtures.MINOR, Set.of(Finality.AGENDA_READ)));
    MesClient service = asService(server, flow, "lucas");
    assertThat(appointments(service, Fixtures.MINOR)).isZero();

    // WHEN the minor turns 18 (born 2015-06-20)
    server.control().setClock(Instant.parse("2033-06-20T09:00:00Z"));

    // THEN the service is refused until re-approval, which the former representative cannot give
    assertThatThrownBy(() -> appointments(service, Fixtures.MINOR))
        .isInstanceOf(ReapprovalRequiredException.class);
    Pairing flagged =
        Catalogue.of(minor).pairings().active(Fixtures.MINOR).stream()
            .filter(p -> p.service().equals(Fixtures.AGENDA_APP))
            .findFirst()
            .orElseThrow();
    assertThat(flagged.reapprovalRequired()).isTrue();
    assertThatThrownBy(() -> Catalogue.of(parent).pairings().reapprove(flagged.id()))
        .isInstanceOf(ForbiddenException.class);

    // WHEN the now-adult holder approves again
    Pairing reapproved = Catalogue.of(minor).pairings().reapprove(flagged.id());

    // THEN the flag is gone and the service works again
    assertThat(reapproved.reapprovalRequired()).isFalse();
    assertThat(appointments(service, Fixtures.MINOR)).isZero();
  }

  /** A clock the test moves. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void tokenProvider_nearExpiry_refreshesOnceForConcurrentCallers(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) throws Exception {
    // CAT-2
    // GIVEN a paired flow whose clock the test moves
    MovableClock clock = new MovableClock();
    TokenStore store = TokenStore.inMemory();
    PairingFlow flow =
        PairingFlow.builder()
            .baseUrl(server.baseUrl())
            .clientId(Fixtures.AGENDA_APP)
            .redirectUri(AGENDA_CALLBACK)
            .tokenStore(store)
            .clock(clock)
            .build();
    opened.add(flow);
    AuthorizationRequest auth = flow.start("jean", Set.of(Finality.AGENDA_READ));
    flow.complete(
        Catalogue.of(holder).pairings().approve(auth.url(), Set.of(Finality.AGENDA_READ)));
    StoredTokens first = store.get("jean").orElseThrow();
    TokenProvider provider = flow.tokenProvider("jean");
    assertThat(provider.token(new TokenRequest(AccessMode.normal())).value())
        .isEqualTo(first.accessToken());

    // WHEN the access token nears its expiry (900 s) and eight callers ask at once
    clock.advance(Duration.ofSeconds(880));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<AccessToken>> asked = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      asked.add(
          pool.submit(
              () -> {
                go.await();
                return provider.token(new TokenRequest(AccessMode.normal()));
              }));
    }
    go.countDown();
    Set<String> given = new java.util.HashSet<>();
    for (Future<AccessToken> f : asked) {
      given.add(f.get().value());
    }
    pool.shutdown();

    // THEN one refresh happened (a second one would have presented the spent refresh token and
    // revoked the grant): all got the same new token, which works
    StoredTokens now = store.get("jean").orElseThrow();
    assertThat(given).containsExactly(now.accessToken());
    assertThat(now.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(now.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(appointments(asService(server, flow, "jean"), Fixtures.ADULT)).isZero();
  }
}
