package io.mes4j.benchmarks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code ## Dossier search at scale} section of {@code docs/PERFORMANCE.md} from the JMH
 * results of {@code DossierSearchScaleBenchmark} and the setup lines its forks printed (load time,
 * heap after GC), keeping the file's other sections ({@link PerformanceFile}).
 *
 * <p>Usage: {@code ScaleReport <jmh-result.json> <jmh-log> <output.md> <machine.txt> <command>}.
 * Latencies are JMH {@code SampleTime} samples, all iterations of the fork together: p50, p99 and
 * mean as JMH computes them, and the calls per second of the one benchmark thread (1 / mean).
 */
public final class ScaleReport {
  /** The heading of the section this report writes. */
  static final String HEADING = "Dossier search at scale";

  private static final String BENCHMARK = "io.mes4j.benchmarks.DossierSearchScaleBenchmark.";
  private static final List<String> SCALES = List.of("1000/1000", "1000/1000000", "10000/1000000");
  private static final Map<String, String> PATHS = new LinkedHashMap<>();

  static {
    PATHS.put("inProcess", "in-process");
    PATHS.put("sdk", "SDK over HTTP");
    PATHS.put("http", "plain HTTP");
  }

  private static final Pattern SETUP =
      Pattern.compile(
          "scale-setup benchmark=\\S+\\.(\\w+) scale=(\\S+) patients=(\\d+) documents=(\\d+)"
              + " load-ms=(\\d+) heap-after-gc-mib=(\\d+)");

  /** One fork's setup line. */
  record Setup(String path, String scale, int patients, int documents, long loadMs, long heapMib) {}

  private ScaleReport() {}

