package io.mes4j.mockserver.internal.notify;

import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Notification;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
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

  public synchronized void send(
      String to, Notification.Kind kind, @Nullable Ins patient, String subject, Instant at) {
    if (sent.size() == BOUND) {
      sent.removeFirst();
    }
    sent.addLast(new Notification(to, kind, patient, subject, at));
  }

  public synchronized List<Notification> all() {
    return List.copyOf(sent);
  }
}
