package io.mes4j.core.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J 2 provider for tests that keeps every log event, at every level (TRACE included), so a
 * test can check what mes4j writes to the logs (see {@link LogCanary}). WARN and ERROR events are
 * also printed to standard error. {@link #threshold(String, Level)} raises the level of some
 * loggers, as a production configuration would.
 *
 * <p>Every event reaching the provider is also judged by {@link RedactionGuard}. At most 200 000
 * events are kept, the oldest dropped first.
 *
 * <p>Registered in {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider} of the test
 * sources; the modules that use sdk-core's test jar get it too.
 */
public final class CapturingLogProvider implements SLF4JServiceProvider {

  /**
   * One log event.
   *
   * @param level the level
   * @param logger the logger's name
   * @param message the message, formatted with its arguments
   * @param arguments the raw arguments
   * @param throwable the throwable, with its stack trace and causes, as text ("" if none)
   */
  public record Event(
      Level level, String logger, String message, List<String> arguments, String throwable) {

    /** Everything of the event as one text, to search. */
    public String fullText() {
      return level + " " + logger + " " + message + " " + arguments + " " + throwable;
    }
  }

  private static final Queue<Event> EVENTS = new ConcurrentLinkedQueue<>();
  private static final int MAX_EVENTS = 200_000;
  private static final AtomicInteger SIZE = new AtomicInteger();
  private static final ConcurrentMap<String, Level> THRESHOLDS = new ConcurrentHashMap<>();

  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();
  private final CapturingFactory factory = new CapturingFactory();

  /** Every event captured so far, oldest first. */
  public static List<Event> events() {
    return new ArrayList<>(EVENTS);
  }

  /** Forgets the captured events. */
  public static void clear() {
    EVENTS.clear();
    SIZE.set(0);
  }

  /**
   * Sets the lowest level captured for the loggers whose name starts with {@code prefix}, as a
   * logging configuration would; every logger captures TRACE and above unless told otherwise.
   */
  public static void threshold(String prefix, Level lowest) {
    THRESHOLDS.put(prefix, lowest);
  }

  /** Removes every threshold: all loggers capture TRACE and above again. */
  public static void resetThresholds() {
    THRESHOLDS.clear();
  }

  static boolean isEnabled(String logger, Level level) {
    String best = null;
    for (String prefix : THRESHOLDS.keySet()) {
      if (logger.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    // Level ints: ERROR 40 … TRACE 0; enabled when at or above the threshold.
    return best == null || level.toInt() >= THRESHOLDS.get(best).toInt();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return factory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}

  private static final class CapturingFactory implements ILoggerFactory {
    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

    @Override
    public Logger getLogger(String name) {
      return loggers.computeIfAbsent(name, CapturingLogger::new);
    }
  }

  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return isEnabled(name, Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
      return isEnabled(name, Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
      return isEnabled(name, Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
      return isEnabled(name, Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
      return isEnabled(name, Level.ERROR);
    }

    @Override
    protected @Nullable String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level,
        @Nullable Marker marker,
        @Nullable String pattern,
        Object @Nullable [] arguments,
        @Nullable Throwable throwable) {
      String message = MessageFormatter.basicArrayFormat(pattern, arguments);
      List<String> args =
          arguments == null ? List.of() : Arrays.stream(arguments).map(String::valueOf).toList();
      String thrown = "";
      if (throwable != null) {
        StringWriter out = new StringWriter();
        throwable.printStackTrace(new PrintWriter(out));
        thrown = out.toString();
      }
      Event event = new Event(level, name, message == null ? "" : message, args, thrown);
      // Judged by the whole-suite RedactionGuard before the thresholds (TRACE by default) apply.
      RedactionGuard.inspect("slf4j", name, level.name(), event.fullText());
      if (!isEnabled(name, level)) {
        return;
      }
      EVENTS.add(event);
      if (SIZE.incrementAndGet() > MAX_EVENTS) {
        // Bounded, oldest dropped: a long soak logs millions of lines, each judged as it comes.
        EVENTS.poll();
        SIZE.decrementAndGet();
      }
      if (level == Level.WARN || level == Level.ERROR) {
        System.err.println("[" + level + "] " + name + " - " + event.message());
        if (throwable != null) {
          System.err.print(thrown);
        }
      }
    }
  }
}
