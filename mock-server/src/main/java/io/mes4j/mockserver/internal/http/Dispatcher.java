package io.mes4j.mockserver.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mes4j.mockserver.ObservedResponse;
import io.mes4j.mockserver.ResponseListener;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link HttpHandler} of the server: routes, turns refusals into {@code OperationOutcome}s,
 * logs unexpected failures without personal data and answers them with a 500, echoes or makes the
 * {@code X-Request-Id}, and always sends an exact Content-Length (keep-alive friendly).
 */
public final class Dispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final int MAX_REQUEST_ID = 128;

  private final Router router;
  private final long bodyLimit;
  private final Consumer<Request> beforeEach;
  private final List<ResponseListener> listeners = new CopyOnWriteArrayList<>();

  public Dispatcher(Router router, long bodyLimit, Consumer<Request> beforeEach) {
    this.router = router;
    this.bodyLimit = bodyLimit;
    this.beforeEach = beforeEach;
  }

  /** Adds a listener; the returned action removes it. */
  public Runnable addListener(ResponseListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String requestId = requestId(exchange.getRequestHeaders().getFirst("X-Request-Id"));
    Request request = new Request(exchange, requestId, bodyLimit);
    Response response;
    try {
      beforeEach.accept(request);
      response = router.dispatch(request);
    } catch (HttpError e) {
      response = error(e);
    } catch (RuntimeException | Error e) {
      // No message: it may quote request content. The class and frames are enough to debug.
      LOG.error(
          "Unexpected {} on {} {} (request {}) at {}",
          e.getClass().getName(),
          Router.sanitize(request.method()),
          request.routeTemplate(),
          requestId,
          frames(e));
      response =
          Response.fhir(
              500,
              FhirWriter.operationOutcome(
                  Cause.INTERNAL, "The server failed unexpectedly (request " + requestId + ")"));
    }
    notifyListeners(request, response);
    write(exchange, request, response);
  }

  private void notifyListeners(Request request, Response response) {
    if (listeners.isEmpty()) {
      return;
    }
    ObservedResponse observed =
        new ObservedResponse(
            Router.sanitize(request.method()),
            request.routeTemplate(),
            request.requestId(),
            response.status(),
            response.headers().get("Content-Type"),
            response.body());
    for (ResponseListener listener : listeners) {
      try {
        listener.onResponse(observed);
      } catch (RuntimeException e) {
        LOG.warn("A response listener threw {}", e.getClass().getName());
      }
    }
  }

  public static Response error(HttpError e) {
    Response response =
        Response.fhir(
            e.errorCause().status(), FhirWriter.operationOutcome(e.errorCause(), e.getMessage()));
    for (Map.Entry<String, String> header : e.headers().entrySet()) {
      response.header(header.getKey(), header.getValue());
    }
    return response;
  }

  private static void write(HttpExchange exchange, Request request, Response response) {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        headers.set(header.getKey(), header.getValue());
      }
      headers.set("X-Request-Id", request.requestId());
      byte[] body = response.body();
      boolean noBody =
          body.length == 0 || response.status() == 204 || "HEAD".equals(request.method());
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      LOG.debug("Client went away before the answer to request {} was sent", request.requestId());
    }
  }

  private static String requestId(@org.jspecify.annotations.Nullable String given) {
    if (given != null
        && !given.isBlank()
        && given.length() <= MAX_REQUEST_ID
        && given.chars().allMatch(c -> c > 32 && c < 127)) {
      return given;
    }
    return UUID.randomUUID().toString();
  }

  private static String frames(Throwable e) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] trace = e.getStackTrace();
    for (int i = 0; i < Math.min(12, trace.length); i++) {
      sb.append("\n\tat ").append(trace[i]);
    }
    Throwable cause = e.getCause();
    if (cause != null && cause != e) {
      sb.append("\ncaused by ").append(cause.getClass().getName());
      StackTraceElement[] causeTrace = cause.getStackTrace();
      for (int i = 0; i < Math.min(6, causeTrace.length); i++) {
        sb.append("\n\tat ").append(causeTrace[i]);
      }
    }
    return sb.toString();
  }
}
