package io.mes4j.benchmarks.internal;

import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.internal.store.Store;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The search every comparison makes: {@code POST /fhir/DocumentReference/_search} for {@link
 * Fixtures#ADULT}'s current documents, {@code _count} of them, by {@link Fixtures#DOCTOR}
 * (authorised by the fixtures' consents), as {@code Dossier.of(client).documents().search(...)}
 * sends it; and the loading of the documents it finds.
 */
public final class SearchFixture {
  /** The search's path. */
  public static final String PATH = "/fhir/DocumentReference/_search";

  /** The size of the page of the comparisons. */
  public static final int PAGE = 100;

  /** The seed of the documents' ids and contents. */
  public static final long SEED = 42;

  private SearchFixture() {}

  /** {@code system|value} of the patient's INS, as the search's token. */
  public static String patientToken() {
    return Fixtures.ADULT.system().uri() + "|" + Fixtures.ADULT.value();
  }

  /** The form body of the search for a page of {@code count}. */
  public static byte[] form(int count) {
    return ("patient.identifier="
            + URLEncoder.encode(patientToken(), StandardCharsets.UTF_8)
            + "&status=current&_count="
            + count)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The headers of the search (bearer token, form body, FHIR JSON asked for). */
  public static List<String[]> headers(String token) {
    return List.of(
        new String[] {"Authorization", "Bearer " + token},
        new String[] {"Content-Type", "application/x-www-form-urlencoded"},
        new String[] {"Accept", "application/fhir+json"});
  }

  /**
   * Adds {@code documents} documents of {@code ADULT} to a started server's store (see {@link
   * ScaleStore}), authored by {@code DOCTOR_TREATING}.
   */
  public static ScaleStore.Loaded load(MockServer server, int documents) {
    Store store = ServerInternals.engine(server).state().store();
    return ScaleStore.load(
        store, Fixtures.ADULT, Fixtures.DOCTOR_TREATING, documents, documents, SEED);
  }
}
