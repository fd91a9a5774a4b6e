package io.mes4j.benchmarks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.mes4j.benchmarks.internal.JfrProfile;
import io.mes4j.benchmarks.internal.Json;
import io.mes4j.benchmarks.internal.LoadGenerator;
import io.mes4j.benchmarks.internal.SearchFixture;
import io.mes4j.benchmarks.internal.ServerProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The comparisons that are not JMH benchmarks, each run by {@code benchmarks/run.sh}: every part
 * writes its figures to {@code <out>/<part>.json}, read by {@code SideBySideReport}.
 *
 * <ul>
 *   <li>{@code cold}: a new JVM builds a client and makes the first search of a 100-document page
 *       against a reference server already running: the SDK against HAPI FHIR's generic client
 *       ({@link ColdClient}), launched in turn;
 *   <li>{@code server-start}: a new JVM starts a server in process and gets its first answer: the
 *       reference server against WireMock serving the same answer as a static stub ({@link
 *       ColdServer});
 *   <li>{@code throughput}: 16 kept-alive connections on the loopback, closed loop, the search of
 *       the 100-document page: the reference server against WireMock's static stub of its answer,
 *       each in a JVM of its own with default settings;
 *   <li>{@code tokens}: the same load generator on {@code POST /oauth2/token} (client credentials,
 *       {@code private_key_jwt}, ES256 assertions signed before the run), the server recorded by
 *       JFR; the samples are grouped by what they were doing;
 *   <li>{@code memory}: the resident memory of a server JVM with default settings as requests
 *       accumulate: the reference server up to a million, WireMock (its default, unbounded journal)
 *       up to fewer;
 *   <li>{@code scale}: {@link ScaleRun} in a new JVM (default settings) for each store size.
 * </ul>
 */
public final class Compare {
  private static final int CONNECTIONS = 16;

  private Compare() {}

