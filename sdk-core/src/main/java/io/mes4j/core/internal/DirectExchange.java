package io.mes4j.core.internal;

import io.mes4j.core.error.CallTimeoutException;
import io.mes4j.core.error.ConnectionFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request sent outside the API executor (no retry, no breaker), its answer read whole: what the
 * OAuth clients need (discovery, token, revocation endpoints), where the server's own retry rules
 * (single-use codes and assertions, DPoP nonces) decide what may be sent again.
 */
public final class DirectExchange {
  /** The most of an answer's body that is read. */
  private static final int MAX_BODY = 1 << 20;

  private DirectExchange() {}

  /** An answer: status, headers, body, and the request id (the server's, else the request's). */
  public record Answer(
      int status, Map<String, List<String>> headers, byte[] body, @Nullable String requestId) {}

  /**
   * Sends {@code request} before {@code deadline}.
   *
   * @param what names the call in the messages of the exceptions, e.g. {@code POST /oauth2/token}
   * @throws CallTimeoutException when the deadline or a transport timeout passes
   * @throws ConnectionFailedException when the connection fails
   */
  public static Answer send(
      HttpTransport transport, Instant deadline, TransportRequest request, String what) {
    String requestId =
        request.headers().stream()
            .filter(e -> e.getKey().equals("X-Request-Id"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    try (TransportResponse response = transport.send(request, deadline)) {
      byte[] body;
      try (InputStream in = response.body()) {
        body = in.readNBytes(MAX_BODY);
      }
      List<String> served = response.headers().get("X-Request-Id");
      return new Answer(
          response.status(),
          response.headers(),
          body,
          served == null || served.isEmpty() ? requestId : served.get(0));
    } catch (TransportTimeoutException e) {
      throw new CallTimeoutException(what + ": " + e.kind() + " timeout", e.kind(), 1, e);
    } catch (IOException e) {
      throw new ConnectionFailedException(
          what + ": connection failed (" + e.getClass().getSimpleName() + ")", 1, e);
    }
  }
}
