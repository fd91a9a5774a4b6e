package io.mes4j.mockserver.internal.console;

import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import java.nio.charset.StandardCharsets;

/**
 * The read-only web console under {@code /_mock/console}: server-rendered HTML, one stylesheet, no
 * script and nothing from elsewhere. {@code GET} only (405 otherwise); an unknown page or patient
 * is a 404 page. Every answer forbids scripts, frames and other origins ({@code
 * Content-Security-Policy}) and content sniffing.
 *
 * <pre>{@code
 * new ConsoleEndpoints(engine).register(router); // before the /_mock fallback
 * }</pre>
 */
public final class ConsoleEndpoints {
  /**
   * Scripts, frames, other origins: none. Only this server's stylesheet and icon, and its own (GET)
   * filter form.
   */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private static final String HTML = "text/html; charset=utf-8";
  private final ConsolePages pages;

  public ConsoleEndpoints(Engine engine) {
    this.pages = new ConsolePages(engine, new JournalView(engine));
  }

  /** Registers the console; call before the {@code /_mock} fallback, which would take its paths. */
  public void register(Router router) {
    router.fallback(ConsolePages.ROOT, this::handle);
  }

  private Response handle(Request request) {
    if (!"GET".equals(request.method())) {
      return answer(pages.error(405, "Method not allowed", "The console is read-only: GET only."))
          .header("Allow", "GET");
    }
    String rest = request.path().substring(ConsolePages.ROOT.length());
    if (rest.endsWith("/") && rest.length() > 1) {
      rest = rest.substring(0, rest.length() - 1);
    }
    if (rest.equals("/console.css")) {
      return secured(
          Response.bytes(
              200, ConsoleStyle.CSS.getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8"));
    }
    if (rest.equals("/favicon.svg")) {
      return secured(
          Response.bytes(
              200, ConsoleStyle.FAVICON.getBytes(StandardCharsets.UTF_8), "image/svg+xml"));
    }
    ConsolePages.Page page;
    if (rest.isEmpty() || rest.equals("/") || rest.equals("/spaces")) {
      Integer number = pageNumber(request);
      page =
          number == null
              ? pages.error(400, "Bad request", "page must be a positive integer.")
              : pages.spaces(number);
    } else if (rest.startsWith("/patients/") && rest.indexOf('/', 10) < 0) {
      page = pages.patient(rest.substring("/patients/".length()));
    } else {
      page =
          switch (rest) {
            case "/audit" -> pages.audit();
            case "/outbox" -> pages.outbox();
            case "/journal" -> pages.journal(request.query());
            case "/clock" -> pages.clock();
            default -> pages.notFound("No such page", "The console has no such page.");
          };
    }
    return answer(page);
  }

  private static @org.jspecify.annotations.Nullable Integer pageNumber(Request request) {
    String text = request.query().getOrDefault("page", java.util.List.of("1")).get(0);
    if (text.isEmpty() || text.length() > 6 || !text.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int number = Integer.parseInt(text);
    return number < 1 ? null : number;
  }

  private Response answer(ConsolePages.Page page) {
    Html html = new Html();
    html.raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .raw("<title>")
        .text(page.title() + " · mes4j console")
        .raw("</title><link rel=\"stylesheet\" href=\"")
        .text(pages.root() + "/console.css")
        .raw("\"><link rel=\"icon\" href=\"")
        .text(pages.root() + "/favicon.svg")
        .raw("\"></head><body><header><span class=\"brand\">mes4j console</span><nav>");
    String root = pages.root();
    nav(html, page, "spaces", root, "Spaces");
    nav(html, page, "audit", root + "/audit", "Audit trail");
    nav(html, page, "outbox", root + "/outbox", "Outbox");
    nav(html, page, "journal", root + "/journal", "Journal");
    nav(html, page, "clock", root + "/clock", "Clock");
    html.raw("</nav><span class=\"now\" id=\"now\">")
        .text(pages.now())
        .raw("</span></header><main><h1>")
        .text(page.title())
        .raw("</h1>")
        .raw(page.body().toString())
        .raw("</main></body></html>");
    return secured(
        Response.bytes(page.status(), html.toString().getBytes(StandardCharsets.UTF_8), HTML));
  }

  private static void nav(Html html, ConsolePages.Page page, String id, String href, String name) {
    html.raw("<a href=\"")
        .text(href)
        .raw(id.equals(page.nav()) ? "\" class=\"current\">" : "\">")
        .text(name)
        .raw("</a>");
  }

  private static Response secured(Response response) {
    return response
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
  }
}
