package io.mes4j.benchmarks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the {@code ## Side by side} section of {@code docs/PERFORMANCE.md} and its chart ({@code
 * docs/performance-scale.png}) from the results of one run of {@code benchmarks/run.sh}: the JMH
 * results of {@code SearchPageBenchmark} and {@code ParsePageBenchmark} ({@code steady.json},
 * {@code parse.json}) and the parts of {@code Compare} ({@code cold.json}…), all in one folder. A
 * part whose file is missing shows as "not run". The other sections of the file are kept.
 *
 * <p>Usage: {@code SideBySideReport <results-folder> <PERFORMANCE.md> <machine.txt> <command>}.
 */
public final class SideBySideReport {
  /** The heading of the section this report writes. */
  public static final String HEADING = "Side by side";

  /** The chart's file name, beside PERFORMANCE.md. */
  public static final String CHART = "performance-scale.png";

  /** The token rate of a mock OAuth server signing RS256 per request, a published figure. */
  static final double RS256_ANCHOR_PER_SECOND = 700;

  /** WireMock's resident memory after 160 000 requests, a published figure (MiB). */
  static final double WIREMOCK_ANCHOR_MIB = 2048;

  private final Path folder;
  private final List<String[]> rows = new ArrayList<>();

  private SideBySideReport(Path folder) {
    this.folder = folder;
  }

  /**
   * Writes the section and the chart.
   *
   * @param args the results folder, the Markdown file, the machine description, the command
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: SideBySideReport <results-folder> <PERFORMANCE.md> <machine.txt> <command>");
    }
    Path markdown = Path.of(args[1]);
    String machine = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
    SideBySideReport report = new SideBySideReport(Path.of(args[0]));
    Path chart = markdown.toAbsolutePath().getParent().resolve(CHART);
    String section = report.render(machine, args[3], Instant.now(), chart);
    PerformanceFile.write(markdown, HEADING, section);
  }

  private Optional<JsonNode> part(String name) {
    return Json.read(folder.resolve(name + ".json"));
  }

  /** A JMH result of {@code file}: the benchmark's score, or a secondary metric's. */
  private Optional<Double> jmh(String file, String benchmark, String metric) {
    return part(file)
        .flatMap(
            results -> {
              for (JsonNode r : results) {
                if (r.path("benchmark").asText().endsWith(benchmark)) {
                  JsonNode m =
                      metric.isEmpty()
                          ? r.path("primaryMetric")
                          : r.path("secondaryMetrics").path(metric);
                  return m.has("score")
                      ? Optional.of(m.path("score").asDouble())
                      : Optional.empty();
                }
              }
              return Optional.empty();
            });
  }

  /** A JMH score with its 99.9% confidence half-width, in µs. */
  private String usWithError(String file, String benchmark) {
    Optional<Double> score = jmh(file, benchmark, "");
    Optional<Double> error =
        part(file)
            .flatMap(
                results -> {
                  for (JsonNode r : results) {
                    if (r.path("benchmark").asText().endsWith(benchmark)) {
                      JsonNode e = r.path("primaryMetric").path("scoreError");
                      return e.isNumber() ? Optional.of(e.asDouble()) : Optional.empty();
                    }
                  }
                  return Optional.empty();
                });
    return score.map(v -> us(v) + error.map(e -> " ± " + us(e)).orElse("")).orElse("not run");
  }

  String render(String machine, String command, Instant when, Path chart) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("## ").append(HEADING).append("\n\n");
    md.append("Measured ")
        .append(when.truncatedTo(ChronoUnit.SECONDS))
        .append(
            " in one run, every comparison in the same run (the ratios are what count), with:\n\n")
        .append("```sh\n")
        .append(command)
        .append("\n```\n\n");
    md.append(partTimes()).append("\n\n");
    coldRow();
    steadyRows();
    parseRow();
    overheadRow();
    serverStartRow();
    throughputRows();
    tokenRow();
    memoryRow();
    scaleRows();
    md.append("| what | mes4j | compared with | ratio | goal | met |\n");
    md.append("|---|---:|---:|---:|---|---|\n");
    for (String[] row : rows) {
      md.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    md.append('\n');
    boolean drawn = chart(chart);
    if (drawn) {
      md.append("![Per-patient search latency against the store's size](")
          .append(CHART)
          .append(")\n\n");
    }
    md.append(details());
    md.append("### Machine\n\n```\n").append(machine).append("\n```\n");
    return md.toString();
  }

