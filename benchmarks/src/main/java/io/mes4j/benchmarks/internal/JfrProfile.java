package io.mes4j.benchmarks.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU time went, from a JFR recording's execution samples ({@code
 * jdk.ExecutionSample}, Java code on CPU): the share of samples whose stack holds each of a few
 * known operations (the first that matches, in the order given), and the methods most often on top
 * of the stack.
 */
public final class JfrProfile {
  /** Operations looked for in the stacks, in order: the first match names the sample. */
  private static final Map<String, List<String>> OPERATIONS = new LinkedHashMap<>();

  static {
    OPERATIONS.put(
        "ES256 verify of the client assertion",
        List.of("ECDSASignature.engineVerify", "ECDSAVerifier.verify", "JWSObject.verify"));
    OPERATIONS.put(
        "ES256 sign of the access token",
        List.of("ECDSASignature.engineSign", "ECDSASigner.sign", "JWSObject.sign"));
    OPERATIONS.put("other crypto (keys, digests, randomness)", List.of("sun.security."));
    OPERATIONS.put("JSON (Jackson, Nimbus JSON)", List.of("com.fasterxml.", "JSONObjectUtils"));
    OPERATIONS.put(
        "HTTP server (JDK com.sun.net.httpserver, sockets)",
        List.of("sun.net.httpserver.", "sun.nio.ch.", "java.net.Socket"));
  }

  private JfrProfile() {}

  /** Summarises {@code recording}. */
  public static ObjectNode summarise(Path recording) throws IOException {
    Map<String, Integer> operations = new LinkedHashMap<>();
    OPERATIONS.keySet().forEach(k -> operations.put(k, 0));
    operations.put("other", 0);
    Map<String, Integer> tops = new HashMap<>();
    int total = 0;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
          continue;
        }
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
          continue;
        }
        total++;
        List<RecordedFrame> frames = stack.getFrames();
        tops.merge(name(frames.get(0)), 1, Integer::sum);
        StringBuilder all = new StringBuilder();
        for (RecordedFrame frame : frames) {
          all.append(name(frame)).append('\n');
        }
        String text = all.toString();
        String matched = "other";
        for (Map.Entry<String, List<String>> op : OPERATIONS.entrySet()) {
          if (op.getValue().stream().anyMatch(text::contains)) {
            matched = op.getKey();
            break;
          }
        }
        operations.merge(matched, 1, Integer::sum);
      }
    }
    ObjectNode node = Json.object();
    node.put("samples", total);
    ObjectNode shares = node.putObject("operations");
    for (Map.Entry<String, Integer> e : operations.entrySet()) {
      shares.put(e.getKey(), total == 0 ? 0 : e.getValue() * 100.0 / total);
    }
    node.set("topOfStack", top(tops, total, 12));
    return node;
  }

  private static ArrayNode top(Map<String, Integer> counts, int total, int n) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    counts.entrySet().stream()
        .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
        .limit(n)
        .forEach(
            e -> {
              ObjectNode row = array.addObject();
              row.put("method", e.getKey());
              row.put("percent", total == 0 ? 0 : e.getValue() * 100.0 / total);
            });
    return array;
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
