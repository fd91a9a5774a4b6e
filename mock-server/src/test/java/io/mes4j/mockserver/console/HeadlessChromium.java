package io.mes4j.mockserver.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol with the JDK's WebSocket
 * client (no npm, no driver). {@link #ensureInstalled()} runs {@code scripts/install-chromium.sh}
 * when {@code /usr/bin/chromium} is absent and fails with its reason if that cannot install it.
 * Closing kills the browser and its children and deletes its profile directory.
 *
 * <pre>{@code
 * try (HeadlessChromium browser = HeadlessChromium.start(1000, 700)) {
 *   browser.navigate("http://127.0.0.1:8080/_mock/console");
 *   JsonNode title = browser.evaluate("document.title");
 * }
 * }</pre>
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** The font of the console's stylesheet, which renders the reference screenshot. */
  static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP = Duration.ofSeconds(20);

  private final Process process;
  private final Path root;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  private final List<Waiter> waiters = new CopyOnWriteArrayList<>();

  private record Waiter(Predicate<JsonNode> test, CompletableFuture<JsonNode> event) {}

  private HeadlessChromium(Process process, Path root, WebSocket socket) {
    this.process = process;
    this.root = root;
    this.socket = socket;
  }

  /** Installs Chromium (and its font) with the project's script if absent; fails if it cannot. */
  static void ensureInstalled() {
    if (Files.isExecutable(CHROMIUM) && Files.isRegularFile(FONT)) {
      return;
    }
    Path script = findScript();
    try {
      Path log = Files.createTempFile("install-chromium", ".log");
      try {
        Process install =
            new ProcessBuilder("bash", script.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!install.waitFor(15, TimeUnit.MINUTES)) {
          install.destroyForcibly();
          throw new AssertionError("scripts/install-chromium.sh did not finish in 15 minutes");
        }
        String output = Files.readString(log);
        if (install.exitValue() != 0
            || !Files.isExecutable(CHROMIUM)
            || !Files.isRegularFile(FONT)) {
          throw new AssertionError(
              "The console's browser test needs Chromium at "
                  + CHROMIUM
                  + " and scripts/install-chromium.sh could not install it (exit "
                  + install.exitValue()
                  + "):\n"
                  + output);
        }
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Path findScript() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("scripts/install-chromium.sh");
      if (Files.isRegularFile(script)) {
        return script;
      }
    }
    throw new AssertionError(
        CHROMIUM + " is missing and scripts/install-chromium.sh was not found above the build");
  }

  /** Starts a browser with one page of {@code width} × {@code height} CSS pixels, scale 1. */
  static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
    ensureInstalled();
    Path root = Files.createTempDirectory("mes4j-chromium-");
    Path profile = Files.createDirectory(root.resolve("profile"));
    Process process =
        new ProcessBuilder(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--hide-scrollbars",
                "--mute-audio",
                "--user-data-dir=" + profile,
                "--remote-debugging-port=0",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(root.resolve("chromium.log").toFile())
            .start();
    try {
      int port = devToolsPort(process, profile, root);
      HttpClient http = HttpClient.newHttpClient();
      String pageSocket = pageSocket(http, port);
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket socket =
          http.newWebSocketBuilder()
              .connectTimeout(STEP)
              .buildAsync(URI.create(pageSocket), new Listener(() -> self[0]))
              .get(STEP.toSeconds(), TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, root, socket);
      self[0].send("Page.enable", JSON.createObjectNode());
      self[0].send("Network.enable", JSON.createObjectNode());
      self[0].send("Log.enable", JSON.createObjectNode());
      self[0].send(
          "Emulation.setDeviceMetricsOverride",
          JSON.createObjectNode()
              .put("width", width)
              .put("height", height)
              .put("deviceScaleFactor", 1)
              .put("mobile", false));
      return self[0];
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      kill(process);
      deleteTree(root);
      throw e;
    } catch (ExecutionException | TimeoutException e) {
      kill(process);
      deleteTree(root);
      throw new IllegalStateException("cannot connect to Chromium's DevTools", e);
    }
  }

  private static int devToolsPort(Process process, Path profile, Path root)
      throws IOException, InterruptedException {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "Chromium exited at start (" + process.exitValue() + "):\n" + log(root));
      }
      if (Files.isRegularFile(file)) {
        List<String> lines = Files.readAllLines(file);
        if (lines.size() >= 2 && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      Thread.sleep(25);
    }
    throw new AssertionError("Chromium did not open its DevTools port in 30 s:\n" + log(root));
  }

  private static String pageSocket(HttpClient http, int port)
      throws IOException, InterruptedException {
    HttpResponse<String> list =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .timeout(STEP)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : JSON.readTree(list.body())) {
      if ("page".equals(target.path("type").asText())) {
        return target.path("webSocketDebuggerUrl").asText();
      }
    }
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .timeout(STEP)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(created.body()).path("webSocketDebuggerUrl").asText();
  }

  /** Sends a command and waits for its result; a protocol error is an {@link AssertionError}. */
  JsonNode send(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    try {
      socket
          .sendText(JSON.writeValueAsString(message), true)
          .get(STEP.toSeconds(), TimeUnit.SECONDS);
      JsonNode reply = answer.get(STEP.toSeconds(), TimeUnit.SECONDS);
      if (reply.has("error")) {
        throw new AssertionError(method + " failed: " + reply.get("error"));
      }
      return reply.path("result");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(method + " got no answer from Chromium", e);
    } finally {
      pending.remove(id);
    }
  }

  /** A future of the next event of this method matching {@code test}, from now on. */
  CompletableFuture<JsonNode> next(String method, Predicate<JsonNode> test) {
    CompletableFuture<JsonNode> event = new CompletableFuture<>();
    waiters.add(new Waiter(e -> method.equals(e.path("method").asText()) && test.test(e), event));
    return event;
  }

  /** Waits for a future event (see {@link #next}). */
  static JsonNode await(CompletableFuture<JsonNode> event, String what) {
    try {
      return event.get(STEP.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("Chromium did not " + what, e);
    }
  }

  /**
   * Runs {@code action} (a navigation, a click) and waits for the page it leads to to load; answers
   * the main document's {@code Network.responseReceived} event.
   */
  JsonNode loading(Runnable action) {
    CompletableFuture<JsonNode> document =
        next("Network.responseReceived", e -> "Document".equals(e.at("/params/type").asText()));
    CompletableFuture<JsonNode> loaded = next("Page.loadEventFired", e -> true);
    action.run();
    JsonNode response = await(document, "receive the page");
    await(loaded, "finish loading the page");
    return response.at("/params/response");
  }

  /** Navigates to {@code url} and waits for the load; answers the document's response. */
  JsonNode navigate(String url) {
    return loading(() -> send("Page.navigate", JSON.createObjectNode().put("url", url)));
  }

  /** Evaluates a JavaScript expression in the page; answers its value (JSON-serialisable). */
  JsonNode evaluate(String expression) {
    JsonNode result =
        send(
            "Runtime.evaluate",
            JSON.createObjectNode()
                .put("expression", expression)
                .put("returnByValue", true)
                .put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("the page threw: " + result.get("exceptionDetails"));
    }
    return result.at("/result/value");
  }

  /** A PNG of the viewport. */
  byte[] screenshot() {
    JsonNode result =
        send(
            "Page.captureScreenshot",
            JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", false));
    return Base64.getDecoder().decode(result.path("data").asText());
  }

  /** The events received so far of this method. */
  List<JsonNode> events(String method) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode event : events) {
      if (method.equals(event.path("method").asText())) {
        found.add(event);
      }
    }
    return found;
  }

  private void onMessage(String text) {
    JsonNode message;
    try {
      message = JSON.readTree(text);
    } catch (IOException e) {
      return;
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
      return;
    }
    events.add(message);
    for (Waiter waiter : waiters) {
      if (!waiter.event().isDone() && waiter.test().test(message)) {
        waiter.event().complete(message);
        waiters.remove(waiter);
      }
    }
  }

  /** Kills the browser and its children, then deletes its profile and log. */
  @Override
  public void close() {
    socket.abort();
    kill(process);
    deleteTree(root);
  }

  private static void kill(Process process) {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroyForcibly();
      }
    }
  }

  private static String log(Path root) {
    try {
      return Files.readString(root.resolve("chromium.log"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static void deleteTree(Path root) {
    // Chromium's last writes may race the kill: try a few times.
    for (int attempt = 0; attempt < 5 && Files.exists(root); attempt++) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      } catch (IOException | UncheckedIOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Whether the profile directory is gone (after {@link #close()}). */
  boolean cleanedUp() {
    return !Files.exists(root) && !process.isAlive();
  }

  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Supplier<HeadlessChromium> owner;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Supplier<HeadlessChromium> owner) {
      this.owner = owner;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        HeadlessChromium browser = owner.get();
        if (browser != null) {
          browser.onMessage(text);
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