  /**
   * Runs one part.
   *
   * @param args the output folder, the part, then the part's options as {@code name=value}
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    String part = args[1];
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 2; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      options.put(kv[0], kv[1]);
    }
    ObjectNode result =
        switch (part) {
          case "cold" -> cold(out, intOption(options, "samples", 10));
          case "server-start" -> serverStart(out, intOption(options, "samples", 10));
          case "throughput" -> throughput(out, intOption(options, "seconds", 15));
          case "tokens" ->
              tokens(
                  out, intOption(options, "seconds", 10), intOption(options, "assertions", 40_000));
          case "memory" ->
              memory(
                  out,
                  intOption(options, "requests", 1_000_000),
                  intOption(options, "wiremock-requests", 160_000));
          case "scale" -> scale(options.getOrDefault("sizes", "10000,100000,1000000"));
          default -> throw new IllegalArgumentException("unknown part " + part);
        };
    result.put("part", part);
    result.put("measured", Instant.now().toString());
    Json.write(out.resolve(part + ".json"), result);
    System.out.println(Json.MAPPER.writeValueAsString(result));
    System.exit(0);
  }

  private static int intOption(Map<String, String> options, String name, int defaultValue) {
    String value = options.get(name);
    return value == null ? defaultValue : Integer.parseInt(value);
  }

  // ---- cold start of the clients ----

  private static ObjectNode cold(Path out, int samples) throws Exception {
    ObjectNode result = Json.object();
    try (ServerProcess server =
        ServerProcess.start(List.of(), "reference", Integer.toString(SearchFixture.PAGE))) {
      Map<String, String> env = Map.of(ColdClient.TOKEN_VARIABLE, server.token());
      String[] modes = {"sdk", "hapi"};
      double[][] wall = new double[2][samples];
      double[][] inMain = new double[2][samples];
      for (int i = -1; i < samples; i++) { // the first round warms the disk cache, not recorded
        for (int m = 0; m < modes.length; m++) {
          double[] sample =
              launch(
                  List.of("io.mes4j.benchmarks.ColdClient", modes[m], server.baseUrl()),
                  env,
                  "entries=" + SearchFixture.PAGE);
          if (i >= 0) {
            wall[m][i] = sample[0];
            inMain[m][i] = sample[1];
          }
        }
      }
      for (int m = 0; m < modes.length; m++) {
        result.set(modes[m], samples(wall[m], inMain[m]));
      }
    }
    return result;
  }

  private static ObjectNode samples(double[] wall, double[] inMain) {
    ObjectNode node = Json.object();
    node.put("wallMedianMs", Json.median(wall));
    node.put("inMainMedianMs", Json.median(inMain));
    ArrayNode w = node.putArray("wallMs");
    for (double v : wall) {
      w.add(round(v));
    }
    ArrayNode m = node.putArray("inMainMs");
    for (double v : inMain) {
      m.add(round(v));
    }
    return node;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /**
   * Launches {@code java -cp <jar> <args>} and reads its output until the answer line: returns the
   * time from the launch to that line and the {@code in-main-ms} it printed.
   */
  private static double[] launch(List<String> args, Map<String, String> env, String mustContain)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ServerProcess.java());
    command.add("-cp");
    command.add(ServerProcess.classPath());
    command.addAll(args);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().putAll(env);
    long started = System.nanoTime();
    Process process = builder.start();
    double wall = -1;
    double inMain = -1;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith(ColdStart.ANSWER)) {
          wall = (System.nanoTime() - started) / 1e6;
          if (!line.contains(mustContain)) {
            throw new IllegalStateException("unexpected answer: " + line);
          }
          for (String word : line.split(" ")) {
            if (word.startsWith("in-main-ms=")) {
              inMain = Double.parseDouble(word.substring("in-main-ms=".length()));
            }
          }
        }
      }
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroy();
    }
    if (wall < 0) {
      throw new IllegalStateException(String.join(" ", args) + " printed no answer");
    }
    return new double[] {wall, inMain};
  }

  // ---- a server's start to its first answer ----

  private static ObjectNode serverStart(Path out, int samples) throws Exception {
    Path body = out.resolve("search-answer-fixtures.json");
    try (ServerProcess server = ServerProcess.start(List.of(), "reference", "0")) {
      Files.write(
          body, ParsePageBenchmark.fetch(server.baseUrl(), server.token(), SearchFixture.PAGE));
    }
    ObjectNode result = Json.object();
    result.put("answerBytes", Files.size(body));
    double[][] wall = new double[2][samples];
    double[][] inMain = new double[2][samples];
    List<List<String>> commands =
        List.of(
            List.of("io.mes4j.benchmarks.ColdServer", "reference"),
            List.of("io.mes4j.benchmarks.ColdServer", "wiremock", body.toString()));
    for (int i = -1; i < samples; i++) {
      for (int m = 0; m < 2; m++) {
        double[] sample = launch(commands.get(m), Map.of(), "bytes=" + Files.size(body));
        if (i >= 0) {
          wall[m][i] = sample[0];
          inMain[m][i] = sample[1];
        }
      }
    }
    result.set("reference", samples(wall[0], inMain[0]));
    result.set("wiremock", samples(wall[1], inMain[1]));
    return result;
  }

  // ---- throughput and p99 at 16 connections ----

  private static ObjectNode throughput(Path out, int seconds) throws Exception {
    Path body = out.resolve("search-answer-100.json");
    ObjectNode result = Json.object();
    result.put("connections", CONNECTIONS);
    result.put("seconds", seconds);
    try (ServerProcess server =
        ServerProcess.start(List.of(), "reference", Integer.toString(SearchFixture.PAGE))) {
      Files.write(
          body, ParsePageBenchmark.fetch(server.baseUrl(), server.token(), SearchFixture.PAGE));
      result.put("answerBytes", Files.size(body));
      result.set("reference", load(server, server.token(), seconds));
    }
    try (ServerProcess server = ServerProcess.start(List.of(), "wiremock", body.toString())) {
      result.set("wiremock", load(server, "unused", seconds));
    }
    return result;
  }

  private static ObjectNode load(ServerProcess server, String token, int seconds) {
    byte[] request =
        LoadGenerator.request(
            "POST",
            SearchFixture.PATH,
            server.port(),
            SearchFixture.headers(token),
            SearchFixture.form(SearchFixture.PAGE));
    LoadGenerator.Result r =
        LoadGenerator.run(server.port(), CONNECTIONS, n -> request, 200, 5, seconds, 0);
    ObjectNode node = figures(r);
    node.put("rssMib", server.rssKib() / 1024.0);
    return node;
  }

  private static ObjectNode figures(LoadGenerator.Result r) {
    ObjectNode node = Json.object();
    node.put("calls", r.calls());
    node.put("errors", r.errors());
    node.put("seconds", r.seconds());
    node.put("perSecond", r.throughput());
    node.put("p50Ms", r.percentileMs(0.50));
    node.put("p99Ms", r.percentileMs(0.99));
    node.put("meanMs", r.meanMs());
    return node;
  }

  // ---- token issuance ----

  private static ObjectNode tokens(Path out, int seconds, int maxAssertions) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    Path publicKey = out.resolve("bench-client.der");
    Files.createDirectories(out);
    Files.write(publicKey, keys.getPublic().getEncoded());
    Path recording = out.resolve("tokens.jfr");
    Files.deleteIfExists(recording);
    ObjectNode result = Json.object();
    result.put("connections", CONNECTIONS);
    try (ServerProcess server =
        ServerProcess.start(
            List.of(
                "-XX:StartFlightRecording=filename="
                    + recording.toAbsolutePath()
                    + ",settings=profile,dumponexit=true"),
            "reference",
            "0",
            publicKey.toString())) {
      String endpoint = server.baseUrl() + "/oauth2/token";
      ECPrivateKey key = (ECPrivateKey) keys.getPrivate();
      // a pilot (also a first warm-up) tells how many assertions the run needs: each is used once
      List<byte[]> pilot = assertions(server.port(), endpoint, key, 1_500, "pilot-");
      LoadGenerator.Result first =
          LoadGenerator.run(
              server.port(),
              CONNECTIONS,
              n -> n < pilot.size() ? pilot.get((int) n) : null,
              200,
              0,
              3,
              0);
      // the pilot's rate is low (a cold JIT): twice it, and at least 3 000
      int needed =
          (int)
              Math.min(
                  maxAssertions,
                  Math.max(3_000, Math.ceil(first.throughput() * (3 + seconds) * 2) + 500));
      long signStart = System.nanoTime();
      List<byte[]> requests = assertions(server.port(), endpoint, key, needed, "run-");
      result.put("pilotPerSecond", first.throughput());
      result.put("assertionsSigned", requests.size());
      result.put(
          "clientSigningPerSecond", requests.size() / ((System.nanoTime() - signStart) / 1e9));
      // the warm-up takes the first assertions, the measurement the next; a connection stops
      // when none is left
      LoadGenerator.Result r =
          LoadGenerator.run(
              server.port(),
              CONNECTIONS,
              n -> n < requests.size() ? requests.get((int) n) : null,
              200,
              3,
              seconds,
              0);
      result.set("reference", figures(r));
    }
    result.set("profile", JfrProfile.summarise(recording));
    return result;
  }

  private static List<byte[]> assertions(
      int port, String endpoint, ECPrivateKey key, int count, String jtiPrefix) throws Exception {
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      Date exp = Date.from(Instant.now().plusSeconds(270));
      Date iat = new Date();
      List<String[]> headers = new ArrayList<>();
      headers.add(new String[] {"Content-Type", "application/x-www-form-urlencoded"});
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  SignedJWT jwt =
                      new SignedJWT(
                          new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("bench-key").build(),
                          new JWTClaimsSet.Builder()
                              .issuer(Serve.CLIENT_ID)
                              .subject(Serve.CLIENT_ID)
                              .audience(endpoint)
                              .issueTime(iat)
                              .expirationTime(exp)
                              .jwtID(jtiPrefix + n)
                              .build());
                  try {
                    jwt.sign(new ECDSASigner(key));
                  } catch (JOSEException e) {
                    throw new IllegalStateException(e);
                  }
                  String form =
                      "grant_type=client_credentials&client_assertion_type="
                          + URLEncoder.encode(
                              "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                              StandardCharsets.UTF_8)
                          + "&client_assertion="
                          + jwt.serialize();
                  return LoadGenerator.request(
                      "POST",
                      "/oauth2/token",
                      port,
                      headers,
                      form.getBytes(StandardCharsets.US_ASCII));
                }));
      }
      List<byte[]> requests = new ArrayList<>(count);
      for (Future<byte[]> f : futures) {
        requests.add(f.get());
      }
      return requests;
    } finally {
      pool.shutdown();
    }
  }

  // ---- resident memory as requests accumulate ----

  private static ObjectNode memory(Path out, int requests, int wiremockRequests) throws Exception {
    ObjectNode result = Json.object();
    result.put("connections", CONNECTIONS);
    int page = 10;
    result.put("page", page);
    Path body = out.resolve("search-answer-10.json");
    try (ServerProcess server = ServerProcess.start(List.of(), "reference", "10")) {
      Files.write(body, ParsePageBenchmark.fetch(server.baseUrl(), server.token(), page));
      result.put("answerBytes", Files.size(body));
      result.set("reference", accumulate(server, server.token(), page, requests, 10));
    }
    try (ServerProcess server = ServerProcess.start(List.of(), "wiremock", body.toString())) {
      result.set("wiremock", accumulate(server, "unused", page, wiremockRequests, 8));
    }
    return result;
  }

  private static ObjectNode accumulate(
      ServerProcess server, String token, int page, int requests, int steps) {
    byte[] request =
        LoadGenerator.request(
            "POST",
            SearchFixture.PATH,
            server.port(),
            SearchFixture.headers(token),
            SearchFixture.form(page));
    ObjectNode node = Json.object();
    ArrayNode series = node.putArray("series");
    ObjectNode first = series.addObject();
    first.put("requests", 0);
    first.put("rssMib", server.rssKib() / 1024.0);
    long done = 0;
    double seconds = 0;
    long errors = 0;
    long step = (requests + steps - 1) / steps;
    while (done < requests) {
      long chunk = Math.min(step, requests - done);
      LoadGenerator.Result r =
          LoadGenerator.run(server.port(), CONNECTIONS, n -> request, 200, 0, 3600, chunk);
      done += r.calls();
      seconds += r.seconds();
      errors += r.errors();
      ObjectNode point = series.addObject();
      point.put("requests", done);
      point.put("rssMib", server.rssKib() / 1024.0);
      point.put("perSecond", r.throughput());
    }
    node.put("requests", done);
    node.put("errors", errors);
    node.put("seconds", seconds);
    node.put("rssMib", server.rssKib() / 1024.0);
    node.put("liveHeapAfterGcMib", server.liveHeapMib());
    node.put("rssAfterGcMib", server.rssKib() / 1024.0);
    return node;
  }

  // ---- scale ----

  private static ObjectNode scale(String sizes) throws Exception {
    ObjectNode result = Json.object();
    ArrayNode runs = result.putArray("runs");
    boolean first = true;
    for (String size : sizes.split(",")) {
      List<String> command = new ArrayList<>();
      command.add(ServerProcess.java());
      command.add("-cp");
      command.add(ServerProcess.classPath());
      command.add("io.mes4j.benchmarks.ScaleRun");
      command.add(size.trim());
      command.add(first ? "wiremock" : "");
      first = false;
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String line;
      String found = null;
      try (BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        while ((line = reader.readLine()) != null) {
          if (line.startsWith(ScaleRun.RESULT)) {
            found = line.substring(ScaleRun.RESULT.length()).trim();
          }
        }
      }
      process.waitFor();
      if (found == null) {
        throw new IllegalStateException("ScaleRun " + size + " printed no result");
      }
      runs.add(Json.MAPPER.readTree(found));
      System.err.println(String.format(Locale.ROOT, "scale %s done", size));
    }
    return result;
  }
}
