package io.mes4j.mockserver.console;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.support.Documents;
import io.mes4j.mockserver.support.ServerTest;
import io.mes4j.mockserver.support.TestClient.Answer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console over plain HTTP: every page, its headers, escaping, 404 and 405. */
class ConsolePagesTest extends ServerTest {
  private static final String CONSOLE = "/_mock/console";
  private static final String[] FIXTURE_INS = {
    Fixtures.Ids.ADULT,
    Fixtures.Ids.PARENT,
    Fixtures.Ids.MINOR,
    Fixtures.Ids.PENDING,
    Fixtures.Ids.OPPOSED,
    Fixtures.Ids.CLOSED,
    Fixtures.Ids.DELETED
  };

  @ParameterizedTest
  @ValueSource(
      strings = {"", "/", "/spaces", "/audit", "/outbox", "/journal", "/clock", "ADULT", "DELETED"})
  void everyPage_answers200HtmlWithTheSecurityHeaders(String page) {
    // GIVEN the default fixtures
    // WHEN a console page (or a patient's page, by its link in the spaces list) is read
    String path =
        switch (page) {
          case "ADULT" -> patientPage(Fixtures.Ids.ADULT);
          case "DELETED" -> patientPage(Fixtures.Ids.DELETED);
          default -> CONSOLE + page;
        };
    Answer answer = http.get(path, null);
    // THEN it is an HTML page that forbids scripts, other origins and sniffing
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(answer.header("Content-Security-Policy"))
        .contains("default-src 'none'")
        .contains("style-src 'self'")
        .doesNotContain("script-src");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.text()).startsWith("<!DOCTYPE html>").contains("<title>").endsWith("</html>");
    assertThat(answer.text()).doesNotContain("<script");
  }

  @Test
  void stylesheet_isServedAsCssWithTheSameHeaders() {
    // WHEN the console's stylesheet is read
    Answer answer = http.get(CONSOLE + "/console.css", null);
    // THEN it is CSS, not to be sniffed as anything else
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(answer.text()).contains(".state-ACTIVE");
  }

  @Test
  void spaces_listEveryFixturePatientWithItsState() {
    // WHEN the spaces list is read
    String html = http.get(CONSOLE, null).text();
    // THEN each fixture patient is there, linked to its page, with its state
    assertThat(html)
        .contains("7 space(s)")
        .containsPattern(
            "<a href=\"/_mock/console/patients/[0-9a-f]{20}\">" + Fixtures.Ids.ADULT + "</a>")
        .contains("Jean Dupont")
        .contains("<span class=\"badge state state-PENDING\">PENDING</span>")
        .contains("<span class=\"badge state state-DELETED\">DELETED</span>");
    for (String ins : FIXTURE_INS) {
      assertThat(patientPage(ins)).startsWith(CONSOLE + "/patients/").doesNotContain(ins);
    }
  }

  @Test
  void patientPage_showsDocumentsWithLabelsConsentsTracesAndNotices() {
    // GIVEN two documents deposited on ADULT's space, one masked by the holder
    String plain =
        deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.1", LABORATORY);
    String masked =
        deposit(
            Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.2", LABORATORY, "MASQUE_PS");
    // WHEN the patient's page is read
    String html = http.get(patientPage(Fixtures.Ids.ADULT), null).text();
    // THEN its documents show with their labels, its consents, the traces and the notices
    assertThat(html).contains("<section id=\"documents\">").contains(plain).contains(masked);
    assertThat(html).contains("<span class=\"badge label label-MASQUE_PS\">MASQUE_PS</span>");
    assertThat(html)
        .contains("<section id=\"consents\">")
        .contains("medecin-traitant")
        .contains(Fixtures.Ids.DOCTOR_TREATING + " (Dr Alice Martin)");
    assertThat(html).contains("<section id=\"audit\">").contains("DocumentReference/" + plain);
    assertThat(html).contains("<section id=\"notices\">").contains("DOCUMENT_ADDED");
  }

  @Test
  void values_fromTheState_areEscaped() {
    // GIVEN a document whose title is markup
    ObjectNode body =
        Documents.iti105(
            Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.3", LABORATORY, Documents.pdf("escape"));
    ((ObjectNode) body.get("content").get(0).get("attachment"))
        .put("title", "<script>alert('x')</script> & \"co\"");
    assertThat(http.postJson("/fhir/DocumentReference", token(Fixtures.DOCTOR), body).status())
        .isEqualTo(201);
    // WHEN the patient's page is read
    String html = http.get(patientPage(Fixtures.Ids.ADULT), null).text();
    // THEN the title shows as text, never as markup
    assertThat(html)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;")
        .doesNotContain("<script");
  }

  @Test
  void outbox_showsTheNoticesSent() {
    // GIVEN a deposit, which notifies the holder
    deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.4", LABORATORY);
    // WHEN the outbox page is read
    String html = http.get(CONSOLE + "/outbox", null).text();
    // THEN the notice is there, linked to its patient
    assertThat(html)
        .contains("DOCUMENT_ADDED")
        .contains(Fixtures.Ids.ADULT + "@patient.mssante.fr")
        .contains("<a href=\"" + patientPage(Fixtures.Ids.ADULT) + "\">");
  }

  @Test
  void audit_showsRefusalsToo() {
    // GIVEN a refused read by an unauthorised doctor (AU-1: refusals are traced)
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.5", LABORATORY);
    assertThat(
            http.get("/fhir/DocumentReference/" + id, token(Fixtures.DOCTOR_UNAUTHORISED)).status())
        .isEqualTo(403);
    // WHEN the audit page is read
    String html = http.get(CONSOLE + "/audit", null).text();
    // THEN the refusal is there with its cause
    assertThat(html)
        .contains("<tr class=\"refused\">")
        .contains(Fixtures.Ids.DOCTOR_UNAUTHORISED)
        .contains("refused: ");
  }

  @Test
  void clock_showsTheServerClockAsItMoves() {
    // GIVEN the fixed clock at START
    assertThat(http.get(CONSOLE + "/clock", null).text())
        .contains(START.toString())
        .contains("fixed");
    // WHEN it is advanced by a day
    http.control("POST", "/_mock/clock/advance", Map.of("duration", "P1D"));
    // THEN the clock page shows the new instant
    assertThat(http.get(CONSOLE + "/clock", null).text()).contains("2026-11-29T10:00:00Z");
  }

  @Test
  void journal_showsTheRequestsWithTheirDecisions_filteredByTheForm() {
    // GIVEN a deposit and a refused read
    String id = deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.8.6", LABORATORY);
    http.get("/fhir/DocumentReference/" + id, token(Fixtures.DOCTOR_UNAUTHORISED));
    // WHEN the journal page is read, whole and filtered on the refusals
    String all = http.get(CONSOLE + "/journal", null).text();
    String refused = http.get(CONSOLE + "/journal?status=403&method=GET", null).text();
    // THEN both requests show, with their policy decisions; the filter keeps the refusal only
    assertThat(all)
        .contains("<form class=\"filter\" method=\"get\" action=\"/_mock/console/journal\">")
        .contains("POST")
        .contains("/fhir/DocumentReference/" + id)
        .contains(" deny (");
    assertThat(refused)
        .contains("1 request(s) match")
        .contains("/fhir/DocumentReference/" + id)
        .contains("value=\"403\"");
    assertThat(http.get(CONSOLE + "/journal?status=abc", null).status()).isEqualTo(400);
    assertThat(http.get(CONSOLE + "/journal?path=regex:(", null).status()).isEqualTo(400);
  }

  @Test
  void tenantConsole_showsTheTenantsState_andLinksWithinTheTenant() {
    // GIVEN a tenant reset to empty, the root server on the default fixtures
    try (var tenant = server.tenant("console-pages")) {
      String prefix = "/t/console-pages";
      tenant.control().resetEmpty();
      // WHEN the tenant's console and the root's are read
      String tenantHtml = http.get(prefix + CONSOLE, null).text();
      String rootHtml = http.get(CONSOLE, null).text();
      // THEN the tenant's shows its own (empty) state and links under its prefix
      assertThat(tenantHtml)
          .contains("No space")
          .contains("<a href=\"" + prefix + CONSOLE + "/audit\"")
          .contains("href=\"" + prefix + CONSOLE + "/console.css\"");
      assertThat(rootHtml).contains("7 space(s)");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void anyMethodButGet_is405(String method) {
    // GIVEN ADULT's page address; WHEN any other method than GET is sent to a console page
    // THEN it is a 405 HTML page allowing GET only
    for (String page :
        new String[] {
          CONSOLE, CONSOLE + "/audit", patientPage(Fixtures.Ids.ADULT), CONSOLE + "/x"
        }) {
      Answer answer = http.method(method, page, null);
      assertThat(answer.status()).as(method + " " + page).isEqualTo(405);
      assertThat(answer.header("Allow")).isEqualTo("GET");
      assertThat(answer.header("Content-Type")).startsWith("text/html");
    }
    // AND nothing changed: ADULT's page is still there
    assertThat(http.get(patientPage(Fixtures.Ids.ADULT), null).status()).isEqualTo(200);
  }

  @Test
  void unknownPatient_isA404Page() {
    // GIVEN ADULT's page, then an empty server
    String page = patientPage(Fixtures.Ids.ADULT);
    http.control("POST", "/_mock/reset", Map.of("fixtures", "empty"));
    // WHEN that page, and a page of something not a key, are read
    Answer unknown = http.get(page, null);
    Answer invalid = http.get(CONSOLE + "/patients/%3Cscript%3E", null);
    // THEN both are 404 pages, HTML
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(unknown.text()).contains("No such patient").doesNotContain("Jean Dupont");
    assertThat(invalid.status()).isEqualTo(404);
    assertThat(invalid.text()).contains("No such patient").doesNotContain("<script");
    assertThat(http.get(CONSOLE, null).text()).contains("No space");
  }

  @Test
  void patientPages_neverHaveTheInsInTheirAddress() {
    // WHEN the spaces list is read
    String html = http.get(CONSOLE, null).text();
    Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    int patientLinks = 0;
    // THEN no link has an INS in it (HTTP stacks log request lines), yet each space is linked
    while (links.find()) {
      assertThat(links.group(1)).doesNotContain(FIXTURE_INS);
      patientLinks += links.group(1).startsWith(CONSOLE + "/patients/") ? 1 : 0;
    }
    assertThat(patientLinks).isEqualTo(7);
  }

  @Test
  void spaces_ofAGeneratedPopulation_arePaged_andShowEveryLabel() {
    // GIVEN a generated population of 250 spaces, two documents each where the space holds data
    server.control().generate(250, 2, 7L);
    // WHEN the three pages of spaces are read, and a fourth is asked
    String first = http.get(CONSOLE, null).text();
    String last = http.get(CONSOLE + "?page=3", null).text();
    // THEN 100, then 50 spaces are listed, with links between the pages
    assertThat(first).contains("250 space(s)").contains("<a href=\"" + CONSOLE + "?page=3\">3</a>");
    assertThat(rows(first)).isEqualTo(100);
    assertThat(rows(last)).isEqualTo(50);
    assertThat(http.get(CONSOLE + "?page=4", null).status()).isEqualTo(404);
    // AND the spaces' pages together show every label
    Matcher links = Pattern.compile("href=\"(" + CONSOLE + "/patients/[0-9a-f]+)\"").matcher(first);
    StringBuilder pages = new StringBuilder();
    while (links.find()) {
      pages.append(http.get(links.group(1), null).text());
    }
    for (String label :
        new String[] {"N", "MASQUE_PS", "INVISIBLE_PATIENT", "INVISIBLE_REPRESENTANTS_LEGAUX"}) {
      assertThat(pages)
          .contains("<span class=\"badge label label-" + label + "\">" + label + "</span>");
    }
  }

  private static int rows(String html) {
    String table = html.substring(html.indexOf("<section id=\"spaces\">"));
    return table.split("<tr><td><a href=", -1).length - 1;
  }

  @Test
  void unknownPage_isA404Page_andABadPageNumberA400() {
    // GIVEN one page of spaces; WHEN an unknown page, a bad page number, or page 2 is asked
    // THEN 404, 400, 404
    assertThat(http.get(CONSOLE + "/nope", null).status()).isEqualTo(404);
    assertThat(http.get(CONSOLE + "/patients", null).status()).isEqualTo(404);
    assertThat(http.get(CONSOLE + "?page=0", null).status()).isEqualTo(400);
    assertThat(http.get(CONSOLE + "?page=x", null).status()).isEqualTo(400);
    assertThat(http.get(CONSOLE + "?page=2", null).status()).isEqualTo(404);
  }

  /** The address of a patient's page, as the spaces list links it. */
  static String patientPage(String ins) {
    String html = http.get(CONSOLE, null).text();
    Matcher link =
        Pattern.compile("<a href=\"(" + CONSOLE + "/patients/[0-9a-f]+)\">" + ins + "</a>")
            .matcher(html);
    assertThat(link.find()).as("a link to the patient's page").isTrue();
    return link.group(1);
  }
}
