package io.mes4j.mockserver.internal.http;

import io.mes4j.mockserver.ResponseListener;
import io.mes4j.mockserver.internal.faults.FaultPlan;
import io.mes4j.mockserver.internal.journal.Journal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One server the dispatcher serves: the root, or a tenant under {@code /t/{name}}. Each has its own
 * routes (over its own engine), journal, faults, clock and response listeners.
 */
public final class Site {
  private final @Nullable String tenant;
  private final Router router;
  private final Consumer<Request> beforeEach;
  private final Journal journal;
  private final FaultPlan faults;
  private final Supplier<Instant> clock;
  private final List<ResponseListener> listeners = new CopyOnWriteArrayList<>();

  public Site(
      @Nullable String tenant,
      Router router,
      Consumer<Request> beforeEach,
      Journal journal,
      FaultPlan faults,
      Supplier<Instant> clock) {
    this.tenant = tenant;
    this.router = Objects.requireNonNull(router, "router");
    this.beforeEach = Objects.requireNonNull(beforeEach, "beforeEach");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.faults = Objects.requireNonNull(faults, "faults");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The tenant's name, or null for the root server. */
  public @Nullable String tenant() {
    return tenant;
  }

  public Router router() {
    return router;
  }

  Consumer<Request> beforeEach() {
    return beforeEach;
  }

  public Journal journal() {
    return journal;
  }

  public FaultPlan faults() {
    return faults;
  }

  Instant now() {
    return clock.get();
  }

  List<ResponseListener> listeners() {
    return listeners;
  }

  /** Adds a listener of this site's answers; the returned action removes it. */
  public Runnable addListener(ResponseListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}
