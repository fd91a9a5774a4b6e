package io.mes4j.core.internal;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;

/**
 * An HttpClient connection that never logs headers nor bytes.
 *
 * <p>HttpClient's own connection logs every header ({@code Authorization: Bearer …} included) on
 * {@code org.apache.hc.client5.http.headers} and every byte (bodies with names and INS) on {@code
 * org.apache.hc.client5.http.wire} when those loggers are at DEBUG, which a default Logback
 * configuration is. This one skips both, so a token or a document cannot reach the logs that way.
 */
final class QuietConnection extends DefaultManagedHttpClientConnection {
  private static final AtomicLong COUNTER = new AtomicLong();

  /** Creates quiet connections for the pool. */
  static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY =
      socket -> {
        QuietConnection connection = new QuietConnection("mes4j-" + COUNTER.getAndIncrement());
        if (socket != null) {
          connection.bind(socket);
        }
        return connection;
      };

  private QuietConnection(String id) {
    super(id);
  }

  @Override
  public void bind(Socket socket) throws IOException {
    bind(new SocketHolder(socket));
  }

  @Override
  public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
    bind(new SocketHolder(sslSocket, socket));
  }

  @Override
  protected void onRequestSubmitted(ClassicHttpRequest request) {
    // no header logging
  }

  @Override
  protected void onResponseReceived(ClassicHttpResponse response) {
    // no header logging
  }
}
