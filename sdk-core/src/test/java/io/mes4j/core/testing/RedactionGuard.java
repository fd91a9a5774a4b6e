package io.mes4j.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The whole-suite redaction guard: every log event of the test JVM, SLF4J (through {@link
 * CapturingLogProvider}, every level, TRACE included) and JDK logging (a handler on the root {@code
 * java.util.logging} logger, set to {@code ALL}, which is where {@code System.Logger} goes too), is
 * checked as it is written against the secrets of the fixtures: the INS of every fixture patient,
 * the names of every fixture person, document content (a PDF's header, raw or base64), bearer
 * tokens and JWTs, and any secret a test {@link #register registers}. A match is a {@link
 * Violation}; {@link RedactionExtension}, auto-detected in every module's test run, fails the test
 * during which it happened.
 *
 * <pre>{@code
 * RedactionGuard.install();          // idempotent; RedactionExtension does it
 * RedactionGuard.register(myToken);  // a secret of this test's own
 * RedactionGuard.assertClean("after the soak");
 * }</pre>
 *
 * <p>Exemption, documented in {@code docs/reliability.md}: the JDK's own {@code HttpURLConnection}
 * ({@code sun.net.www.protocol.http}), which logs every request header at {@code FINE}, is not
 * judged: only raw-HTTP test helpers use it to send their own tokens; the SDK never does.
 */
public final class RedactionGuard {

  /**
   * One secret found in a log event.
   *
   * @param source {@code slf4j} or {@code jul}
   * @param logger the logger's name
   * @param level the level
   * @param kind what was found (a fixture INS, a name, document content, a token…)
   * @param excerpt the text around it, the secret itself masked
   * @param thread the thread that logged
   */
  public record Violation(
      String source, String logger, String level, String kind, String excerpt, String thread) {
    @Override
    public String toString() {
      return source
          + " "
          + level
          + " "
          + logger
          + " ["
          + thread
          + "] leaks "
          + kind
          + ": …"
          + excerpt
          + "…";
    }
  }

  /** INS values of the default fixtures (mock-server's {@code Fixtures.Ids}). */
  static final List<String> FIXTURE_INS =
      List.of(
          "180017511234516",
          "285036912345656",
          "115067511300106",
          "290051305512342",
          "175029201234505",
          "260073155511138",
          "155084433322248");

  /** Family names of the fixture patients, matched as whole words, case-sensitive. */
  static final List<String> FAMILY_NAMES =
      List.of("Dupont", "Durand", "Petit", "Lambert", "Faure", "Mercier");

  /** Full names of the fixture persons, patients and professionals. */
  static final List<String> FULL_NAMES =
      List.of(
          "Jean Dupont",
          "Marie Durand",
          "Lucas Durand",
          "Nina Petit",
          "Olivier Lambert",
          "Pauline Faure",
          "Quentin Mercier",
          "Alice Martin",
          "Bruno Lefèvre",
          "Claire Moreau",
          "Denis Girard",
          "Emma Roux",
          "Fanny Blanc",
          "Gilles Bonnet",
          "Hugo Fontaine",
          "Inès Chevalier",
          "Julie Perrin",
          "Karim Benali",
          "Luc Garnier",
          "Marc Henry");

  private static final Pattern FIXED;

  static {
    StringBuilder alternation = new StringBuilder();
    for (String ins : FIXTURE_INS) {
      alternation.append("|(?<![0-9])").append(ins).append("(?![0-9])");
    }
    for (String name : FAMILY_NAMES) {
      alternation.append("|\\b").append(name).append("\\b");
    }
    for (String name : FULL_NAMES) {
      alternation.append("|").append(Pattern.quote(name));
    }
    // A JWT (header and payload, base64url of '{"'), a bearer credential, a PDF's bytes (raw, or
    // base64 as in a FHIR Binary), and the canary marker tests put in their content.
    alternation
        .append("|eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}")
        .append("|Bearer\\s+[A-Za-z0-9._~+/=-]{8,}")
        .append("|%PDF-")
        .append("|JVBERi0")
        .append("|CANARY-CONTENT");
    FIXED = Pattern.compile(alternation.substring(1));
  }

  private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();
  private static final Queue<Violation> VIOLATIONS = new ConcurrentLinkedQueue<>();
  private static final Object INSTALL = new Object();
  private static volatile boolean installed;

  private RedactionGuard() {}

  /**
   * Starts judging JDK logging too: a handler on the root logger, the root at {@code ALL}. SLF4J
   * events are judged by {@link CapturingLogProvider} from the start. Idempotent.
   */
  public static void install() {
    if (installed) {
      return;
    }
    synchronized (INSTALL) {
      if (installed) {
        return;
      }
      Logger root = Logger.getLogger("");
      root.setLevel(Level.ALL);
      root.addHandler(new JulHandler());
      installed = true;
    }
  }

  /** Adds a secret of a test's own (a token it minted, an INS it made up): judged from now on. */
  public static void register(String secret) {
    if (secret.length() >= 6) {
      REGISTERED.add(secret);
    }
  }

  /** Judges one log event's whole text (message, arguments, throwable with its causes). */
  public static void inspect(String source, String logger, String level, String text) {
    if (logger.startsWith("sun.net.www.protocol.http")) {
      return; // the JDK's HttpURLConnection, used by raw-HTTP test helpers only: see above
    }
    Matcher matcher = FIXED.matcher(text);
    if (matcher.find()) {
      record(source, logger, level, kind(matcher.group()), text, matcher.start(), matcher.end());
      return;
    }
    for (String secret : REGISTERED) {
      int at = text.indexOf(secret);
      if (at >= 0) {
        record(source, logger, level, "a registered secret", text, at, at + secret.length());
        return;
      }
    }
  }

  /** What a match is, in words (never the match itself). */
  static String kind(String match) {
    if (match.startsWith("eyJ")) {
      return "a JWT";
    }
    if (match.startsWith("Bearer")) {
      return "a bearer credential";
    }
    if (match.startsWith("%PDF") || match.startsWith("JVBER") || match.startsWith("CANARY")) {
      return "document content";
    }
    if (!match.isEmpty() && Character.isDigit(match.charAt(0))) {
      return "a fixture INS";
    }
    return "a fixture person's name";
  }

  private static void record(
      String source, String logger, String level, String kind, String text, int start, int end) {
    String before = text.substring(Math.max(0, start - 60), start);
    String after = text.substring(end, Math.min(text.length(), end + 60));
    String excerpt = mask(before + "***" + after).replaceAll("\\s+", " ");
    VIOLATIONS.add(
        new Violation(source, logger, level, kind, excerpt, Thread.currentThread().getName()));
  }

  /** {@code text} with every secret it holds (even cut at its ends) replaced by {@code ***}. */
  private static String mask(String text) {
    String masked = FIXED.matcher(text).replaceAll("***");
    for (String secret : REGISTERED) {
      masked = masked.replace(secret, "***");
    }
    return masked.replaceAll("[0-9]{6,}", "***");
  }

  /** The violations seen since the last drain, oldest first; forgets them. */
  public static List<Violation> drain() {
    List<Violation> out = new ArrayList<>();
    for (Violation v; (v = VIOLATIONS.poll()) != null; ) {
      out.add(v);
    }
    return out;
  }

  /**
   * Fails if any log event since the last check leaked a secret, listing every one (the secret
   * masked).
   *
   * @param where what ran since the last check, for the message
   */
  public static void assertClean(String where) {
    List<Violation> found = drain();
    if (!found.isEmpty()) {
      StringBuilder message =
          new StringBuilder("Redaction guard: " + found.size() + " log event(s) leak a secret ")
              .append(where)
              .append(" (see docs/reliability.md):");
      found.stream().limit(20).forEach(v -> message.append("\n  ").append(v));
      throw new AssertionError(message.toString());
    }
  }

  private static final class JulHandler extends Handler {
    JulHandler() {
      setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
      String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
      inspect("jul", logger, record.getLevel().getName(), text(record));
    }

    private static String text(LogRecord record) {
      StringBuilder text = new StringBuilder();
      String message = record.getMessage() == null ? "" : record.getMessage();
      Object @Nullable [] params = record.getParameters();
      text.append(message);
      if (params != null) {
        try {
          text.append(' ').append(MessageFormat.format(message, params));
        } catch (IllegalArgumentException e) {
          // not a MessageFormat pattern: the raw parameters below say it all
        }
        for (Object param : params) {
          text.append(' ').append(param);
        }
      }
      if (record.getThrown() != null) {
        StringWriter out = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(out));
        text.append(' ').append(out);
      }
      return text.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
