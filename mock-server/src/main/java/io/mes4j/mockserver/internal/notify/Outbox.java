package io.mes4j.mockserver.internal.notify;

import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.journal.RequestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** The notices sent (AU-3), oldest first, bounded (the oldest are dropped beyond the bound). */
public final class Outbox {
  public static final String PATIENT_DOMAIN = "@patient.mssante.fr";
  public static final String PROFESSIONAL_DOMAIN = "@pro.mssante.fr";
  private static final int BOUND = 10_000;

  private final ArrayDeque<Notification> sent = new ArrayDeque<>();

  public static String patientAddress(Ins ins) {
    return ins.value() + PATIENT_DOMAIN;
  }

  public static String professionalAddress(String idNatPs) {
    return idNatPs + PROFESSIONAL_DOMAIN;
  }

  /** Sends a notice, stamped with the correlation id of the request being served, if any. */
  public void send(
      String to, Notification.Kind kind, @Nullable Ins patient, String subject, Instant at) {
    add(new Notification(to, kind, patient, subject, at, RequestContext.currentCorrelationId()));
  }

  /** Adds a notice as it is (a restored one keeps its correlation id, or none). */
  public synchronized void add(Notification notification) {
    if (sent.size() == BOUND) {
      sent.removeFirst();
    }
    sent.addLast(notification);
    notifyAll();
  }

  public synchronized List<Notification> all() {
    return List.copyOf(sent);
  }

  /** How many notices match. */
  public synchronized int count(Predicate<Notification> criteria) {
    int count = 0;
    for (Notification notification : sent) {
      if (criteria.test(notification)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Waits until a notice matches (one already sent counts), at most {@code timeout}; the newest
   * matching one.
   */
  public synchronized Optional<Notification> await(
      Predicate<Notification> criteria, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Iterator<Notification> newestFirst = sent.descendingIterator();
      while (newestFirst.hasNext()) {
        Notification notification = newestFirst.next();
        if (criteria.test(notification)) {
          return Optional.of(notification);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
