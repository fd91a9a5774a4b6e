package io.mes4j.core.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.mes4j.core.AccessMode;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.DpopKey;
import io.mes4j.core.auth.TokenRequest;
import io.mes4j.core.error.CallTimeoutException;
import io.mes4j.core.error.CircuitOpenException;
import io.mes4j.core.error.ConnectionFailedException;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesClientException;
import io.mes4j.core.error.MesException;
import io.mes4j.core.error.MesServiceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ApiExecutor} of a client: authentication, request id, retries (Resilience4j {@link
 * Retry}), circuit breaker (Resilience4j {@link CircuitBreaker}), deadline and error mapping.
 *
 * <p>Each HTTP request is logged at DEBUG on {@code io.mes4j.core.http} with the method, the path
 * TEMPLATE, the status, the latency, the request id and the attempt; a call that fails after
 * retries is logged once at WARN. Never the actual path, the query, a header value or a body: they
 * may hold an INS, a name or a token.
 */
public final class ResilientExecutor implements ApiExecutor {
  private static final Logger LOG = LoggerFactory.getLogger("io.mes4j.core.http");
  private static final int MAX_ERROR_BODY = 1 << 20;

  private final ClientCore core;
  private final AccessMode accessMode;
  private final String userAgent;

  /** The executor of a client variant: shared core, own access mode and user agent. */
  public ResilientExecutor(ClientCore core, AccessMode accessMode, String userAgent) {
    this.core = core;
    this.accessMode = accessMode;
    this.userAgent = userAgent;
  }

  @Override
  public String baseUrl() {
    return core.baseUrl();
  }

  @Override
  public ApiResponse execute(ApiRequest request) {
    Call call = new Call(request);
    Success ok = call.run(false);
    return new ApiResponse(
        ok.status, ok.headers, ok.body == null ? new byte[0] : ok.body, ok.requestId, ok.attempts);
  }

  @Override
  public StreamingResponse executeStreaming(ApiRequest request) {
    Call call = new Call(request);
    Success ok = call.run(true);
    TransportResponse open = ok.open;
    if (open == null) {
      throw new IllegalStateException("no open response");
    }
    return new StreamingResponse(open, ok.requestId, ok.attempts);
  }

  /** A successful attempt: a buffered body, or an open response to stream. */
  private static final class Success {
    int status;
    Map<String, List<String>> headers = Map.of();
    byte @Nullable [] body;
    @Nullable TransportResponse open;
    String requestId = "";
    int attempts;
  }

  /** An attempt that failed: an answer outside 2xx, or an I/O failure. Drives the retries. */
  private static final class AttemptFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient Map<String, List<String>> headers;
    final byte[] body;
    final @Nullable IOException io;

    AttemptFailure(int status, Map<String, List<String>> headers, byte[] body) {
      super("HTTP " + status, null, false, false);
      this.status = status;
      this.headers = headers;
      this.body = body;
      this.io = null;
    }

    AttemptFailure(IOException io) {
      super(io.getClass().getSimpleName(), null, false, false);
      this.status = 0;
      this.headers = Map.of();
      this.body = new byte[0];
      this.io = io;
    }

