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
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the {@code ## Startup} section of {@code docs/PERFORMANCE.md} from JMH's JSON results of
 * the startup benchmarks, keeping the file's other sections ({@link PerformanceFile}).
 *
 * <p>Usage: {@code PerformanceReport <jmh-result.json> <output.md> <machine.txt> <command>}, where
 * {@code machine.txt} is what {@code benchmarks/run.sh} gathered about the machine (cores, memory,
 * {@code java -version}). The figures are each benchmark's raw samples, all forks together: their
 * median, 90th percentile (linear interpolation between the closest ranks), minimum and maximum.
 */
public final class PerformanceReport {
  /** The heading of the section this report writes. */
  static final String HEADING = "Startup";

  private PerformanceReport() {}

  /** What each known benchmark measures, in the order of the table. */
  private static final List<Row> ROWS =
      List.of(
          new Row(
              "io.mes4j.benchmarks.ServerStartBenchmark.cold",
              "",
              "Reference server: in-process start → first answer",
              "`MockServer.builder().start()` + `GET /fhir/metadata` (HttpURLConnection),"
                  + " first time in a fresh JVM"),
          new Row(
              "io.mes4j.benchmarks.ServerStartBenchmark.hot",
              "",
              "Reference server: in-process start → first answer (hot)",
              "the same, after 100 starts in the same JVM"),
          new Row(
              "io.mes4j.benchmarks.ClientFirstCallBenchmark.cold",
              "",
              "SDK: client build + first call",
              "`MesClient.builder()…build()` with `server.tokenProvider(DOCTOR)`, then"
                  + " `documents().search(forPatient(ADULT))`, server already up; first time in"
                  + " a fresh JVM"),
          new Row(
              "io.mes4j.benchmarks.ClientFirstCallBenchmark.hot",
              "",
              "SDK: client build + first call (hot)",
              "the same, after 100 clients in the same JVM"),
          new Row(
              "io.mes4j.benchmarks.JvmFirstAnswerBenchmark.launchToFirstAnswer",
              "server",
              "New JVM → server's first answer",
              "`java -cp benchmarks.jar io.mes4j.benchmarks.ColdStart server` launched, until"
                  + " its answer line is read (JVM start included)"),
          new Row(
              "io.mes4j.benchmarks.JvmFirstAnswerBenchmark.launchToFirstAnswer",
              "client",
              "New JVM → SDK's first answer",
              "`… ColdStart client`: a new JVM starts the server, builds a client and searches,"
                  + " until its answer line is read"));

  /**
   * Writes the report.
   *
   * @param args the JMH JSON result, the Markdown file to write, the machine description, and the
   *     command that produced the results
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: PerformanceReport <jmh-result.json> <output.md> <machine.txt> <command>");
    }
    JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
    String machine = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8).strip();
    String section = render(results, machine, args[3], Instant.now());
    PerformanceFile.write(Path.of(args[1]), HEADING, section);
  }

  static String render(JsonNode results, String machine, String command, Instant when) {
    List<JsonNode> remaining = new ArrayList<>();
    results.forEach(remaining::add);
    StringBuilder table = new StringBuilder();
    table.append(
        "| benchmark | samples | median ms | p90 ms | min ms | max ms |\n"
            + "|---|---:|---:|---:|---:|---:|\n");
    StringBuilder notes = new StringBuilder();
    for (Row row : ROWS) {
      for (Iterator<JsonNode> it = remaining.iterator(); it.hasNext(); ) {
        JsonNode result = it.next();
        if (row.matches(result)) {
          it.remove();
          table.append(line(row.label(), result));
          notes.append("- **").append(row.label()).append("**: ").append(row.what());
          notes.append(" (").append(runs(result)).append(").\n");
        }
      }
    }
    for (JsonNode result : remaining) {
      String label = result.path("benchmark").asText() + params(result);
      table.append(line(label, result));
      notes.append("- **").append(label).append("** (").append(runs(result)).append(").\n");
    }
    return "## "
        + HEADING
        + "\n\n"
        + "Measured "
        + when.truncatedTo(ChronoUnit.SECONDS)
        + " with:\n\n```sh\n"
        + command
        + "\n```\n\n"
        + table
        + "\n"
        + notes
        + "\n"
        + "Each figure is a time from start to the first answer, in milliseconds, over every"
        + " sample of every fork (median and p90 interpolated linearly between ranks). JMH"
        + " `SingleShotTime`: \"cold\" is one call in each of several fresh JVMs (JMH forks), no"
        + " warm-up; \"hot\" is the same call after warm-up calls in the same JVM. A JMH fork has"
        + " already loaded JMH and the JDK's socket classes before the call, so the cold in-process"
        + " figures are a little lower than a real first start; the \"new JVM\" rows launch a plain"
        + " `java` process each time and include JVM start, class loading from the jar and the"
        + " first answer: what a test suite or a developer waits for. The SDK rows run against a"
        + " server in the same JVM, so they also include the server's side of its first search. Other work on the machine"
        + " (a build, another test run) makes every figure higher and more spread: the machine"
        + " section says how busy the CPUs were just before the run.\n\n"
        + "### Machine\n\n```\n"
        + machine
        + "\n```\n";
  }

  private static String line(String label, JsonNode result) {
    double[] samples = samples(result);
    Arrays.sort(samples);
    return String.format(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
        label,
        samples.length,
        percentile(samples, 50),
        percentile(samples, 90),
        samples[0],
        samples[samples.length - 1]);
  }

  private static String runs(JsonNode result) {
    int forks = result.path("forks").asInt();
    int warmups = result.path("warmupIterations").asInt();
    int measured = result.path("measurementIterations").asInt();
    String runs = forks + (forks == 1 ? " fork" : " forks") + " × " + measured + " measured";
    return warmups == 0 ? runs + ", no warm-up" : runs + " after " + warmups + " warm-up";
  }

  private static String params(JsonNode result) {
    JsonNode params = result.path("params");
    if (params.isMissingNode() || params.isEmpty()) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : params.properties()) {
      pairs.add(e.getKey() + "=" + e.getValue().asText());
    }
    pairs.sort(Comparator.naturalOrder());
    return " (" + String.join(", ", pairs) + ")";
  }

  /** Every raw sample of every fork, in milliseconds. */
  static double[] samples(JsonNode result) {
    JsonNode metric = result.path("primaryMetric");
    String unit = metric.path("scoreUnit").asText();
    if (!unit.equals("ms/op")) {
      throw new IllegalArgumentException(
          result.path("benchmark").asText() + " is in " + unit + ", not ms/op");
    }
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : metric.path("rawData")) {
      for (JsonNode value : fork) {
        values.add(value.asDouble());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(result.path("benchmark").asText() + " has no sample");
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The p-th percentile of sorted values, interpolated linearly between ranks. */
  static double percentile(double[] sorted, double p) {
    double rank = p / 100 * (sorted.length - 1);
    int low = (int) Math.floor(rank);
    int high = (int) Math.ceil(rank);
    return sorted[low] + (rank - low) * (sorted[high] - sorted[low]);
  }

  private record Row(String benchmark, String mode, String label, String what) {
    boolean matches(JsonNode result) {
      return result.path("benchmark").asText().equals(benchmark)
          && result.path("params").path("mode").asText("").equals(mode);
    }
  }
}
