package io.mes4j.benchmarks.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server ({@code io.mes4j.benchmarks.Serve}) in a JVM of its own, launched from the benchmarks'
 * own class path with the JVM's default settings: its port, the token it printed, its process id
 * and its resident memory. Closing it closes its standard input, which stops it.
 */
public final class ServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String token;

  private ServerProcess(Process process, int port, String token) {
    this.process = process;
    this.port = port;
    this.token = token;
  }

  /** The {@code java} launcher of the running JVM. */
  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The running JVM's class path (the benchmarks jar). */
  public static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** Launches {@code Serve args...} and waits for its ready line. */
  public static ServerProcess start(List<String> jvmArgs, String... args) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath());
    command.add("io.mes4j.benchmarks.Serve");
    command.addAll(List.of(args));
    try {
      Path errors = Files.createTempFile("serve-", ".err");
      errors.toFile().deleteOnExit();
      Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
        // the server's other output, if any
      }
      if (line == null) {
        process.waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException(
            "the server did not start: " + Files.readString(errors, StandardCharsets.UTF_8));
      }
      int port = 0;
      String token = "";
      for (String word : line.split(" ")) {
        if (word.startsWith("port=")) {
          port = Integer.parseInt(word.substring(5));
        } else if (word.startsWith("token=")) {
          token = word.substring(6);
        }
      }
      Thread drain =
          new Thread(
              () -> {
                try {
                  while (out.readLine() != null) {
                    // keeps the pipe from filling
                  }
                } catch (IOException e) {
                  // the process ended
                }
              },
              "serve-drain");
      drain.setDaemon(true);
      drain.start();
      return new ServerProcess(process, port, token);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot launch the server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The server's port on the loopback. */
  public int port() {
    return port;
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** The bearer token it printed ({@code DOCTOR}'s), or empty. */
  public String token() {
    return token;
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /**
   * Its resident memory now ({@code VmRSS} of {@code /proc/<pid>/status}), in KiB; -1 if unknown.
   */
  public long rssKib() {
    return rssKib(process.pid());
  }

  /** The resident memory of process {@code pid}, in KiB; -1 if unknown. */
  public static long rssKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /**
   * Its heap in use after a full collection, in MiB ({@code jcmd <pid> GC.run}, then the used
   * figure of {@code GC.heap_info}); -1 if unknown.
   */
  public double liveHeapMib() {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    String pid = Long.toString(process.pid());
    try {
      run(List.of(jcmd, pid, "GC.run"));
      for (String line : run(List.of(jcmd, pid, "GC.heap_info")).split("\n")) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("heap\\s+total \\d+K, used (\\d+)K").matcher(line);
        if (m.find()) {
          return Long.parseLong(m.group(1)) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
    return -1;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (IOException e) {
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
