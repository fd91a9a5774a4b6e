package io.mes4j.benchmarks.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop HTTP/1.1 load generator on plain sockets: {@code connections} threads, each with
 * one kept-alive connection, send a request, read the whole answer (by {@code Content-Length} or
 * chunked), then send the next, with no pause. The latency of each call is recorded; percentiles
 * are read from the sorted latencies (no histogram). The requests are built before the run (the
 * bytes of the {@code n}-th request are {@code request.apply(n)}), so that the generator costs as
 * little CPU as possible on the machine it shares with the server.
 */
public final class LoadGenerator {
  /** What a run measured: calls, errors, seconds, and every latency in nanoseconds, sorted. */
  public record Result(long calls, long errors, double seconds, long[] sortedNanos) {
    /** Calls per second over the measured time. */
    public double throughput() {
      return calls / seconds;
    }

    /** The latency at quantile {@code q} (0 to 1), in milliseconds (nearest rank). */
    public double percentileMs(double q) {
      if (sortedNanos.length == 0) {
        return Double.NaN;
      }
      int rank = (int) Math.ceil(q * sortedNanos.length) - 1;
      return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank))] / 1e6;
    }

    /** The mean latency, in milliseconds. */
    public double meanMs() {
      double sum = 0;
      for (long n : sortedNanos) {
        sum += n;
      }
      return sortedNanos.length == 0 ? Double.NaN : sum / sortedNanos.length / 1e6;
    }
  }

  private LoadGenerator() {}

  /**
   * Runs a warm-up of {@code warmupSeconds} (not recorded) then a measurement that ends after
   * {@code seconds} or once {@code maxCalls} calls were made in all (0: no limit).
   *
   * @param request the bytes of the {@code n}-th request (n counted from 0 over all connections,
   *     the warm-up's first), or null when there is none left: the connection then stops
   * @param expectedStatus the status every answer must have (others are counted as errors)
   */
  public static Result run(
      int port,
      int connections,
      LongFunction<byte[]> request,
      int expectedStatus,
      double warmupSeconds,
      double seconds,
      long maxCalls) {
    AtomicLong sequence = new AtomicLong();
    if (warmupSeconds > 0) {
      phase(port, connections, request, expectedStatus, warmupSeconds, 0, sequence, false);
    }
    return phase(port, connections, request, expectedStatus, seconds, maxCalls, sequence, true);
  }

  private static Result phase(
      int port,
      int connections,
      LongFunction<byte[]> request,
      int expectedStatus,
      double seconds,
      long maxCalls,
      AtomicLong sequence,
      boolean record) {
    long start = System.nanoTime();
    long deadline = start + (long) (seconds * 1e9);
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> latencies = new ArrayList<>();
    int[] counts = new int[connections];
    CountDownLatch done = new CountDownLatch(connections);
    List<Thread> threads = new ArrayList<>();
    RuntimeException[] failure = new RuntimeException[1];
    for (int c = 0; c < connections; c++) {
      long[] mine = new long[record ? 1 << 16 : 0];
      latencies.add(mine);
      int index = c;
      Thread thread =
          new Thread(
              () -> {
                long[] own = mine;
                int n = 0;
                try (Socket socket = new Socket()) {
                  socket.setTcpNoDelay(true);
                  socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                  socket.setSoTimeout(60_000);
                  OutputStream out = socket.getOutputStream();
                  InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                  while (System.nanoTime() < deadline) {
                    long k = sequence.getAndIncrement();
                    if (maxCalls > 0 && calls.get() >= maxCalls) {
                      break;
                    }
                    byte[] bytes = request.apply(k);
                    if (bytes == null) {
                      break; // no request left
                    }
                    long t0 = System.nanoTime();
                    out.write(bytes);
                    out.flush();
                    int status = readResponse(in);
                    long t = System.nanoTime() - t0;
                    calls.incrementAndGet();
                    if (status != expectedStatus) {
                      errors.incrementAndGet();
                    }
                    if (record) {
                      if (n == own.length) {
                        own = Arrays.copyOf(own, own.length * 2);
                        synchronized (latencies) {
                          latencies.set(index, own);
                        }
                      }
                      own[n++] = t;
                    }
                  }
                } catch (IOException | RuntimeException e) {
                  synchronized (failure) {
                    if (failure[0] == null) {
                      failure[0] = new IllegalStateException("connection " + index + " failed", e);
                    }
                  }
                } finally {
                  counts[index] = n;
                  done.countDown();
                }
              },
              "load-" + c);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    if (failure[0] != null) {
      throw failure[0];
    }
    int total = 0;
    for (int n : counts) {
      total += n;
    }
    long[] all = new long[total];
    int at = 0;
    synchronized (latencies) {
      for (int c = 0; c < connections; c++) {
        System.arraycopy(latencies.get(c), 0, all, at, counts[c]);
        at += counts[c];
      }
    }
    Arrays.sort(all);
    return new Result(calls.get(), errors.get(), elapsed, all);
  }

  /** Reads one HTTP/1.1 answer whole; returns its status. */
  static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine.isEmpty()) {
      statusLine = line(in);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    while (true) {
      String header = line(in);
      if (header.isEmpty()) {
        break;
      }
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim();
      String value = header.substring(colon + 1).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(value);
      } else if (name.equalsIgnoreCase("Transfer-Encoding")
          && value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      while (true) {
        String size = line(in);
        int semi = size.indexOf(';');
        long chunk = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
        if (chunk == 0) {
          while (!line(in).isEmpty()) {
            // trailers
          }
          break;
        }
        skip(in, chunk);
        line(in);
      }
    } else if (length > 0) {
      skip(in, length);
    } else if (length < 0 && status != 204 && status != 304) {
      throw new IOException("an answer with neither Content-Length nor chunked encoding");
    }
    return status;
  }

  private static void skip(InputStream in, long n) throws IOException {
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the connection closed in the middle of an answer");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the connection closed");
      }
      if (b == '\n') {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
          sb.setLength(len - 1);
        }
        return sb.toString();
      }
      sb.append((char) b);
    }
  }

  /** The bytes of an HTTP/1.1 request with a body, kept alive. */
  public static byte[] request(
      String method, String path, int port, List<String[]> headers, byte[] body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    for (String[] h : headers) {
      head.append(h[0]).append(": ").append(h[1]).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = Arrays.copyOf(h, h.length + body.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }
}