    boolean isTransient() {
      if (io != null) {
        if (io instanceof TransportTimeoutException t) {
          return t.kind() != CallTimeoutException.Kind.CALL_DEADLINE;
        }
        return !(io instanceof UnknownHostException) && !(io instanceof SSLException);
      }
      return switch (status) {
        case 408, 429, 500, 502, 503, 504 -> true;
        default -> false;
      };
    }
  }

  /** One logical call, over its attempts. */
  private final class Call {
    final ApiRequest request;
    final String method;
    final String template;
    final URI uri;
    final Instant deadline;
    final String requestId;
    final AccessMode mode;
    final RetryPolicy policy = core.retryPolicy();
    int requests;
    int failures;
    long nextDelayMs;
    boolean tokenReplayed;
    @Nullable String serverRequestId;

    Call(ApiRequest request) {
      if (core.isClosed()) {
        throw new MesClientException("the client is closed");
      }
      this.request = request;
      this.method = request.method();
      this.template = request.pathTemplate();
      this.uri = resolve(request);
      this.deadline = Instant.now().plus(core.callTimeout());
      this.requestId = request.header("X-Request-Id").orElseGet(() -> UUID.randomUUID().toString());
      this.mode = request.accessMode().orElse(accessMode);
    }

    String requestId() {
      return serverRequestId != null ? serverRequestId : requestId;
    }

    Success run(boolean streaming) {
      RetryConfig config =
          RetryConfig.custom()
              .maxAttempts(request.retryable() ? policy.maxAttempts() : 1)
              .retryOnException(e -> e instanceof AttemptFailure f && shouldRetry(f))
              .intervalBiFunction((attempt, either) -> nextDelayMs)
              .failAfterMaxAttempts(false)
              .writableStackTraceEnabled(false)
              .build();
      Retry.Context<Object> context = Retry.of("mes4j", config).context();
      while (true) {
        try {
          Success ok = attempt(streaming);
          context.onComplete();
          return ok;
        } catch (AttemptFailure failure) {
          try {
            context.onRuntimeError(failure);
          } catch (AttemptFailure last) {
            throw giveUp(last);
          }
          if (Thread.currentThread().isInterrupted()) {
            throw giveUp(failure);
          }
        }
      }
    }

    /** Whether to retry after {@code f}; plans the wait, which must end before the deadline. */
    boolean shouldRetry(AttemptFailure f) {
      failures++;
      if (!request.retryable() || !f.isTransient() || failures >= policy.maxAttempts()) {
        return false;
      }
      double bound =
          Math.min(
              policy.maxBackoff().toMillis(),
              policy.initialBackoff().toMillis() * Math.pow(policy.multiplier(), failures - 1.0));
      long delay =
          policy.jitter() == RetryPolicy.Jitter.FULL
              ? (long) (ThreadLocalRandom.current().nextDouble() * bound)
              : (long) bound;
      Optional<Duration> retryAfter =
          Headers.first(f.headers, "Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now()));
      if (retryAfter.isPresent()) {
        delay = Math.max(delay, retryAfter.get().toMillis());
      }
      if (Instant.now().plusMillis(delay).isAfter(deadline)) {
        return false;
      }
      nextDelayMs = delay;
      return true;
    }

    MesException giveUp(AttemptFailure last) {
      MesException error;
      IOException io = last.io;
      if (io == null) {
        error =
            ErrorDecoder.decode(
                method, template, last.status, last.headers, last.body, requestId(), requests);
      } else if (io instanceof TransportTimeoutException t) {
        error =
            new CallTimeoutException(
                method + " " + template + ": " + describe(t.kind()) + describeAttempts(),
                t.kind(),
                requests,
                io);
      } else {
        error =
            new ConnectionFailedException(
                method
                    + " "
                    + template
                    + ": connection failed ("
                    + io.getClass().getSimpleName()
                    + ")"
                    + describeAttempts(),
                requests,
                io);
      }
      if (requests > 1
          && (last.isTransient() || error instanceof MesServiceException s && s.isRetryable())) {
        LOG.warn(
            "{} {} failed after {} attempts: {} (request id {})",
            method,
            template,
            requests,
            outcomeOf(last),
            requestId());
      }
      return error;
    }

    private String describeAttempts() {
      return " (request id " + requestId() + ", attempts " + requests + ")";
    }

    Success attempt(boolean streaming) {
      AccessToken token = request.authenticated() ? token(false) : null;
      TransportResponse response = sendWithNonceRetry(token);
      if (response.status() == 401 && token != null && !tokenReplayed) {
        byte[] refusal = readAndClose(response);
        if (!freshTokenMayHelp(refusal)) {
          throw new AttemptFailure(401, response.headers(), refusal);
        }
        tokenReplayed = true;
        core.tokens().invalidate(token);
        response = sendWithNonceRetry(token(true));
      }
      int status = response.status();
      boolean expectedRedirect = request.redirectExpected() && status >= 300 && status <= 399;
      if ((status < 200 || status > 299) && !expectedRedirect) {
        throw new AttemptFailure(status, response.headers(), readAndClose(response));
      }
      Success ok = new Success();
      ok.status = status;
      ok.headers = response.headers();
      if (streaming) {
        response.releaseDeadline();
        ok.open = response;
      } else {
        try {
          ok.body = readAll(response.body(), Integer.MAX_VALUE);
        } catch (IOException e) {
          throw new AttemptFailure(e);
        } finally {
          response.close();
        }
      }
      ok.requestId = requestId();
      ok.attempts = requests;
      return ok;
    }

    /**
     * Sends; with a DPoP-bound token, a {@code 401 use_dpop_nonce} is sent once more with a proof
     * carrying the server's new nonce (RFC 9449 §8), the same token.
     */
    TransportResponse sendWithNonceRetry(@Nullable AccessToken token) {
      TransportResponse response = send(token);
      if (token != null
          && token.isDpopBound()
          && DpopNonces.isNonceChallenge(response.status(), response.headers())) {
        drainAndClose(response);
        response = send(token);
      }
      return response;
    }

    /**
     * Whether a fresh token may change a {@code 401}: not when the grant is revoked or the DPoP
     * proof was refused, for the token provider would give a token of the same grant or key.
     */
    boolean freshTokenMayHelp(byte[] refusal) {
      String cause = ErrorDecoder.readOutcome(refusal).causeCode();
      return !(ErrorCause.TOKEN_REVOKED.code().equals(cause)
          || ErrorCause.INVALID_DPOP_PROOF.code().equals(cause));
    }

    @SuppressWarnings("try") // the scope lends the transport to the provider on this thread
    AccessToken token(boolean afterRefusal) {
      try (TransportScope scope = TransportScope.open(core.transport(), deadline)) {
        return core.tokens().token(new TokenRequest(mode, core.dpopKey()));
      } catch (MesException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new MesClientException(
            "the token provider failed"
                + (afterRefusal ? " after the server refused a token" : "")
                + ": "
                + e.getClass().getSimpleName(),
            e);
      }
    }

    TransportResponse send(@Nullable AccessToken token) {
      CircuitBreaker breaker = core.breaker();
      if (breaker != null && !breaker.tryAcquirePermission()) {
        throw new CircuitOpenException(
            method
                + " "
                + template
                + ": circuit breaker open after repeated server failures, call not sent"
                + " (request id "
                + requestId
                + ")");
      }
      requests++;
      long start = System.nanoTime();
      TransportResponse response;
      try {
        response = core.transport().send(transportRequest(token), deadline);
      } catch (IOException e) {
        long elapsed = System.nanoTime() - start;
        if (breaker != null) {
          breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
        }
        logAttempt(e.getClass().getSimpleName(), elapsed);
        throw new AttemptFailure(e);
      } catch (RuntimeException e) {
        if (breaker != null) {
          breaker.releasePermission();
        }
        throw e;
      }
      long elapsed = System.nanoTime() - start;
      int status = response.status();
      if (breaker != null) {
        if (status >= 500 && status != 501) {
          breaker.onError(elapsed, TimeUnit.NANOSECONDS, new ServerFailure(status));
        } else {
          breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
      }
      if (core.dpopKey() != null) {
        DpopNonces.remember(uri, response.headers());
      }
      Headers.first(response.headers(), "X-Request-Id")
          .filter(v -> !v.isBlank())
          .ifPresent(v -> serverRequestId = v);
      logAttempt(String.valueOf(status), elapsed);
      return response;
    }

    void logAttempt(String outcome, long elapsedNanos) {
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} -> {} in {} ms (request id {}, attempt {})",
            method,
            template,
            outcome,
            TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
            requestId(),
            requests);
      }
    }

    TransportRequest transportRequest(@Nullable AccessToken token) {
      List<Map.Entry<String, String>> headers = new ArrayList<>(request.headers());
      if (request.header("X-Request-Id").isEmpty()) {
        headers.add(Map.entry("X-Request-Id", requestId));
      }
      headers.add(Map.entry("User-Agent", userAgent));
      headers.add(Map.entry("Accept", request.accept()));
      request.idempotencyKey().ifPresent(k -> headers.add(Map.entry("Idempotency-Key", k)));
      if (token != null) {
        headers.add(Map.entry("Authorization", token.scheme() + " " + token.value()));
        if (token.isDpopBound()) {
          DpopKey key = core.dpopKey();
          if (key == null) {
            throw new MesClientException(
                "the token provider gave a DPoP-bound token, but the client has no DPoP key:"
                    + " build it with dpop(true) or dpopKey(key)");
          }
          headers.add(Map.entry("DPoP", DpopNonces.proof(key, method, uri, token.value())));
        }
      }
      return new TransportRequest(
          method,
          uri,
          headers,
          request.body(),
          request.contentType().orElse(null),
          request.retryable());
    }
  }

  private static String outcomeOf(AttemptFailure f) {
    return f.io != null ? f.io.getClass().getSimpleName() : "HTTP " + f.status;
  }

  private static String describe(CallTimeoutException.Kind kind) {
    return switch (kind) {
      case CONNECT -> "connect timeout passed";
      case RESPONSE -> "response timeout passed";
      case CALL_DEADLINE -> "call deadline passed";
    };
  }

  URI resolve(ApiRequest request) {
    String target;
    Optional<String> url = request.url();
    if (url.isPresent()) {
      URI absolute;
      try {
        absolute = new URI(url.get());
      } catch (URISyntaxException e) {
        throw new InvalidValueException(
            "the link for " + request.pathTemplate() + " is not a valid URL");
      }
      if (!sameOrigin(absolute, core.baseUri())) {
        throw new InvalidValueException(
            "the link for "
                + request.pathTemplate()
                + " points to another server than the client's base URL; not followed");
      }
      target = url.get();
    } else {
      target = core.baseUrl() + request.path().orElseThrow();
    }
    if (!request.queryParams().isEmpty()) {
      StringBuilder query = new StringBuilder();
      for (Map.Entry<String, String> p : request.queryParams()) {
        if (query.length() > 0) {
          query.append('&');
        }
        query.append(encode(p.getKey())).append('=').append(encode(p.getValue()));
      }
      target = target + (target.indexOf('?') >= 0 ? "&" : "?") + query;
    }
    try {
      return new URI(target);
    } catch (URISyntaxException e) {
      throw new InvalidValueException("invalid URL for " + request.pathTemplate());
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    String schemeA = a.getScheme() == null ? "" : a.getScheme().toLowerCase(Locale.ROOT);
    String schemeB = b.getScheme() == null ? "" : b.getScheme().toLowerCase(Locale.ROOT);
    return a.isAbsolute()
        && schemeA.equals(schemeB)
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static byte[] readAll(InputStream in, int max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = in.read(buf)) != -1) {
      if (out.size() + n > max) {
        out.write(buf, 0, max - out.size());
        break;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private static byte[] readAndClose(TransportResponse response) {
    try {
      return readAll(response.body(), MAX_ERROR_BODY);
    } catch (IOException e) {
      return new byte[0];
    } finally {
      response.close();
    }
  }

  private static void drainAndClose(TransportResponse response) {
    try {
      readAll(response.body(), 64 * 1024);
    } catch (IOException e) {
      // the connection is dropped instead of reused
    } finally {
      response.close();
    }
  }

  /** What the circuit breaker records for a 5xx answer. */
  private static final class ServerFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ServerFailure(int status) {
      super("HTTP " + status, null, false, false);
    }
  }
}
