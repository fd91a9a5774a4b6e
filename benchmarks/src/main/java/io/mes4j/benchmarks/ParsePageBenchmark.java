package io.mes4j.benchmarks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.benchmarks.internal.ServerProcess;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.internal.FhirDocuments;
import io.mes4j.dossier.internal.FhirPages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing only a 100-document search page, the bytes in memory: the SDK's own reading (its JSON
 * tree, then each entry into a {@code DocumentEntry}, as a search does) against HAPI FHIR's {@code
 * JsonParser} reading the same bytes into a R4 {@code Bundle}. The page is fetched once from a
 * reference server before anything is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParsePageBenchmark {
  private byte[] page = new byte[0];
  private @Nullable IParser parser;

  /** Fetches the page; checks that both parsers read its 100 entries. */
  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    try (ServerProcess server =
        ServerProcess.start(List.of(), "reference", Integer.toString(SearchFixture.PAGE))) {
      page = fetch(server.baseUrl(), server.token(), SearchFixture.PAGE);
    }
    parser = FhirContext.forR4().newJsonParser();
    if (sdk().size() != SearchFixture.PAGE || hapi().getEntry().size() != SearchFixture.PAGE) {
      throw new IllegalStateException("the page does not have 100 entries");
    }
  }

  /** Fetches a page of {@code count} with the JDK's HTTP client. */
  public static byte[] fetch(String baseUrl, String token, int count)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl + SearchFixture.PATH))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/fhir+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(SearchFixture.form(count)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the search answered " + response.statusCode());
    }
    return response.body();
  }

  /** The SDK's reading of a search page: its JSON tree, then every entry into a value. */
  @Benchmark
  public List<DocumentEntry> sdk() {
    JsonNode bundle = FhirPages.read(page);
    List<DocumentEntry> entries = new ArrayList<>();
    for (JsonNode entry : bundle.path("entry")) {
      entries.add(FhirDocuments.readEntry(entry.path("resource")));
    }
    return entries;
  }

  /** HAPI FHIR's JSON parser reading the same bytes into a {@code Bundle}. */
  @Benchmark
  public Bundle hapi() {
    InputStream in = new ByteArrayInputStream(page);
    return Objects.requireNonNull(parser).parseResource(Bundle.class, in);
  }
}
