package io.mes4j.core.internal;

import io.mes4j.core.error.CallTimeoutException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The transport over Apache HttpClient 5 (classic API) with a pool of connections.
 *
 * <p>HttpClient's own retries, redirects and cookies are off: the executor retries, and a redirect
 * must never carry the bearer token elsewhere. The connect timeout applies to each connection, the
 * response timeout to each wait for data; the deadline of the call aborts the exchange through a
 * JVM-wide timer thread ({@code mes4j-deadlines}, a daemon).
 *
 * <p>Logging: connections are {@link QuietConnection}s, which never log headers ({@code
 * Authorization} included) or bytes (bodies), whatever the level of {@code
 * org.apache.hc.client5.http.headers} and {@code org.apache.hc.client5.http.wire}. HttpClient still
 * logs, at DEBUG on {@code org.apache.hc.client5.http.impl.classic.MainClientExec}, each request
 * line with its path and query: so mes4j never puts personal data in a URL (searches are {@code
 * POST [type]/_search} with a form body, ids in paths and {@code next} links are opaque), and
 * HttpClient may log at any level (the log canary tests run it at TRACE).
 */
public final class ApacheHttpTransport implements HttpTransport {

  private static final ScheduledExecutorService DEADLINES = deadlineTimer();

  private final PoolingHttpClientConnectionManager pool;
  private final CloseableHttpClient client;
  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * A transport with its own pool.
   *
   * @param connectTimeout the limit to open a connection
   * @param responseTimeout the limit of each wait for data from the server
   * @param maxConnections the most open connections (per route and in total)
   */
  public ApacheHttpTransport(
      Duration connectTimeout, Duration responseTimeout, int maxConnections) {
    this.connectTimeout = connectTimeout;
    this.responseTimeout = responseTimeout;
    this.pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setConnectionFactory(QuietConnection.FACTORY)
            .setMaxConnTotal(maxConnections)
            .setMaxConnPerRoute(maxConnections)
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(responseTimeout))
                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                    .build())
            .build();
    this.client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .disableAutomaticRetries()
            .disableRedirectHandling()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  private static ScheduledExecutorService deadlineTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = Executors.defaultThreadFactory().newThread(r);
              t.setName("mes4j-deadlines");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  @Override
  public TransportResponse send(TransportRequest request, Instant deadline) throws IOException {
    try {
      return sendOnce(request, deadline);
    } catch (NoHttpResponseException e) {
      // A pooled connection the server closed while it was idle (keep-alive race): no answer was
      // read, so a request that is safe to resend goes again at once, on a fresh connection, and
      // is neither an attempt nor a failure of the server.
      if (!request.resendable()) {
        throw e;
      }
      return sendOnce(request, deadline);
    }
  }

  private TransportResponse sendOnce(TransportRequest request, Instant deadline)
      throws IOException {
    if (closed.get()) {
      throw new IOException("transport closed");
    }
    long remainingMs = Duration.between(Instant.now(), deadline).toMillis();
    if (remainingMs <= 0) {
      throw new TransportTimeoutException(CallTimeoutException.Kind.CALL_DEADLINE, null);
    }
    HttpUriRequestBase message = new HttpUriRequestBase(request.method(), request.uri());
    for (Map.Entry<String, String> h : request.headers()) {
      message.addHeader(h.getKey(), h.getValue());
    }
    byte[] body = request.body();
    if (body != null) {
      String type = request.contentType();
      message.setEntity(
          new ByteArrayEntity(body, type == null ? null : ContentType.parseLenient(type)));
    }
    message.setConfig(
        RequestConfig.custom()
            // mes4j answers 401 challenges itself (token replay, DPoP nonce): HttpClient neither
            // handles nor logs them
            .setAuthenticationEnabled(false)
            .setResponseTimeout(
                Timeout.ofMilliseconds(Math.min(responseTimeout.toMillis(), remainingMs)))
            .setConnectionRequestTimeout(
                Timeout.ofMilliseconds(Math.min(connectTimeout.toMillis(), remainingMs)))
            .build());
    AtomicBoolean expired = new AtomicBoolean();
    ScheduledFuture<?> abort =
        DEADLINES.schedule(
            () -> {
              expired.set(true);
              message.cancel();
            },
            remainingMs,
            TimeUnit.MILLISECONDS);
    ClassicHttpResponse response;
    try {
      response = client.executeOpen(RoutingSupport.determineHost(message), message, null);
    } catch (IOException e) {
      abort.cancel(false);
      throw classify(e, expired.get());
    } catch (HttpException e) {
      abort.cancel(false);
      throw new IOException("invalid request target", e);
    } catch (RuntimeException e) {
      abort.cancel(false);
      throw e;
    }
    return new ApacheResponse(response, abort, expired);
  }

  static IOException classify(IOException e, boolean expired) {
    if (e instanceof TransportTimeoutException) {
      return e;
    }
    if (expired) {
      return new TransportTimeoutException(CallTimeoutException.Kind.CALL_DEADLINE, e);
    }
    if (e instanceof ConnectTimeoutException) {
      return new TransportTimeoutException(CallTimeoutException.Kind.CONNECT, e);
    }
    if (e instanceof SocketTimeoutException) {
      return new TransportTimeoutException(CallTimeoutException.Kind.RESPONSE, e);
    }
    return e;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      client.close(CloseMode.GRACEFUL);
      pool.close(CloseMode.GRACEFUL);
    }
  }

  private static final class ApacheResponse implements TransportResponse {
    private final ClassicHttpResponse response;
    private final ScheduledFuture<?> abort;
    private final AtomicBoolean expired;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    ApacheResponse(ClassicHttpResponse response, ScheduledFuture<?> abort, AtomicBoolean expired)
        throws IOException {
      this.response = response;
      this.abort = abort;
      this.expired = expired;
      Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      for (Header h : response.getHeaders()) {
        map.computeIfAbsent(h.getName(), k -> new ArrayList<>()).add(h.getValue());
      }
      map.replaceAll((k, v) -> List.copyOf(v));
      this.headers = Collections.unmodifiableMap(map);
      HttpEntity entity = response.getEntity();
      InputStream raw = entity == null ? InputStream.nullInputStream() : entity.getContent();
      this.body = new DeadlineAwareStream(raw == null ? InputStream.nullInputStream() : raw);
    }

    @Override
    public int status() {
      return response.getCode();
    }

    @Override
    public Map<String, List<String>> headers() {
      return headers;
    }

    @Override
    public InputStream body() {
      return body;
    }

    @Override
    public void releaseDeadline() {
      abort.cancel(false);
    }

    @Override
    public void close() {
      abort.cancel(false);
      try {
        response.close();
      } catch (IOException e) {
        // The connection is discarded; nothing to report.
      }
    }

    private final class DeadlineAwareStream extends FilterInputStream {
      DeadlineAwareStream(InputStream in) {
        super(in);
      }

      @Override
      public int read() throws IOException {
        try {
          return super.read();
        } catch (IOException e) {
          throw classify(e, expired.get());
        }
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        try {
          return super.read(b, off, len);
        } catch (IOException e) {
          throw classify(e, expired.get());
        }
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          ApacheResponse.this.close();
        }
      }
    }
  }
}
