package io.mes4j.mockserver.console;

import static io.mes4j.mockserver.support.Documents.LABORATORY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.support.ServerTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser: Debian's Chromium, headless, driven over the DevTools protocol
 * (see {@link HeadlessChromium}; installed by {@code scripts/install-chromium.sh} when absent).
 * What travels over the protocol never carries an INS or a name: links are found by their opaque
 * address, and the page's text is checked inside the page.
 */
class ConsoleBrowserTest extends ServerTest {
  private static final int WIDTH = 1000;
  private static final int HEIGHT = 700;

  /** The reference screenshot of the spaces page (default fixtures, clock at START). */
  private static final String REFERENCE = "/console/spaces-reference.png";

  /** The grid the screenshots are compared on: cells of 25 × 25 pixels, mean colour each. */
  private static final int CELL = 25;

  /** The largest difference of a cell's mean channel from the reference's, out of 255. */
  private static final double CELL_TOLERANCE = 24;

  /** The largest mean difference over all cells and channels, out of 255. */
  private static final double MEAN_TOLERANCE = 3;

  private static HeadlessChromium browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = HeadlessChromium.start(WIDTH, HEIGHT);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
      assertThat(browser.cleanedUp()).as("Chromium killed and its profile deleted").isTrue();
    }
  }

  @Test
  void spacesPage_loadsWithItsStatusTitleStylesheetAndSpaces() {
    // GIVEN the default fixtures
    // WHEN the browser opens the console
    JsonNode response = browser.navigate(server.baseUrl() + "/_mock/console");
    // THEN the page answered 200 HTML under the content security policy
    assertThat(response.path("status").asInt()).isEqualTo(200);
    assertThat(response.path("mimeType").asText()).isEqualTo("text/html");
    assertThat(header(response, "Content-Security-Policy")).contains("default-src 'none'");
    assertThat(browser.evaluate("document.title").asText()).isEqualTo("Spaces · mes4j console");
    // AND it lists the seven spaces, with their states as badges
    assertThat(browser.evaluate("document.querySelectorAll('#spaces tbody tr').length").asInt())
        .isEqualTo(7);
    assertThat(
            browser
                .evaluate(
                    "Array.from(document.querySelectorAll('#spaces tbody .badge'))"
                        + ".map(b => b.textContent).sort().join(',')")
                .asText())
        .isEqualTo("ACTIVE,ACTIVE,ACTIVE,CLOSED,DELETED,OPPOSED,PENDING");
    assertThat(browser.evaluate("document.body.innerText.includes('Jean Dupont')").asBoolean())
        .isTrue();
    // AND the stylesheet applied (the policy lets this server's stylesheet in), with no error
    assertThat(
            browser
                .evaluate("getComputedStyle(document.querySelector('header')).backgroundColor")
                .asText())
        .isEqualTo("rgb(31, 58, 95)");
    assertThat(browser.events("Log.entryAdded"))
        .noneMatch(e -> "error".equals(e.at("/params/entry/level").asText()));
  }

  @Test
  void clickingAPatient_opensItsPage_withItsDocumentsAndTheirLabels() throws IOException {
    // GIVEN three documents on ADULT's space: normal, masked by the holder, invisible to them
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(
        deposit(Fixtures.DOCTOR, Fixtures.ADULT, "urn:oid:1.2.250.1.999.7.1", LABORATORY, "N"),
        "N");
    expected.put(
        deposit(
            Fixtures.DOCTOR,
            Fixtures.ADULT,
            "urn:oid:1.2.250.1.999.7.2",
            LABORATORY,
            "N",
            "MASQUE_PS"),
        "MASQUE_PS");
    expected.put(
        deposit(
            Fixtures.DOCTOR,
            Fixtures.ADULT,
            "urn:oid:1.2.250.1.999.7.3",
            LABORATORY,
            "INVISIBLE_PATIENT"),
        "INVISIBLE_PATIENT");
    String href = ConsolePagesTest.patientPage(Fixtures.Ids.ADULT);
    browser.navigate(server.baseUrl() + "/_mock/console");
    // WHEN the user clicks ADULT's link in the spaces list
    JsonNode response =
        browser.loading(
            () ->
                browser.evaluate(
                    "document.querySelector('#spaces a[href=\"" + href + "\"]').click()"));
    // THEN the browser is on ADULT's page
    assertThat(response.path("status").asInt()).isEqualTo(200);
    assertThat(browser.evaluate("location.pathname").asText()).isEqualTo(href);
    assertThat(
            browser
                .evaluate("document.querySelector('h1').textContent.includes('Jean Dupont')")
                .asBoolean())
        .isTrue();
    // AND its documents section shows the three documents with their labels
    JsonNode rows =
        browser.evaluate(
            "Array.from(document.querySelectorAll('#documents tbody tr')).map(r => ({"
                + "id: r.cells[0].textContent,"
                + "labels: Array.from(r.querySelectorAll('.label')).map(l => l.textContent)"
                + ".join(',')}))");
    Map<String, String> shown = new LinkedHashMap<>();
    for (JsonNode row : rows) {
      shown.put(row.path("id").asText(), row.path("labels").asText());
    }
    assertThat(shown).containsExactlyEntriesOf(expected);
    // AND a label badge is styled as such
    assertThat(
            browser
                .evaluate(
                    "getComputedStyle(document.querySelector('#documents .label-MASQUE_PS'))"
                        + ".backgroundColor")
                .asText())
        .isEqualTo("rgb(106, 27, 154)");
    save(decode(browser.screenshot()), "patient.png");
  }

  @Test
  void screenshot_ofTheSpacesPage_matchesTheReference_andAnotherPageDoesNot() throws IOException {
    // GIVEN the default fixtures on the fixed clock
    browser.navigate(server.baseUrl() + "/_mock/console");
    // WHEN the spaces page is captured
    BufferedImage actual = decode(browser.screenshot());
    save(actual, "spaces.png");
    // THEN it is the viewport's size, not blank, with the header's colour across its top
    assertThat(actual.getWidth()).isEqualTo(WIDTH);
    assertThat(actual.getHeight()).isEqualTo(HEIGHT);
    assertThat(distinctColours(actual)).isGreaterThan(50);
    assertThat(share(actual, 0, 0, WIDTH, 8, 0x1f3a5f)).isGreaterThan(0.95);
    assertThat(share(actual, 0, 60, WIDTH, HEIGHT, 0x2e7d32))
        .as("the green of the ACTIVE badges")
        .isGreaterThan(0.0005);
    // AND it matches the reference, cell by cell
    BufferedImage reference = reference();
    double[] difference = difference(actual, reference);
    assertThat(difference[0]).as("largest cell difference").isLessThanOrEqualTo(CELL_TOLERANCE);
    assertThat(difference[1]).as("mean difference").isLessThanOrEqualTo(MEAN_TOLERANCE);
    // AND the same comparison tells another page apart (it can fail)
    browser.navigate(server.baseUrl() + "/_mock/console/clock");
    BufferedImage other = decode(browser.screenshot());
    save(other, "clock.png");
    double[] otherDifference = difference(other, reference);
    assertThat(otherDifference[0] > CELL_TOLERANCE || otherDifference[1] > MEAN_TOLERANCE)
        .as("the clock page differs from the spaces reference")
        .isTrue();
  }

  // ---- images ----

  private static BufferedImage decode(byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as("a PNG").isNotNull();
    return image;
  }

  private static BufferedImage reference() throws IOException {
    try (InputStream in = ConsoleBrowserTest.class.getResourceAsStream(REFERENCE)) {
      assertThat(in).as("the reference screenshot " + REFERENCE).isNotNull();
      return ImageIO.read(in);
    }
  }

  /** Writes a screenshot under target/console-screenshots, to look at when a test fails. */
  private static void save(BufferedImage image, String name) throws IOException {
    Path dir = Path.of("target", "console-screenshots");
    Files.createDirectories(dir);
    ImageIO.write(image, "png", dir.resolve(name).toFile());
  }

  private static long distinctColours(BufferedImage image) {
    return java.util.stream.IntStream.range(0, image.getWidth() * image.getHeight())
        .map(i -> image.getRGB(i % image.getWidth(), i / image.getWidth()) & 0xffffff)
        .distinct()
        .count();
  }

  /** The share of pixels of the rectangle within 6 of {@code rgb} on each channel. */
  private static double share(BufferedImage image, int x0, int y0, int x1, int y1, int rgb) {
    long match = 0;
    long total = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        int pixel = image.getRGB(x, y);
        total++;
        if (close(pixel >> 16, rgb >> 16) && close(pixel >> 8, rgb >> 8) && close(pixel, rgb)) {
          match++;
        }
      }
    }
    return (double) match / total;
  }

  private static boolean close(int a, int b) {
    return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
  }

  /**
   * The images compared as grids of mean colours: the largest difference of one cell's channel, and
   * the mean difference over every cell and channel (both out of 255). Text rendering details
   * average out within a cell; a moved, missing or recoloured block does not.
   */
  private static double[] difference(BufferedImage actual, BufferedImage reference) {
    assertThat(reference.getWidth()).isEqualTo(actual.getWidth());
    assertThat(reference.getHeight()).isEqualTo(actual.getHeight());
    double largest = 0;
    double sum = 0;
    int count = 0;
    for (int cy = 0; cy + CELL <= actual.getHeight(); cy += CELL) {
      for (int cx = 0; cx + CELL <= actual.getWidth(); cx += CELL) {
        double[] a = mean(actual, cx, cy);
        double[] r = mean(reference, cx, cy);
        for (int c = 0; c < 3; c++) {
          double d = Math.abs(a[c] - r[c]);
          largest = Math.max(largest, d);
          sum += d;
          count++;
        }
      }
    }
    return new double[] {largest, sum / count};
  }

  private static double[] mean(BufferedImage image, int x0, int y0) {
    double[] sum = new double[3];
    for (int y = y0; y < y0 + CELL; y++) {
      for (int x = x0; x < x0 + CELL; x++) {
        int pixel = image.getRGB(x, y);
        sum[0] += (pixel >> 16) & 0xff;
        sum[1] += (pixel >> 8) & 0xff;
        sum[2] += pixel & 0xff;
      }
    }
    for (int c = 0; c < 3; c++) {
      sum[c] /= CELL * CELL;
    }
    return sum;
  }

  private static String header(JsonNode response, String name) {
    for (Map.Entry<String, JsonNode> header :
        (Iterable<Map.Entry<String, JsonNode>>) () -> response.path("headers").fields()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue().asText();
      }
    }
    return "";
  }
}
