package io.mes4j.core.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** An HTTP answer whose body is still to be read; close it once done. */
public interface TransportResponse extends AutoCloseable {

  /** The HTTP status. */
  int status();

  /** The headers, with case-insensitive keys. */
  Map<String, List<String>> headers();

  /**
   * The body (empty if none). While the call's deadline is armed, a read past it fails with a
   * {@link TransportTimeoutException}.
   */
  InputStream body();

  /**
   * Disarms the call's deadline, for a body the caller reads at its own pace (streaming); the
   * socket's response timeout still applies to each read.
   */
  void releaseDeadline();

  /** Releases the connection (back to the pool if the body was read to its end). */
  @Override
  void close();
}
