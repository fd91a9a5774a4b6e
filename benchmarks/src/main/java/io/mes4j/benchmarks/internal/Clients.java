package io.mes4j.benchmarks.internal;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.SearchStyleEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.gclient.TokenClientParam;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.mockserver.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * The three clients of the comparisons, each doing the same search of a page of {@code ADULT}'s
 * documents ({@link SearchFixture}): the SDK, HAPI FHIR's generic client, and a hand-written call
 * with Apache HttpClient 5 and Jackson.
 */
public final class Clients {
  private Clients() {}

  /** The SDK's client with a static bearer token (as a token provider caches one). */
  public static MesClient sdk(String baseUrl, String token) {
    return MesClient.builder()
        .baseUrl(baseUrl)
        .credentials(TokenProvider.staticToken(token))
        .build();
  }

  /** The SDK's search of a page of {@code count}. */
  public static Page<DocumentEntry> sdkSearch(MesClient client, int count) {
    return Dossier.of(client)
        .documents()
        .search(DocumentSearch.forPatient(Fixtures.ADULT).pageSize(count).build());
  }

  /**
   * HAPI FHIR's generic client on {@code <baseUrl>/fhir}, with a bearer token, as its documentation
   * shows it, except that it does not fetch the server's CapabilityStatement first (validation mode
   * {@code NEVER}: less work for HAPI, not more).
   */
  public static IGenericClient hapi(FhirContext context, String baseUrl, String token) {
    context.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = context.newRestfulGenericClient(baseUrl + "/fhir");
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return client;
  }

  /** HAPI's search: the same form body, POSTed to {@code _search}, read into a {@code Bundle}. */
  public static Bundle hapiSearch(IGenericClient client, int count) {
    return client
        .search()
        .forResource(DocumentReference.class)
        .where(
            new TokenClientParam("patient.identifier")
                .exactly()
                .systemAndCode(Fixtures.ADULT.system().uri(), Fixtures.ADULT.value()))
        .and(DocumentReference.STATUS.exactly().code("current"))
        .count(count)
        .usingStyle(SearchStyleEnum.POST)
        .returnBundle(Bundle.class)
        .execute();
  }

  /** A hand-written call: Apache HttpClient 5 (classic, pooled) and Jackson. */
  public static final class HandWritten implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final CloseableHttpClient http = HttpClients.createDefault();
    private final String url;
    private final String bearer;

    /** A client of {@code <baseUrl>/fhir/DocumentReference/_search}. */
    public HandWritten(String baseUrl, String token) {
      this.url = baseUrl + SearchFixture.PATH;
      this.bearer = "Bearer " + token;
    }

    /** POSTs the search's form, reads the Bundle with Jackson, returns the documents' ids. */
    public List<String> search(int count) {
      HttpPost post = new HttpPost(url);
      post.setHeader("Authorization", bearer);
      post.setHeader("Accept", "application/fhir+json");
      post.setEntity(
          new ByteArrayEntity(SearchFixture.form(count), ContentType.APPLICATION_FORM_URLENCODED));
      try {
        return http.execute(
            post,
            response -> {
              if (response.getCode() != 200) {
                throw new IllegalStateException("the search answered " + response.getCode());
              }
              try (InputStream body = response.getEntity().getContent()) {
                JsonNode bundle = MAPPER.readTree(body);
                List<String> ids = new ArrayList<>();
                for (JsonNode entry : bundle.path("entry")) {
                  ids.add(entry.path("resource").path("id").asText());
                }
                return ids;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException("the search failed", e);
      }
    }

    @Override
    public void close() {
      try {
        http.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