  /** When each part's results were written (a partial run keeps the others' of earlier runs). */
  private String partTimes() throws IOException {
    List<String> times = new ArrayList<>();
    for (String name :
        List.of(
            "cold", "server-start", "steady", "parse", "throughput", "tokens", "scale", "memory")) {
      Path file = folder.resolve(name + ".json");
      if (Files.exists(file)) {
        times.add(
            name
                + " "
                + Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS));
      }
    }
    return "Parts, each with the time its results were written: " + String.join(", ", times) + ".";
  }

  // ---- rows ----

  private void coldRow() {
    Optional<JsonNode> cold = part("cold");
    if (cold.isEmpty()) {
      rows.add(notRun("cold start: new JVM, client built, first search of a 100-document page"));
      return;
    }
    double sdk = cold.get().path("sdk").path("wallMedianMs").asDouble();
    double hapi = cold.get().path("hapi").path("wallMedianMs").asDouble();
    rows.add(
        new String[] {
          "cold start: new JVM, client built, first search of a 100-document page (median of "
              + cold.get().path("sdk").path("wallMs").size()
              + " launches)",
          ms(sdk),
          "HAPI FHIR 8.8.0 generic client: " + ms(hapi),
          fraction(sdk / hapi),
          "≤ 1/10 of HAPI's time",
          atMost(sdk / hapi, 0.1)
        });
  }

  private void steadyRows() {
    Optional<Double> sdk = jmh("steady", "SearchPageBenchmark.sdk", "");
    Optional<Double> hapi = jmh("steady", "SearchPageBenchmark.hapi", "");
    if (sdk.isEmpty() || hapi.isEmpty()) {
      rows.add(notRun("steady state: the search, µs per call"));
      return;
    }
    double speedup = hapi.get() / sdk.get();
    rows.add(
        new String[] {
          "steady state: the same search, µs per call (throughput = 1 / time; ± JMH's 99.9%"
              + " interval)",
          usWithError("steady", "SearchPageBenchmark.sdk"),
          "HAPI generic client: " + usWithError("steady", "SearchPageBenchmark.hapi"),
          times(speedup) + " HAPI's throughput",
          "≥ 4× HAPI's throughput",
          atLeast(speedup, 4)
        });
    Optional<Double> sdkBytes = jmh("steady", "SearchPageBenchmark.sdk", "gc.alloc.rate.norm");
    Optional<Double> hapiBytes = jmh("steady", "SearchPageBenchmark.hapi", "gc.alloc.rate.norm");
    if (sdkBytes.isPresent() && hapiBytes.isPresent()) {
      double r = sdkBytes.get() / hapiBytes.get();
      rows.add(
          new String[] {
            "steady state: bytes allocated per call (`-prof gc`, the client's JVM only)",
            bytes(sdkBytes.get()),
            "HAPI generic client: " + bytes(hapiBytes.get()),
            fraction(r),
            "≤ 1/3 of HAPI's allocations",
            atMost(r, 1.0 / 3)
          });
    }
  }

  private void parseRow() {
    Optional<Double> sdk = jmh("parse", "ParsePageBenchmark.sdk", "");
    Optional<Double> hapi = jmh("parse", "ParsePageBenchmark.hapi", "");
    if (sdk.isEmpty() || hapi.isEmpty()) {
      rows.add(notRun("parsing only a 100-document search page"));
      return;
    }
    double speedup = hapi.get() / sdk.get();
    String alloc = "";
    Optional<Double> sdkBytes = jmh("parse", "ParsePageBenchmark.sdk", "gc.alloc.rate.norm");
    Optional<Double> hapiBytes = jmh("parse", "ParsePageBenchmark.hapi", "gc.alloc.rate.norm");
    if (sdkBytes.isPresent() && hapiBytes.isPresent()) {
      alloc = " (" + bytes(sdkBytes.get()) + " against " + bytes(hapiBytes.get()) + " allocated)";
    }
    rows.add(
        new String[] {
          "parsing only a 100-document search page, µs per page" + alloc,
          usWithError("parse", "ParsePageBenchmark.sdk"),
          "HAPI `JsonParser` into a R4 `Bundle`: "
              + usWithError("parse", "ParsePageBenchmark.hapi"),
          times(speedup) + " HAPI's throughput",
          "≥ 4× HAPI's throughput",
          atLeast(speedup, 4)
        });
  }

  private void overheadRow() {
    Optional<Double> sdk = jmh("steady", "SearchPageBenchmark.sdk", "");
    Optional<Double> hand = jmh("steady", "SearchPageBenchmark.handWritten", "");
    if (sdk.isEmpty() || hand.isEmpty()) {
      rows.add(notRun("SDK overhead on one call"));
      return;
    }
    double r = sdk.get() / hand.get();
    rows.add(
        new String[] {
          "SDK overhead on one call: the same search, µs per call",
          usWithError("steady", "SearchPageBenchmark.sdk"),
          "Apache HttpClient 5 + Jackson by hand: "
              + usWithError("steady", "SearchPageBenchmark.handWritten"),
          times(r) + " its latency",
          "≤ 1.15× its latency",
          atMost(r, 1.15)
        });
  }

  private void serverStartRow() {
    Optional<JsonNode> start = part("server-start");
    if (start.isEmpty()) {
      rows.add(notRun("reference server in-process start to first answer"));
      return;
    }
    double ours = start.get().path("reference").path("inMainMedianMs").asDouble();
    double wm = start.get().path("wiremock").path("inMainMedianMs").asDouble();
    rows.add(
        new String[] {
          "reference server: in-process start to first answer (in a new JVM, from `main`; median"
              + " of "
              + start.get().path("reference").path("inMainMs").size()
              + ")",
          ms(ours),
          "WireMock 3.13.2, the same answer as a static stub: " + ms(wm),
          fraction(ours / wm),
          "≤ 1/10 of WireMock's time",
          atMost(ours / wm, 0.1)
        });
  }

  private void throughputRows() {
    Optional<JsonNode> t = part("throughput");
    if (t.isEmpty()) {
      rows.add(notRun("reference server throughput at 16 connections"));
      return;
    }
    JsonNode ours = t.get().path("reference");
    JsonNode wm = t.get().path("wiremock");
    double r = ours.path("perSecond").asDouble() / wm.path("perSecond").asDouble();
    rows.add(
        new String[] {
          "reference server: throughput at 16 kept-alive connections, search of the 100-document"
              + " page ("
              + kib(t.get().path("answerBytes").asDouble())
              + " answer), calls/s",
          perSecond(ours.path("perSecond").asDouble()),
          "WireMock, the same answer as a static stub: "
              + perSecond(wm.path("perSecond").asDouble()),
          times(r) + " WireMock's throughput",
          "≥ 1× WireMock's throughput",
          atLeast(r, 1)
        });
    double p = ours.path("p99Ms").asDouble() / wm.path("p99Ms").asDouble();
    rows.add(
        new String[] {
          "the same load: p99 latency",
          ms(ours.path("p99Ms").asDouble()),
          "WireMock: " + ms(wm.path("p99Ms").asDouble()),
          times(p),
          "(reported with the throughput)",
          "—"
        });
  }

  private void tokenRow() {
    Optional<JsonNode> t = part("tokens");
    if (t.isEmpty()) {
      rows.add(notRun("token issuance rate at /oauth2/token"));
      return;
    }
    double rate = t.get().path("reference").path("perSecond").asDouble();
    rows.add(
        new String[] {
          "token issuance at `/oauth2/token` (client credentials, `private_key_jwt` ES256), 16"
              + " connections, tokens/s",
          perSecond(rate),
          "a mock OAuth server signing RS256 per request: about 700/s (the goal's figure, not"
              + " measured here)",
          times(rate / RS256_ANCHOR_PER_SECOND) + " that figure",
          "≥ 10 000 tokens/s",
          rate >= 10_000
              ? "met"
              : String.format(Locale.ROOT, "**not met**: %.1f× short of the goal", 10_000 / rate)
        });
  }

  private void memoryRow() {
    Optional<JsonNode> m = part("memory");
    if (m.isEmpty()) {
      rows.add(notRun("resident memory after 1 000 000 requests"));
      return;
    }
    JsonNode ours = m.get().path("reference");
    JsonNode wm = m.get().path("wiremock");
    double rss = ours.path("rssMib").asDouble();
    rows.add(
        new String[] {
          "resident memory (VmRSS) of a server JVM with default settings after "
              + count(ours.path("requests").asLong())
              + " searches (page of "
              + m.get().path("page").asInt()
              + ", 16 connections)",
          mib(rss),
          "WireMock, default unbounded journal, after "
              + count(wm.path("requests").asLong())
              + " of the same: "
              + mib(wm.path("rssMib").asDouble())
              + " (published: about 2 GB after 160 000)",
          String.format(Locale.ROOT, "%.2f×", rss / wm.path("rssMib").asDouble()),
          "≤ 512 MB",
          rss * 1048576 <= 512e6
              ? "met"
              : String.format(
                  Locale.ROOT,
                  "**not met**: %.0f MB, %.2f× the goal",
                  rss * 1.048576,
                  rss * 1.048576 / 512)
        });
  }

  private void scaleRows() {
    Optional<JsonNode> s = part("scale");
    if (s.isEmpty()) {
      rows.add(notRun("scale: 1 000 000 documents across 100 000 patients"));
      return;
    }
    JsonNode small = null;
    JsonNode large = null;
    for (JsonNode run : s.get().path("runs")) {
      if (small == null || run.path("documents").asLong() < small.path("documents").asLong()) {
        small = run;
      }
      if (large == null || run.path("documents").asLong() > large.path("documents").asLong()) {
        large = run;
      }
    }
    if (small == null || large == null || small == large) {
      rows.add(notRun("scale: needs two store sizes"));
      return;
    }
    String bigName = count(large.path("documents").asLong()) + " documents";
    String smallName = count(small.path("documents").asLong()) + " documents";
    double heap = large.path("heapAfterGcMib").asDouble();
    rows.add(
        new String[] {
          "scale: heap after a full GC, "
              + bigName
              + " across "
              + count(large.path("patients").asLong())
              + " patients",
          mib(heap),
          smallName + ": " + mib(small.path("heapAfterGcMib").asDouble()),
          "—",
          "≤ 1.5 GB",
          heap * 1048576 <= 1.5 * 1024 * 1048576
              ? "met"
              : String.format(Locale.ROOT, "**not met**: %.2f× the goal", heap / 1536)
        });
    for (String path : List.of("inProcess", "sdk")) {
      double big = large.path(path).path("p50Us").asDouble();
      double little = small.path(path).path("p50Us").asDouble();
      rows.add(
          new String[] {
            "scale: per-patient search latency, p50, "
                + (path.equals("sdk") ? "SDK over the loopback" : "in process (the server alone)"),
            us(big),
            smallName + ": " + us(little),
            times(big / little),
            "≤ 1.5× the small store's",
            atMost(big / little, 1.5)
          });
    }
    rows.add(
        new String[] {
          "scale: load time (documents put into the store directly)",
          String.format(Locale.ROOT, "%.1f s", large.path("loadSeconds").asDouble()),
          smallName
              + ": "
              + String.format(Locale.ROOT, "%.2f s", small.path("loadSeconds").asDouble()),
          "—",
          "reported",
          "—"
        });
  }

  // ---- the chart ----

  private boolean chart(Path file) throws IOException {
    Optional<JsonNode> s = part("scale");
    if (s.isEmpty() || s.get().path("runs").size() < 2) {
      return false;
    }
    List<JsonNode> runs = new ArrayList<>();
    s.get().path("runs").forEach(runs::add);
    runs.sort((a, b) -> Long.compare(a.path("documents").asLong(), b.path("documents").asLong()));
    double[] xs = new double[runs.size()];
    double[] inProcess = new double[runs.size()];
    double[] sdk = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      xs[i] = runs.get(i).path("documents").asDouble();
      inProcess[i] = runs.get(i).path("inProcess").path("p50Us").asDouble();
      sdk[i] = runs.get(i).path("sdk").path("p50Us").asDouble();
    }
    Color blue = new Color(31, 119, 180);
    Color orange = new Color(230, 110, 20);
    Color grey = new Color(90, 90, 90);
    List<Chart.Reference> references = new ArrayList<>();
    references.add(
        new Chart.Reference(
            "goal, in process: 1.5× the smallest store", blue, 1.5 * inProcess[0], false));
    references.add(
        new Chart.Reference("goal, SDK: 1.5× the smallest store", orange, 1.5 * sdk[0], false));
    JsonNode anchor = runs.get(0).path("sdkAgainstWiremock");
    if (anchor.has("p50Us")) {
      references.add(
          new Chart.Reference(
              "anchor: the SDK against WireMock serving the same page as a static stub (no store)",
              grey,
              anchor.path("p50Us").asDouble(),
              true));
    }
    Chart.write(
        file,
        "Per-patient search latency (p50) against the store's size",
        "documents in the store (log scale; 10 of them the patient's)",
        "µs per search (log scale)",
        xs,
        List.of(
            new Chart.Series("mes4j, in process (the server alone)", blue, inProcess),
            new Chart.Series("mes4j, SDK over the loopback", orange, sdk)),
        references);
    return true;
  }

  // ---- details ----

  private String details() {
    StringBuilder md = new StringBuilder();
    md.append("How each row is measured:\n\n");
    md.append(
        "- **the search**: `POST /fhir/DocumentReference/_search` with `patient.identifier`"
            + " (ADULT's INS), `status=current` and `_count=100`, by DOCTOR (authorised), against a"
            + " reference server whose store holds 100 more documents of ADULT (200 bytes of content"
            + " each): every client gets the same 100-entry page. The SDK is `Dossier.of(client)"
            + ".documents().search(...)` with a static bearer token (as a token provider caches one);"
            + " HAPI is `client.search().forResource(DocumentReference.class)…count(100)"
            + ".usingStyle(POST).returnBundle(Bundle.class)` with a `BearerTokenAuthInterceptor` and"
            + " server validation off (less work for HAPI); by hand is an Apache HttpClient 5 classic"
            + " `HttpPost` of the same form, the body read by Jackson's `readTree` and the ids taken.\n");
    md.append(
        "- **cold start**: `java -cp benchmarks.jar io.mes4j.benchmarks.ColdClient sdk|hapi <url>`"
            + " launched in turn, time from the launch to its answer line (JVM start, class loading,"
            + " HAPI's `FhirContext.forR4()`, the client built, the search and the page read), the"
            + " server already running in a JVM of its own; a first round of each, not recorded,"
            + " warms the disk cache.\n");
    md.append(
        "- **steady state, overhead**: JMH `SearchPageBenchmark` (one thread, average time, 4 × 2 s"
            + " warm-up, 5 × 2 s measured, `-prof gc`), the server in a JVM of its own so that the"
            + " bytes per call are the client's only.\n");
    md.append(
        "- **parsing only**: JMH `ParsePageBenchmark`, the page's bytes in memory: the SDK's reading"
            + " of a search answer (its JSON tree, then each entry into a `DocumentEntry`) against"
            + " HAPI's `JsonParser.parseResource(Bundle.class, …)`.\n");
    md.append(
        "- **server start**: `ColdServer reference|wiremock` launched in turn, time from `main` to"
            + " the first answer read: the server started with its defaults, the search sent with"
            + " `HttpURLConnection`; WireMock started with its defaults and the same answer stubbed"
            + " (`stubFor(post(urlEqualTo(…)).willReturn(…))`) before the same request.\n");
    md.append(
        "- **throughput**: a closed-loop load generator of this module (16 threads, one kept-alive"
            + " socket each, the request bytes built beforehand, every answer read whole), 5 s of"
            + " warm-up then the measured seconds, against each server in a JVM of its own with"
            + " default settings; p99 from the sorted latencies of every call. The generator runs on"
            + " the same 2 cores as the server.\n");
    md.append(
        "- **memory**: the same generator, the search of a 10-document page; `VmRSS` of"
            + " `/proc/<pid>/status` of the server's JVM (default settings: no `-Xmx`) as the"
            + " requests accumulate, then the heap in use after a full GC (`jcmd GC.run`,"
            + " `GC.heap_info`).\n");
    md.append(
        "- **scale**: `ScaleRun <documents>` in a new JVM with default settings per size: the"
            + " documents put into the store directly (`ScaleStore`, 10 of them ADULT's, the rest"
            + " round-robin over up to 99 999 generated patients), heap after `System.gc()`, then"
            + " ADULT's search (default page of 20) 5 s of warm-up and 5 s measured, in process (the"
            + " server's dispatcher, no socket) and through the SDK over the loopback.\n\n");
    part("throughput")
        .ifPresent(
            t ->
                md.append(
                    String.format(
                        Locale.ROOT,
                        "Throughput run: mes4j %d calls in %.1f s (p50 %s, p99 %s, %d errors), WireMock"
                            + " %d calls in %.1f s (p50 %s, p99 %s, %d errors); resident memory at the"
                            + " end %s and %s.\n\n",
                        t.path("reference").path("calls").asLong(),
                        t.path("reference").path("seconds").asDouble(),
                        ms(t.path("reference").path("p50Ms").asDouble()),
                        ms(t.path("reference").path("p99Ms").asDouble()),
                        t.path("reference").path("errors").asLong(),
                        t.path("wiremock").path("calls").asLong(),
                        t.path("wiremock").path("seconds").asDouble(),
                        ms(t.path("wiremock").path("p50Ms").asDouble()),
                        ms(t.path("wiremock").path("p99Ms").asDouble()),
                        t.path("wiremock").path("errors").asLong(),
                        mib(t.path("reference").path("rssMib").asDouble()),
                        mib(t.path("wiremock").path("rssMib").asDouble()))));
    part("tokens").ifPresent(t -> md.append(tokenDetails(t)));
    part("memory").ifPresent(m -> md.append(memoryDetails(m)));
    part("scale").ifPresent(s -> md.append(scaleDetails(s)));
    return md.toString();
  }

  private String tokenDetails(JsonNode t) {
    StringBuilder md = new StringBuilder();
    JsonNode r = t.path("reference");
    md.append(
        String.format(
            Locale.ROOT,
            "Token run: %d tokens in %.1f s (p50 %s, p99 %s, %d refused), assertions signed before the"
                + " run (%.0f/s on the client's side); the server recorded by JFR (`settings=profile`)."
                + " Where its CPU samples were (each sample counted once, under the first of these"
                + " found in its stack):\n\n",
            r.path("calls").asLong(),
            r.path("seconds").asDouble(),
            ms(r.path("p50Ms").asDouble()),
            ms(r.path("p99Ms").asDouble()),
            r.path("errors").asLong(),
            t.path("clientSigningPerSecond").asDouble()));
    md.append("| operation | share of samples |\n|---|---:|\n");
    Iterator<Map.Entry<String, JsonNode>> ops = t.path("profile").path("operations").fields();
    while (ops.hasNext()) {
      Map.Entry<String, JsonNode> op = ops.next();
      md.append(
          String.format(Locale.ROOT, "| %s | %.1f%% |\n", op.getKey(), op.getValue().asDouble()));
    }
    md.append("\nMethods most often on top of the stack: ");
    List<String> tops = new ArrayList<>();
    for (JsonNode top : t.path("profile").path("topOfStack")) {
      if (tops.size() == 6) {
        break;
      }
      String method = top.path("method").asText();
      method = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1);
      tops.add(String.format(Locale.ROOT, "`%s` %.1f%%", method, top.path("percent").asDouble()));
    }
    md.append(String.join(", ", tops))
        .append(" (of ")
        .append(t.path("profile").path("samples").asInt())
        .append(" samples).\n\n");
    return md.toString();
  }

  private String memoryDetails(JsonNode m) {
    StringBuilder md = new StringBuilder();
    md.append("Resident memory as the requests accumulate (MiB):\n\n");
    md.append(
        "| server | requests → VmRSS | heap in use after a full GC at the end | VmRSS after it |\n");
    md.append("|---|---|---:|---:|\n");
    for (String[] server :
        List.of(new String[] {"reference", "mes4j"}, new String[] {"wiremock", "WireMock"})) {
      JsonNode node = m.path(server[0]);
      List<String> points = new ArrayList<>();
      for (JsonNode p : node.path("series")) {
        points.add(
            count(p.path("requests").asLong())
                + " → "
                + String.format(Locale.ROOT, "%.0f", p.path("rssMib").asDouble()));
      }
      md.append("| ")
          .append(server[1])
          .append(" | ")
          .append(String.join(", ", points))
          .append(" | ")
          .append(mib(node.path("liveHeapAfterGcMib").asDouble()))
          .append(" | ")
          .append(mib(node.path("rssAfterGcMib").asDouble()))
          .append(" |\n");
    }
    md.append('\n');
    return md.toString();
  }

  private String scaleDetails(JsonNode s) {
    StringBuilder md = new StringBuilder();
    md.append("Scale runs (ADULT has 10 documents in every store; default page of 20):\n\n");
    md.append(
        "| documents | patients | load s | heap after GC | max heap (default) | in process p50 / p99 µs | SDK p50 / p99 µs |\n");
    md.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (JsonNode run : s.path("runs")) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | %s | %s | %.0f / %.0f | %.0f / %.0f |\n",
              count(run.path("documents").asLong()),
              count(run.path("patients").asLong()),
              run.path("loadSeconds").asDouble(),
              mib(run.path("heapAfterGcMib").asDouble()),
              mib(run.path("maxHeapMib").asDouble()),
              run.path("inProcess").path("p50Us").asDouble(),
              run.path("inProcess").path("p99Us").asDouble(),
              run.path("sdk").path("p50Us").asDouble(),
              run.path("sdk").path("p99Us").asDouble()));
    }
    JsonNode first = s.path("runs").path(0).path("sdkAgainstWiremock");
    if (first.has("p50Us")) {
      md.append(
          String.format(
              Locale.ROOT,
              "\nAnchor: the same SDK search against WireMock serving the smallest store's page as a"
                  + " static stub: p50 %.0f µs, p99 %.0f µs (no store behind it: flat whatever the"
                  + " size).\n\n",
              first.path("p50Us").asDouble(),
              first.path("p99Us").asDouble()));
    }
    return md.toString();
  }

  // ---- formatting ----

  private static String[] notRun(String what) {
    return new String[] {what, "not run", "", "", "", ""};
  }

  private static String atMost(double ratio, double goal) {
    return ratio <= goal
        ? "met"
        : String.format(Locale.ROOT, "**not met**: %.1f× over the goal", ratio / goal);
  }

  private static String atLeast(double ratio, double goal) {
    return ratio >= goal
        ? "met"
        : String.format(Locale.ROOT, "**not met**: %.1f× short of the goal", goal / ratio);
  }

  private static String fraction(double r) {
    return r >= 1
        ? String.format(Locale.ROOT, "%.2f×", r)
        : String.format(Locale.ROOT, "%.2f× (1/%.1f)", r, 1 / r);
  }

  private static String times(double r) {
    return String.format(Locale.ROOT, "%.2f×", r);
  }

  private static String ms(double v) {
    return String.format(Locale.ROOT, v < 10 ? "%.2f ms" : "%.0f ms", v);
  }

  private static String us(double v) {
    return String.format(Locale.ROOT, v < 100 ? "%.1f µs" : "%,.0f µs", v).replace(',', ' ');
  }

  private static String bytes(double v) {
    return String.format(Locale.ROOT, "%,.0f B", v).replace(',', ' ');
  }

  private static String kib(double v) {
    return String.format(Locale.ROOT, "%.0f KiB", v / 1024);
  }

  private static String mib(double v) {
    return v < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f MiB", v);
  }

  private static String perSecond(double v) {
    return String.format(Locale.ROOT, "%,.0f/s", v).replace(',', ' ');
  }

  private static String count(long v) {
    return String.format(Locale.ROOT, "%,d", v).replace(',', ' ');
  }
}
