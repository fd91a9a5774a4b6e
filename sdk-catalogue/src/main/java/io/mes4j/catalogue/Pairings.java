package io.mes4j.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.catalogue.internal.CatalogueJson;
import io.mes4j.catalogue.internal.Forms;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.error.OAuthException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.ApiResponse;
import io.mes4j.core.internal.SearchForm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The holder's side of the pairings (CAT-2, CAT-3, ES-6), with the holder's (or a minor's
 * representative's) client: list them, consent to an authorisation without a browser, withdraw one
 * finality or the whole pairing, approve again after coming of age.
 *
 * <pre>{@code
 * Pairings pairings = Catalogue.of(holderClient).pairings();
 * URI callback = pairings.approve(auth.url(), Set.of(Finality.AGENDA_READ));
 * List<Pairing> mine = pairings.list(ins);
 * pairings.withdrawFinality(mine.get(0).id(), Finality.AGENDA_READ);
 * }</pre>
 */
public final class Pairings {
  private static final int MAX_PAGES = 100;

  private final ApiExecutor executor;

  Pairings(ApiExecutor executor) {
    this.executor = executor;
  }

  /**
   * The pairings of a patient's space, active and inactive, newest first (CAT-2).
   *
   * @throws io.mes4j.core.error.MesServiceException if refused (e.g. {@code 403} for someone else's
   *     space)
   */
  public List<Pairing> list(Ins patient) {
    Objects.requireNonNull(patient, "patient");
    SearchForm form =
        new SearchForm("Consent")
            .add("patient.identifier", patient.system().uri() + "|" + patient.value())
            .add("category", "pairing")
            .add("_count", "100");
    List<Pairing> pairings = new ArrayList<>();
    JsonNode bundle = CatalogueJson.read(executor.execute(form.request()).body());
    for (int pages = 1; ; pages++) {
      for (JsonNode entry : bundle.path("entry")) {
        pairings.add(CatalogueJson.pairing(entry.path("resource")));
      }
      String next = null;
      for (JsonNode link : bundle.path("link")) {
        if ("next".equals(link.path("relation").asText())) {
          next = link.path("url").asText();
        }
      }
      if (next == null || pages >= MAX_PAGES) {
        return List.copyOf(pairings);
      }
      bundle =
          CatalogueJson.read(
              executor
                  .execute(ApiRequest.builder("GET", "/fhir/Consent").url(next).build())
                  .body());
    }
  }

  /** The active pairings of a patient's space. */
  public List<Pairing> active(Ins patient) {
    return list(patient).stream().filter(Pairing::active).toList();
  }

  /**
   * One pairing.
   *
   * @throws io.mes4j.core.error.ResourceNotFoundException if unknown or not the caller's to see
   */
  public Pairing get(String pairingId) {
    return CatalogueJson.pairing(
        CatalogueJson.read(
            executor
                .execute(
                    ApiRequest.builder("GET", "/fhir/Consent/{id}")
                        .path("/fhir/Consent/" + ApiRequest.encodePathSegment(id(pairingId)))
                        .build())
                .body()));
  }

  /**
   * Consents to an authorisation for the caller's own space, for {@code finalities} (a subset of
   * those asked): the server makes the pairing and answers with the callback carrying the code.
   *
   * @param authorizationUrl the URL the service sent the holder to ({@link
   *     AuthorizationRequest#url()})
   * @return the callback to hand to the service ({@code <redirect_uri>?code=…&state=…})
   * @throws OAuthException if the server redirects with an error ({@code invalid_scope}…) or
   *     refuses the request ({@code invalid_client}, {@code invalid_request})
   * @throws io.mes4j.core.error.ServiceSuspendedException if the service is suspended or delisted
   * @throws io.mes4j.core.error.ServiceOfflineException if the service is offline
   */
  public URI approve(URI authorizationUrl, Set<Finality> finalities) {
    return decide(authorizationUrl, null, finalities, "approve");
  }

  /**
   * Consents to an authorisation for a patient's space: a legal representative names the minor.
   *
   * @see #approve(URI, Set)
   */
  public URI approve(URI authorizationUrl, Ins patient, Set<Finality> finalities) {
    return decide(
        authorizationUrl, Objects.requireNonNull(patient, "patient"), finalities, "approve");
  }

  /**
   * Refuses an authorisation: no pairing is made.
   *
   * @return the callback to hand to the service ({@code
   *     <redirect_uri>?error=access_denied&state=…})
   */
  public URI deny(URI authorizationUrl) {
    return decide(authorizationUrl, null, Set.of(), "deny");
  }

  /**
   * Withdraws a whole pairing (CAT-3): every token of it is refused on the service's next call.
   *
   * @return the pairing, now inactive
   */
  public Pairing withdraw(String pairingId) {
    return CatalogueJson.pairing(
        CatalogueJson.read(
            executor
                .execute(
                    ApiRequest.builder("DELETE", "/fhir/Consent/{id}")
                        .path("/fhir/Consent/" + ApiRequest.encodePathSegment(id(pairingId)))
                        .build())
                .body()));
  }

  /**
   * Withdraws one finality of a pairing (CAT-3), refused on the service's next call; withdrawing
   * the last one makes the pairing inactive.
   *
   * @return the updated pairing
   * @throws io.mes4j.core.error.InvalidRequestException if the pairing does not hold the finality
   */
  public Pairing withdrawFinality(String pairingId, Finality finality) {
    Objects.requireNonNull(finality, "finality");
    return operation(pairingId, "$withdraw-finality", CatalogueJson.withdrawFinality(finality));
  }

  /**
   * Approves a pairing again once the holder came of age (ES-6), with the holder's own client; the
   * service's calls work again.
   *
   * @return the pairing, without the re-approval flag
   */
  public Pairing reapprove(String pairingId) {
    return operation(pairingId, "$reapprove", CatalogueJson.emptyParameters());
  }

  private Pairing operation(String pairingId, String name, byte[] parameters) {
    return CatalogueJson.pairing(
        CatalogueJson.read(
            executor
                .execute(
                    ApiRequest.builder("POST", "/fhir/Consent/{id}/" + name)
                        .path(
                            "/fhir/Consent/"
                                + ApiRequest.encodePathSegment(id(pairingId))
                                + "/"
                                + name)
                        .body(parameters, ApiRequest.FHIR_JSON)
                        .build())
                .body()));
  }

  private URI decide(
      URI authorizationUrl, @Nullable Ins patient, Set<Finality> finalities, String decision) {
    Objects.requireNonNull(authorizationUrl, "authorizationUrl");
    Objects.requireNonNull(finalities, "finalities");
    List<Map.Entry<String, String>> form = new ArrayList<>();
    for (Map.Entry<String, String> p : Forms.query(authorizationUrl)) {
      if (!Set.of("patient", "finalities", "decision").contains(p.getKey())) {
        form.add(p);
      }
    }
    if (form.isEmpty()) {
      throw new InvalidValueException("the authorisation URL carries no parameters");
    }
    if (patient != null) {
      form.add(Map.entry("patient", patient.value()));
    }
    if (!finalities.isEmpty()) {
      form.add(
          Map.entry(
              "finalities",
              finalities.stream().map(Finality::code).sorted().collect(Collectors.joining(" "))));
    }
    form.add(Map.entry("decision", decision));
    ApiResponse answer =
        executor.execute(
            ApiRequest.builder("POST", "/oauth2/authorize")
                .body(
                    Forms.encode(form).getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded")
                .accept("application/json")
                .redirectExpected(true)
                .build());
    String location =
        answer
            .header("Location")
            .orElseThrow(
                () ->
                    new MesClientException(
                        "POST /oauth2/authorize answered "
                            + answer.status()
                            + " without a redirect"));
    URI callback;
    try {
      callback = URI.create(location);
    } catch (IllegalArgumentException e) {
      throw new MesClientException("POST /oauth2/authorize redirected to an invalid URI");
    }
    List<Map.Entry<String, String>> params = Forms.query(callback);
    String error = Forms.first(params, "error").orElse(null);
    if (error != null && !(decision.equals("deny") && error.equals("access_denied"))) {
      String description = Forms.first(params, "error_description").orElse(null);
      throw new OAuthException(
          "POST /oauth2/authorize redirected with "
              + error
              + (description == null ? "" : ": " + description)
              + " (request id "
              + answer.requestId()
              + ")",
          answer.status(),
          answer.requestId(),
          error,
          description,
          answer.attempts());
    }
    return callback;
  }

  private static String id(String pairingId) {
    if (pairingId == null || pairingId.isBlank()) {
      throw new InvalidValueException("a pairing id must not be blank");
    }
    return pairingId;
  }
}
