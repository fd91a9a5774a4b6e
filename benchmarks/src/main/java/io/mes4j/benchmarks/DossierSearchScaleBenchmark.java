package io.mes4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mes4j.benchmarks.internal.InProcessExchange;
import io.mes4j.benchmarks.internal.ScaleStore;
import io.mes4j.benchmarks.internal.ServerInternals;
import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.internal.http.Dispatcher;
import io.mes4j.mockserver.internal.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Dossier search at scale (the dossier's scale test): the first page of one patient's documents
 * (20, newest first, the total counted), searched by an authorised doctor, when that patient has
 * {@code P} documents and the whole store {@code S}. {@link #scale} is {@code P/S}: {@code
 * 10000/1000000} (the goal's case), {@code 1000/1000000} and {@code 1000/1000} (the same patient's
 * search in a store of a thousand times more, or no more, documents: the effect of the store's size
 * alone).
 *
 * <p>The patient is {@link Fixtures#ADULT} and the caller {@link Fixtures#DOCTOR}, authorised on
 * them by the fixtures' consents. Before anything is measured, each fork starts a reference server,
 * bulk-loads its store ({@link ScaleStore}: 200-byte documents, the other documents spread over
 * {@value ScaleStore#OTHER_PATIENTS} generated patients), prints the load time and the heap used
 * after a full GC (a line starting with {@value #SETUP_LINE}, read by {@code ScaleReport}), and
 * checks that each path answers the page expected (20 entries, the right total, the newest document
 * first). Every path presents the same bearer token, minted once, as a real token provider caches
 * it: the server verifies its signature once, then finds it in its cache of verified tokens.
 *
 * <p>Three paths, each in its own fork:
 *
 * <ul>
 *   <li>{@link #inProcess()}: the request handed to the server's own {@code Dispatcher} in memory
 *       (no socket, no client): routing, the bearer token's check, the search (policy decisions,
 *       audit trace, paging cursors) and the FHIR JSON answer written to bytes;
 *   <li>{@link #sdk()}: {@code Dossier.of(client).documents().search(forPatient(ADULT).build())}
 *       over HTTP on the loopback, the answer read into {@code DocumentEntry} values;
 *   <li>{@link #http()}: the same {@code POST /fhir/DocumentReference/_search} sent with the JDK's
 *       {@code HttpClient}, the body read as bytes: the HTTP path without the SDK.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g", "-Dsun.net.httpserver.nodelay=true"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 3)
public class DossierSearchScaleBenchmark {
  /** The start of the line each fork prints after loading its store. */
  public static final String SETUP_LINE = "scale-setup";

  private static final String SEARCH_PATH = "/fhir/DocumentReference/_search";
  private static final int PAGE = 20;
  private static final long SEED = 42;

  /** The patient's documents / the store's documents. */
  @Param({"10000/1000000", "1000/1000000", "1000/1000"})
  public String scale = "1000/1000";

  private @Nullable MockServer server;
  private @Nullable Dispatcher dispatcher;
  private @Nullable MesClient client;
  private @Nullable HttpClient http;
  private @Nullable HttpRequest httpRequest;
  private URI searchUri = URI.create(SEARCH_PATH);
  private String bearer = "";
  private byte[] form = new byte[0];
  private DocumentSearch search = DocumentSearch.forPatient(Fixtures.ADULT).build();

  /** Starts the server, loads its store, reports the load, and checks every path's answer. */
  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) throws IOException, InterruptedException {
    String[] sizes = scale.split("/", -1);
    int patientDocuments = Integer.parseInt(sizes[0]);
    int storeDocuments = Integer.parseInt(sizes[1]);
    MockServer started = MockServer.builder().start();
    server = started;
    Store store = ServerInternals.engine(started).state().store();
    ScaleStore.Loaded loaded =
        ScaleStore.load(
            store,
            Fixtures.ADULT,
            Fixtures.DOCTOR_TREATING,
            patientDocuments,
            storeDocuments,
            SEED);
    long heap = heapAfterGc();
    PrintStream out = System.out;
    out.println(
        String.format(
            Locale.ROOT,
            "%s benchmark=%s scale=%s patients=%d documents=%d load-ms=%.0f heap-after-gc-mib=%.0f",
            SETUP_LINE,
            params.getBenchmark(),
            scale,
            loaded.patients(),
            loaded.documents(),
            loaded.nanos() / 1e6,
            heap / 1048576.0));
    out.flush();

    dispatcher = ServerInternals.dispatcher(started);
    bearer = "Bearer " + started.control().token(Fixtures.Ids.DOCTOR);
    String token = Fixtures.ADULT.system().uri() + "|" + Fixtures.ADULT.value();
    form =
        ("patient.identifier="
                + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&status=current&_count="
                + PAGE)
            .getBytes(StandardCharsets.UTF_8);
    searchUri = URI.create(started.baseUrl() + SEARCH_PATH);
    // One token for the run, as a real provider caches it (MockServer.tokenProvider mints and
    // signs a new one on every call, which the server must then verify: not the search's cost).
    client =
        MesClient.builder()
            .baseUrl(started.baseUrl())
            .credentials(TokenProvider.staticToken(bearer.substring("Bearer ".length())))
            .build();
    search = DocumentSearch.forPatient(Fixtures.ADULT).pageSize(PAGE).build();
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    httpRequest =
        HttpRequest.newBuilder(searchUri)
            .header("Authorization", bearer)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/fhir+json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofByteArray(form))
            .build();

    String newest = loaded.newestTargetDocument();
    checkBundle("in-process", inProcess(), patientDocuments, newest);
    checkBundle("HTTP", http(), patientDocuments, newest);
    Page<DocumentEntry> page = sdk();
    if (page.total().orElse(-1) != patientDocuments
        || page.items().size() != PAGE
        || !page.items().get(0).id().equals(newest)) {
      throw new IllegalStateException(
          "the SDK's page is not the expected one: total "
              + page.total()
              + ", "
              + page.items().size()
              + " items");
    }
  }

  private static long heapAfterGc() throws InterruptedException {
    System.gc(); // G1: a full, stop-the-world collection; a second one finds nothing more
    Thread.sleep(100);
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void checkBundle(String path, byte[] body, int total, String newest)
      throws IOException {
    JsonNode bundle = new ObjectMapper().readTree(body);
    JsonNode entries = bundle.path("entry");
    if (bundle.path("total").asInt(-1) != total
        || entries.size() != PAGE
        || !entries.path(0).path("resource").path("id").asText().equals(newest)) {
      throw new IllegalStateException(
          "the " + path + " page is not the expected one: total " + bundle.path("total"));
    }
  }

  /** The search handed to the server's dispatcher in memory. */
  @Benchmark
  public byte[] inProcess() throws IOException {
    InProcessExchange exchange =
        new InProcessExchange("POST", URI.create(SEARCH_PATH), form)
            .header("Authorization", bearer)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/fhir+json");
    Objects.requireNonNull(dispatcher, "dispatcher").handle(exchange);
    if (exchange.status() != 200) {
      throw new IllegalStateException("the in-process search answered " + exchange.status());
    }
    return exchange.body();
  }

  /** The search through the SDK, over HTTP. */
  @Benchmark
  public Page<DocumentEntry> sdk() {
    return Dossier.of(Objects.requireNonNull(client, "client")).documents().search(search);
  }

  /** The search as a plain HTTP POST (JDK HttpClient), over HTTP. */
  @Benchmark
  public byte[] http() throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        Objects.requireNonNull(http, "http")
            .send(
                Objects.requireNonNull(httpRequest, "request"),
                HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the HTTP search answered " + response.statusCode());
    }
    return response.body();
  }

  /** Closes the client and stops the server. */
  @TearDown(Level.Trial)
  public void tearDown() {
    MesClient built = client;
    client = null;
    if (built != null) {
      built.close();
    }
    MockServer started = server;
    server = null;
    if (started != null) {
      started.close();
    }
  }
}