  /**
   * Writes the section.
   *
   * @param args the JMH JSON result, the JMH log, the Markdown file to write, the machine
   *     description, and the command that produced the results
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: ScaleReport <jmh-result.json> <jmh-log> <output.md> <machine.txt> <command>");
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    List<Setup> setups = setups(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
    String machine = Files.readString(Path.of(args[3]), StandardCharsets.UTF_8).strip();
    String section = render(results, setups, machine, args[4], Instant.now());
    PerformanceFile.write(Path.of(args[2]), HEADING, section);
  }

  static List<Setup> setups(String log) {
    List<Setup> setups = new ArrayList<>();
    Matcher m = SETUP.matcher(log);
    while (m.find()) {
      setups.add(
          new Setup(
              m.group(1),
              m.group(2),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Long.parseLong(m.group(5)),
              Long.parseLong(m.group(6))));
    }
    return setups;
  }

  static String render(
      JsonNode results, List<Setup> setups, String machine, String command, Instant when) {
    StringBuilder latency = new StringBuilder();
    latency.append(
        "| path | patient's documents | store's documents | samples | p50 ms | p99 ms | mean ms"
            + " | calls/s |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, String> path : PATHS.entrySet()) {
      for (String scale : SCALES) {
        JsonNode result = find(results, path.getKey(), scale);
        if (result != null) {
          latency.append(line(path.getValue(), scale, result));
        }
      }
    }
    StringBuilder load = new StringBuilder();
    load.append(
        "| patient's documents | store's documents | patients (fixtures included) | load s (each fork) |"
            + " heap after GC MiB (each fork) |\n"
            + "|---:|---:|---:|---|---|\n");
    Map<String, Long> heapByScale = new LinkedHashMap<>();
    for (String scale : SCALES) {
      List<Setup> forks = setups.stream().filter(s -> s.scale().equals(scale)).toList();
      if (forks.isEmpty()) {
        continue;
      }
      List<String> loads = new ArrayList<>();
      List<String> heaps = new ArrayList<>();
      for (Setup s : forks) {
        loads.add(String.format(Locale.ROOT, "%.1f", s.loadMs() / 1000.0));
        heaps.add(Long.toString(s.heapMib()));
      }
      heapByScale.put(scale, forks.stream().mapToLong(Setup::heapMib).min().orElse(0));
      String[] sizes = scale.split("/", -1);
      load.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s |%n",
              thousands(Long.parseLong(sizes[0])),
              thousands(Long.parseLong(sizes[1])),
              thousands(forks.get(0).patients()),
              String.join(" / ", loads),
              String.join(" / ", heaps)));
    }
    String perDocument = "";
    Long small = heapByScale.get("1000/1000");
    Long large = heapByScale.get("10000/1000000");
    if (small != null && large != null) {
      double bytes = (large - small) * 1048576.0 / (1_000_000 - 1_000);
      perDocument =
          String.format(
              Locale.ROOT,
              " From the smallest heaps of the 1 000 and the 1 000 000-document stores, a stored"
                  + " document (200 bytes of content) costs about %.0f bytes of heap, its"
                  + " indexes and its share of the patients' records included.",
              bytes);
    }
    return "## "
        + HEADING
        + "\n\nMeasured "
        + when.truncatedTo(ChronoUnit.SECONDS)
        + " with:\n\n```sh\n"
        + command
        + "\n```\n\n"
        + "What is measured (the goal: \"one patient with 10 000 documents in a store of 1 000 000:"
        + " search latency p50 and p99 in-process and over HTTP, and the same with 1 000"
        + " documents in the store\"): the first page of one patient's documents, as"
        + " `Dossier.of(client).documents().search(DocumentSearch.forPatient(ins).build())`"
        + " asks for it (20 entries, newest first, the total counted), by a doctor the holder"
        + " authorised (`Fixtures.DOCTOR` on `Fixtures.ADULT`). The goal's \"the same with 1 000"
        + " documents in the store\" is read as: the same patient's search when the whole store"
        + " holds only 1 000 documents, theirs. Three sizes: 1 000 documents in a store of"
        + " 1 000 (nobody else's), 1 000 in a store of 1 000 000 (the store's size alone changes,"
        + " by a factor of 1 000), and the goal's 10 000 in 1 000 000.\n\n"
        + latency
        + "\n"
        + "- **in-process**: the request (`POST /fhir/DocumentReference/_search`, form body,"
        + " bearer token) handed to the server's own `Dispatcher` in memory, no socket: routing,"
        + " the token's check, the search (a policy decision for the dossier, then one per"
        + " document, the audit trace, the paging cursors) and the FHIR JSON answer written to"
        + " bytes.\n"
        + "- **SDK over HTTP**: `Dossier.of(client).documents().search(...)` against the server on"
        + " the loopback, in the same JVM, the page read into `DocumentEntry` values.\n"
        + "- **plain HTTP**: the same request with the JDK's `HttpClient` (HTTP/1.1, kept alive),"
        + " the body read as bytes: the HTTP path without the SDK.\n\n"
        + "Each row is one JMH fork (`SampleTime`, one benchmark thread, "
        + runs(results)
        + "; p50, p99 and mean over every sampled call of"
        + " the measured iterations; calls/s = 1 / mean, for that one thread). Every path presents"
        + " one bearer token minted at the start, as a real token provider caches it, so the"
        + " server checks its signature once and then finds it in its cache. The fork's JVM has"
        + " `-Xmx6g` and the default collector (G1); the p99 includes its pauses.\n\n"
        + "Reading the figures: a search looks the patient up in one hash map, then reads that"
        + " patient's documents only, all of them (to count the total and to decide each one's"
        + " visibility, DOC-6), never anyone else's. So its cost follows the patient's number of"
        + " documents, not the store's: compare the 1 000/1 000 and 1 000/1 000 000 rows of a"
        + " path (the same work, a store a thousand times larger), and the 10 000/1 000 000 row"
        + " (ten times the patient's documents). Over HTTP the fixed cost of the exchange (and,"
        + " for the SDK, of reading the page into values) is added to the same search. The p99"
        + " of a large store is higher: a larger heap makes the collector's pauses longer, which"
        + " the calls that meet them pay. Other work on the machine makes every figure higher and"
        + " more spread: the machine section says how much of the CPUs other processes used"
        + " during the run.\n\n"
        + "Loading the store, before anything is measured, in each fork: documents are put into"
        + " the store directly (`ScaleStore`: the records, ids, indexes and unique producer ids a"
        + " deposit would store, without the policy, audit or notices), each with 200 bytes of"
        + " content of its own; the patient's documents are interleaved with the others' in"
        + " deposit order, and the others go round-robin to 99 999 generated patients. The heap"
        + " is measured after a full GC (`System.gc()`, then the `MemoryMXBean`'s used heap),"
        + " the default fixtures and the started server included.\n\n"
        + load
        + "\n"
        + perDocument.strip()
        + (perDocument.isEmpty() ? "" : "\n\n")
        + "### Machine\n\n```\n"
        + machine
        + "\n```\n";
  }

  /** The warm-up and measured iterations, as the first result says (the same for all). */
  private static String runs(JsonNode results) {
    JsonNode first = results.path(0);
    return String.format(
        Locale.ROOT,
        "%d warm-up iterations of %s then %d measured iterations of %s",
        first.path("warmupIterations").asInt(),
        first.path("warmupTime").asText(),
        first.path("measurementIterations").asInt(),
        first.path("measurementTime").asText());
  }

  private static @Nullable JsonNode find(JsonNode results, String method, String scale) {
    for (JsonNode result : results) {
      if (result.path("benchmark").asText().equals(BENCHMARK + method)
          && result.path("params").path("scale").asText().equals(scale)) {
        return result;
      }
    }
    return null;
  }

  private static String line(String path, String scale, JsonNode result) {
    JsonNode metric = result.path("primaryMetric");
    double toMs = toMillis(metric.path("scoreUnit").asText());
    JsonNode percentiles = metric.path("scorePercentiles");
    double mean = metric.path("score").asDouble() * toMs;
    long samples = 0;
    for (JsonNode fork : metric.path("rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode bucket : iteration) {
          samples += bucket.path(1).asLong();
        }
      }
    }
    String[] sizes = scale.split("/", -1);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %d | %.2f | %.2f | %.2f | %.0f |%n",
        path,
        thousands(Long.parseLong(sizes[0])),
        thousands(Long.parseLong(sizes[1])),
        samples,
        percentiles.path("50.0").asDouble() * toMs,
        percentiles.path("99.0").asDouble() * toMs,
        mean,
        1000.0 / mean);
  }

  private static double toMillis(String unit) {
    return switch (unit) {
      case "ns/op" -> 1e-6;
      case "us/op" -> 1e-3;
      case "ms/op" -> 1.0;
      case "s/op" -> 1e3;
      default -> throw new IllegalArgumentException("unexpected unit " + unit);
    };
  }

  /** 1000000 as {@code 1 000 000}, as the goals write it. */
  static String thousands(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }
}
