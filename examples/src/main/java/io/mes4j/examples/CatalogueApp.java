package io.mes4j.examples;

import io.mes4j.agenda.Agenda;
import io.mes4j.agenda.Appointment;
import io.mes4j.agenda.AppointmentQuery;
import io.mes4j.catalogue.AuthorizationRequest;
import io.mes4j.catalogue.Catalogue;
import io.mes4j.catalogue.CatalogueService;
import io.mes4j.catalogue.Finality;
import io.mes4j.catalogue.Pairing;
import io.mes4j.catalogue.PairingCompletion;
import io.mes4j.catalogue.PairingFlow;
import io.mes4j.catalogue.TokenStore;
import io.mes4j.core.MesClient;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A catalogue app's whole integration: find the service in the catalogue, pair with a patient's
 * space (authorisation code with PKCE, DPoP-bound tokens), read the patient's agenda with the
 * service's tokens, then the patient withdraws the pairing and the very next call is refused.
 *
 * <p>In production the patient approves on Mon espace santé's consent page; here the patient's
 * approval is given through the API ({@code Catalogue.of(patient).pairings().approve}), as a test
 * would, so no browser is needed.
 *
 * <p>Run it on its own: {@code mvn -B -ntp -q -DskipTests -Ptour
 * -Dtour.mainClass=io.mes4j.examples.CatalogueApp verify}.
 */
public final class CatalogueApp {
  private static final URI CALLBACK = URI.create("https://agenda.example/callback");

  private CatalogueApp() {}

  /** Runs the example and prints what happened. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the cause of the last, refused call. */
  public static String run(PrintStream out) {
    try (MockServer server =
            MockServer.builder().clock(Instant.parse("2026-11-28T09:00:00Z")).start();
        MesClient patient = Examples.client(server, Fixtures.Ids.ADULT)) {

      // 1. The catalogue (CAT-1): the app's own entry, its status and finalities.
      CatalogueService self = Catalogue.of(patient).service(Fixtures.AGENDA_APP);
      out.printf(
          "1. %s by %s is %s, offering %s%n",
          self.name(),
          self.editor(),
          self.status(),
          self.finalities().stream().map(Finality::code).toList());

      // 2. Pairing (CAT-2): the app sends the patient to the authorisation URL (PKCE, state).
      try (PairingFlow flow =
          PairingFlow.builder()
              .baseUrl(server.baseUrl())
              .clientId(Fixtures.AGENDA_APP)
              .redirectUri(CALLBACK)
              .tokenStore(TokenStore.inMemory()) // back it with the app's own storage
              .dpop(true) // tokens bound to a key of the app's (RFC 9449)
              .build()) {
        AuthorizationRequest request = flow.start("patient-42", Set.of(Finality.AGENDA_READ));
        out.println("2. The app asks for " + request.finalities().size() + " finality(ies)");

        // The patient consents, finality by finality; the server redirects to the app's callback.
        URI callback =
            Catalogue.of(patient).pairings().approve(request.url(), Set.of(Finality.AGENDA_READ));
        PairingCompletion paired = flow.complete(callback);
        out.printf(
            "   Paired: %d finality(ies), DPoP-bound tokens: %s%n",
            paired.finalities().size(), paired.dpopBound());

        // 3. The app reads the patient's agenda with the service's tokens.
        try (MesClient asService =
            MesClient.builder()
                .baseUrl(server.baseUrl())
                .credentials(flow.tokenProvider("patient-42")) // proofs with the flow's key
                .applicationId("agenda-demo")
                .build()) {
          List<Appointment> appointments =
              Agenda.of(asService)
                  .appointments()
                  .list(AppointmentQuery.builder(Fixtures.ADULT).build())
                  .items();
          out.printf("3. The app read %d appointment(s)%n", appointments.size());

          // 4. The patient withdraws the pairing (CAT-3): the app's next call is refused.
          Pairing pairing = Catalogue.of(patient).pairings().active(Fixtures.ADULT).get(0);
          Catalogue.of(patient).pairings().withdraw(pairing.id());
          try {
            Agenda.of(asService)
                .appointments()
                .list(AppointmentQuery.builder(Fixtures.ADULT).build());
            out.println("4. Unexpected: the call after withdrawal was accepted");
            return "accepted";
          } catch (MesServiceException e) {
            out.printf(
                "4. After withdrawal: %s (cause %s)%n",
                e.getClass().getSimpleName(), e.causeCode());
            return e.causeCode();
          }
        }
      }
    }
  }
}
