package io.mes4j.core.internal;

import io.mes4j.core.error.CallTimeoutException;
import java.io.InterruptedIOException;
import org.jspecify.annotations.Nullable;

/** A timeout of the transport, saying which limit passed. */
public final class TransportTimeoutException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  private final CallTimeoutException.Kind kind;

  /** A timeout of {@code kind}, caused by {@code cause}. */
  public TransportTimeoutException(CallTimeoutException.Kind kind, @Nullable Throwable cause) {
    super(kind + " timeout");
    this.kind = kind;
    if (cause != null) {
      initCause(cause);
    }
  }

  /** Which limit passed. */
  public CallTimeoutException.Kind kind() {
    return kind;
  }
}
