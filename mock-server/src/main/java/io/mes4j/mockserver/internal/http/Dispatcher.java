package io.mes4j.mockserver.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.mes4j.mockserver.JournalEntry;
import io.mes4j.mockserver.ObservedResponse;
import io.mes4j.mockserver.ResponseListener;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.faults.FaultPlan;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.journal.Journal;
import io.mes4j.mockserver.internal.journal.Redaction;
import io.mes4j.mockserver.internal.journal.RequestContext;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link HttpHandler} of the server: picks the site (the root, or a tenant under {@code
 * /t/{name}}), applies its injected faults, routes, turns refusals into {@code OperationOutcome}s,
 * logs unexpected failures without personal data and answers them with a 500, gives every request
 * one correlation id (the caller's {@code X-Correlation-Id} or {@code X-Request-Id} if well-formed,
 * else a new one; echoed in both headers), journals it, and always sends an exact Content-Length
 * (keep-alive friendly).
 */
public final class Dispatcher implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final Pattern WELL_FORMED_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  /** The path prefix of tenants: {@code /t/{name}/...}. */
  public static final String TENANT_PREFIX = "/t/";

  /** A tenant's name. */
  public static final Pattern TENANT_NAME = Pattern.compile("[a-z0-9-]{1,40}");

  private final Site root;
  private final long bodyLimit;
  private final Map<String, Site> tenants = new ConcurrentHashMap<>();

  public Dispatcher(Site root, long bodyLimit) {
    this.root = root;
    this.bodyLimit = bodyLimit;
  }

  /** A dispatcher of one root site with a default journal (10 000 entries) and no faults. */
  public Dispatcher(Router router, long bodyLimit, Consumer<Request> beforeEach) {
    this(
        new Site(
            null,
            router,
            beforeEach,
            new Journal(Journal.DEFAULT_MAX_ENTRIES, Journal.DEFAULT_MAX_BYTES),
            new FaultPlan(0),
            Instant::now),
        bodyLimit);
  }

  /** Adds a listener of the root site's answers; the returned action removes it. */
  public Runnable addListener(ResponseListener listener) {
    return root.addListener(listener);
  }

  /** The root site. */
  public Site root() {
    return root;
  }

  /** Adds a tenant site; false if one of that name exists. */
  public boolean addTenant(Site site) {
    String name = site.tenant();
    if (name == null || !TENANT_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a tenant name is 1 to 40 of [a-z0-9-]");
    }
    return tenants.putIfAbsent(name, site) == null;
  }

  /** Removes a tenant site; the removed one, or null. */
  public @org.jspecify.annotations.Nullable Site removeTenant(String name) {
    return tenants.remove(name);
  }

  /** A tenant site, or null. */
  public @org.jspecify.annotations.Nullable Site tenant(String name) {
    return tenants.get(name);
  }

  /** The tenants' names. */
  public java.util.Set<String> tenantNames() {
    return new java.util.TreeSet<>(tenants.keySet());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Instant wallTime = Instant.now();
    String requestId = correlationId(exchange);
    String rawPath = exchange.getRequestURI().getRawPath();
    Site site = root;
    String path = rawPath;
    if (rawPath.startsWith(TENANT_PREFIX)) {
      int slash = rawPath.indexOf('/', TENANT_PREFIX.length());
      String name = rawPath.substring(TENANT_PREFIX.length(), slash < 0 ? rawPath.length() : slash);
      Site tenant = tenants.get(name);
      if (tenant == null) {
        Request unknown = new Request(exchange, requestId, bodyLimit);
        write(
            exchange,
            unknown,
            error(
                HttpError.notFound(
                    "No such tenant; create it with POST /_mock/tenants {\"name\": \"...\"}")));
        return;
      }
      site = tenant;
      path = slash < 0 ? "/" : rawPath.substring(slash);
    }
    Request request = new Request(exchange, path, requestId, bodyLimit);
    Instant serverTime = site.now();
    FaultPlan.Verdict fault = faultable(path) ? site.faults().decide(request.method(), path) : null;
    if (fault != null && fault.delayMs() > 0) {
      try {
        Thread.sleep(fault.delayMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault != null && fault.rule().dropsConnection()) {
      journal(site, request, 0, serverTime, wallTime, started, List.of(), fault);
      exchange.close(); // no answer was started: the JDK closes the connection
      return;
    }
    Response response;
    List<JournalEntry.PolicyDecision> decisions = List.of();
    if (fault != null && fault.rule().status() != 0) {
      response = faultResponse(path, fault);
    } else {
      List<List<JournalEntry.PolicyDecision>> taken = new java.util.ArrayList<>(1);
      response = serve(site, request, requestId, taken);
      decisions = taken.isEmpty() ? List.of() : taken.get(0);
    }
    notifyListeners(site, request, response);
    if (!path.equals("/_mock") && !path.startsWith("/_mock/")) {
      journal(site, request, response.status(), serverTime, wallTime, started, decisions, fault);
    }
    write(exchange, request, response);
  }

  /**
   * Runs the due clock jobs (outside the request's context: their traces and notices are not this
   * request's), then routes with the request's context open; the decisions taken go to {@code
   * taken}, refusals included.
   */
  private static Response serve(
      Site site, Request request, String requestId, List<List<JournalEntry.PolicyDecision>> taken) {
    Response response;
    try {
      site.beforeEach().accept(request);
      try (RequestContext context = RequestContext.open(requestId)) {
        try {
          response = site.router().dispatch(request);
        } finally {
          taken.add(context.decisions());
        }
      }
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
    return response;
  }

  /**
   * Faults apply to the APIs (the FHIR API, the OAuth endpoints, the catalogue), never to the
   * control plane.
   */
  private static boolean faultable(String path) {
    return !path.equals("/_mock") && !path.startsWith("/_mock/");
  }

  private static Response faultResponse(String path, FaultPlan.Verdict fault) {
    int status = fault.rule().status();
    String message = "Injected fault (/_mock/faults): " + status;
    Response response;
    if (path.startsWith("/oauth2")) {
      var body = Json.object();
      body.put(
          "error", status >= 500 || status == 429 ? "temporarily_unavailable" : "invalid_request");
      body.put("error_description", message);
      response = Response.json(status, body);
    } else {
      Cause cause =
          switch (status) {
            case 429 -> Cause.RATE_LIMITED;
            case 503 -> Cause.UNAVAILABLE;
            default -> status >= 500 ? Cause.INTERNAL : Cause.INVALID_REQUEST;
          };
      response = Response.fhir(status, FhirWriter.operationOutcome(cause, message));
    }
    if (fault.rule().retryAfter().isPresent()) {
      response.header("Retry-After", Long.toString(fault.rule().retryAfter().get().toSeconds()));
    }
    return response;
  }

  private static void journal(
      Site site,
      Request request,
      int status,
      Instant serverTime,
      Instant wallTime,
      long started,
      List<JournalEntry.PolicyDecision> decisions,
      FaultPlan.@org.jspecify.annotations.Nullable Verdict fault) {
    Journal journal = site.journal();
    if (journal.maxEntries() == 0) {
      return;
    }
    String subjectKind = null;
    String subjectId = null;
    if (request.principalOrNull() instanceof Principal principal) {
      subjectKind = principal.kind().name();
      subjectId = principal.subject();
    }
    journal.add(
        new JournalEntry(
            Router.sanitize(request.method()),
            Redaction.path(request.path()),
            request.routeTemplate(),
            Redaction.query(request.rawQuery()),
            status,
            subjectKind,
            subjectId,
            serverTime,
            wallTime,
            Duration.ofNanos(System.nanoTime() - started),
            request.requestId(),
            site.tenant(),
            decisions,
            fault == null ? null : fault.kind()));
  }

  private static void notifyListeners(Site site, Request request, Response response) {
    List<ResponseListener> listeners = site.listeners();
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

  /** How much of a body no handler read is drained to keep the connection (the JDK's 64 KB). */
  private static final int UNREAD_BODY_DRAIN = 64 * 1024;

  private static void write(HttpExchange exchange, Request request, Response response) {
    try (exchange) {
      var headers = exchange.getResponseHeaders();
      for (Map.Entry<String, String> header : response.headers().entrySet()) {
        headers.set(header.getKey(), header.getValue());
      }
      headers.set("X-Request-Id", request.requestId());
      headers.set("X-Correlation-Id", request.requestId());
      if (!request.drainUnread(UNREAD_BODY_DRAIN)) {
        headers.set("Connection", "close");
      }
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

  /** The caller's X-Correlation-Id, else its X-Request-Id, if well-formed; else a new UUID. */
  private static String correlationId(HttpExchange exchange) {
    for (String header : new String[] {"X-Correlation-Id", "X-Request-Id"}) {
      String given = exchange.getRequestHeaders().getFirst(header);
      if (given != null && WELL_FORMED_ID.matcher(given).matches()) {
        return given;
      }
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
