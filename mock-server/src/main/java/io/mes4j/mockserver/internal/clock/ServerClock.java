package io.mes4j.mockserver.internal.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The server's one clock: every time-driven rule reads it and schedules its jobs on it.
 *
 * <p>Two modes: <em>fixed</em> (started at a given instant, moves only when told: {@link #set},
 * {@link #advance}) and <em>system</em> (the system clock plus an offset that {@link #set} and
 * {@link #advance} move forward). Time never goes back. Moving the clock runs every job due up to
 * the new instant, in due order, before returning; in system mode due jobs also run on {@link
 * #runDue()}, which the server calls before each request.
 */
public final class ServerClock {
  private record Job(Instant due, long seq, Consumer<Instant> action) implements Comparable<Job> {
    @Override
    public int compareTo(Job other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(seq, other.seq);
    }
  }

  private final @Nullable Instant start;
  private final Clock system;
  private final PriorityQueue<Job> jobs = new PriorityQueue<>();
  private Instant fixedNow;
  private Duration offset = Duration.ZERO;
  private Instant lastSeen = Instant.EPOCH;
  private long seq;

  private ServerClock(@Nullable Instant start, Clock system) {
    this.start = start == null ? null : start.truncatedTo(ChronoUnit.MILLIS);
    this.system = system;
    this.fixedNow = this.start == null ? Instant.EPOCH : this.start;
  }

  /** A clock that starts at {@code start} and moves only when told. */
  public static ServerClock fixed(Instant start) {
    return new ServerClock(start, Clock.systemUTC());
  }

  /** The system clock (plus whatever the tests advance it by). */
  public static ServerClock system() {
    return new ServerClock(null, Clock.systemUTC());
  }

  public boolean isFixed() {
    return start != null;
  }

  public synchronized Instant now() {
    Instant now =
        start != null ? fixedNow : system.instant().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    // Monotonic even if the system clock steps back.
    if (now.isBefore(lastSeen)) {
      now = lastSeen;
    }
    lastSeen = now;
    return now;
  }

  /** Moves the clock to {@code instant}; earlier than now is refused. */
  public void set(Instant instant) {
    synchronized (this) {
      Instant now = now();
      if (instant.isBefore(now)) {
        throw new IllegalArgumentException("the clock never goes back");
      }
      moveBy(Duration.between(now, instant.truncatedTo(ChronoUnit.MILLIS)));
    }
    runDue();
  }

  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock never goes back");
    }
    synchronized (this) {
      moveBy(duration);
    }
    runDue();
  }

  private void moveBy(Duration duration) {
    if (start != null) {
      fixedNow = fixedNow.plus(duration);
    } else {
      offset = offset.plus(duration);
    }
  }

  /**
   * Schedules {@code action} to run once the clock reaches {@code due}; it receives {@code due}.
   */
  public synchronized void schedule(Instant due, Consumer<Instant> action) {
    jobs.add(new Job(due, seq++, action));
  }

  /** Runs every job due now, in order (outside the clock's lock). */
  public void runDue() {
    while (true) {
      List<Job> due = new ArrayList<>();
      synchronized (this) {
        Instant now = now();
        while (!jobs.isEmpty() && !jobs.peek().due().isAfter(now)) {
          due.add(jobs.poll());
        }
      }
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        job.action().accept(job.due());
      }
    }
  }

  /**
   * Sets the clock to {@code instant}, earlier than now or not, with no job pending: a fixtures
   * import restores the instant it was saved at (a fixed clock stays there; the system clock runs
   * on from there).
   */
  public synchronized void restore(Instant instant) {
    jobs.clear();
    Instant at = instant.truncatedTo(ChronoUnit.MILLIS);
    if (start != null) {
      fixedNow = at;
    } else {
      offset = Duration.between(system.instant().truncatedTo(ChronoUnit.MILLIS), at);
    }
    lastSeen = at;
  }

  /** Back to the start instant (fixed mode) or the system clock, with no job pending. */
  public synchronized void reset() {
    jobs.clear();
    offset = Duration.ZERO;
    lastSeen = Instant.EPOCH;
    if (start != null) {
      fixedNow = start;
    }
  }
}
