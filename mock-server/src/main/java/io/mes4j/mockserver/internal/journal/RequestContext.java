package io.mes4j.mockserver.internal.journal;

import io.mes4j.mockserver.JournalEntry;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the server knows about the request being served on this thread: its correlation id and the
 * policy decisions taken so far. Set by the dispatcher around routing; traces and notices read the
 * correlation id from it, the policy decision point records its decisions in it. Work done outside
 * a request (the clock's jobs) sees none.
 */
public final class RequestContext implements AutoCloseable {
  private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();
  private static final int MAX_DECISIONS = 200;

  private final String correlationId;
  private final @Nullable RequestContext previous;
  private final List<JournalEntry.PolicyDecision> decisions = new ArrayList<>();

  private RequestContext(String correlationId, @Nullable RequestContext previous) {
    this.correlationId = correlationId;
    this.previous = previous;
  }

  /** Makes a context current on this thread until {@link #close()}. */
  public static RequestContext open(String correlationId) {
    RequestContext context = new RequestContext(correlationId, CURRENT.get());
    CURRENT.set(context);
    return context;
  }

  /** The current request's correlation id, or null outside a request. */
  public static @Nullable String currentCorrelationId() {
    RequestContext context = CURRENT.get();
    return context == null ? null : context.correlationId;
  }

  /** Records a policy decision on the current request, if any (the first 200 are kept). */
  public static void recordDecision(String action, boolean permitted, @Nullable String cause) {
    RequestContext context = CURRENT.get();
    if (context != null && context.decisions.size() < MAX_DECISIONS) {
      context.decisions.add(new JournalEntry.PolicyDecision(action, permitted, cause));
    }
  }

  public String correlationId() {
    return correlationId;
  }

  /** The decisions taken so far, in order. */
  public List<JournalEntry.PolicyDecision> decisions() {
    return List.copyOf(decisions);
  }

  @Override
  public void close() {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }
}
