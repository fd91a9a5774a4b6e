package io.mes4j.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import io.mes4j.benchmarks.internal.Clients;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.core.MesClient;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The cold start of a client, for a new JVM each time: builds a client and makes the first search
 * of a 100-document page against a reference server already running, then prints {@code
 * first-answer ok mode=<mode> entries=<n> in-main-ms=<ms>} and exits. {@code ColdClient sdk
 * <baseUrl>} uses the SDK, {@code ColdClient hapi <baseUrl>} HAPI FHIR's generic client (its {@code
 * FhirContext} built, as every HAPI application must). The bearer token is read from the
 * environment variable {@value #TOKEN_VARIABLE}, never from the command line.
 */
public final class ColdClient {
  /** The environment variable holding the bearer token. */
  public static final String TOKEN_VARIABLE = "MES4J_BENCH_TOKEN";

  private ColdClient() {}

  /**
   * Runs one cold search.
   *
   * @param args {@code sdk|hapi} and the server's base URL
   */
  public static void main(String[] args) {
    long entered = System.nanoTime();
    String mode = args[0];
    String baseUrl = args[1];
    String token = System.getenv(TOKEN_VARIABLE);
    if (token == null) {
      throw new IllegalStateException(TOKEN_VARIABLE + " is not set");
    }
    int entries;
    switch (mode) {
      case "sdk" -> {
        try (MesClient client = Clients.sdk(baseUrl, token)) {
          entries = Clients.sdkSearch(client, SearchFixture.PAGE).items().size();
        }
      }
      case "hapi" ->
          entries =
              Clients.hapiSearch(
                      Clients.hapi(FhirContext.forR4(), baseUrl, token), SearchFixture.PAGE)
                  .getEntry()
                  .size();
      default -> throw new IllegalArgumentException("mode must be sdk or hapi, got " + mode);
    }
    double ms = (System.nanoTime() - entered) / 1e6;
    PrintStream out = System.out;
    out.println(
        String.format(
            Locale.ROOT,
            "%s mode=%s entries=%d in-main-ms=%.1f",
            ColdStart.ANSWER,
            mode,
            entries,
            ms));
    out.flush();
    System.exit(0);
  }
}
