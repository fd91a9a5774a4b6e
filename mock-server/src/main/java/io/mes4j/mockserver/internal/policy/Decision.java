package io.mes4j.mockserver.internal.policy;

import io.mes4j.mockserver.internal.Cause;
import org.jspecify.annotations.Nullable;

/** Permit, or deny with its stable cause and a message free of personal data. */
public record Decision(boolean permitted, @Nullable Cause cause, String message) {
  public static final Decision PERMIT = new Decision(true, null, "permitted");

  public static Decision deny(Cause cause, String message) {
    return new Decision(false, cause, message);
  }

  public Cause denyCause() {
    Cause c = cause;
    if (c == null) {
      throw new IllegalStateException("a permit has no cause");
    }
    return c;
  }
}
