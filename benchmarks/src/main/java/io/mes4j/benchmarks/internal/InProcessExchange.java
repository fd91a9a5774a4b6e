package io.mes4j.benchmarks.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange held in memory, to hand a request to the server's {@code Dispatcher} without a
 * socket: the request's method, URI, headers and body as given; the answer's status, headers and
 * body kept for the caller. Single use.
 */
public final class InProcessExchange extends HttpExchange {
  private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 50000);

  private final String method;
  private final URI uri;
  private final Headers requestHeaders = new Headers();
  private final Headers responseHeaders = new Headers();
  private final Map<String, Object> attributes = new HashMap<>();
  private InputStream requestBody;
  private final ByteArrayOutputStream written = new ByteArrayOutputStream();
  private OutputStream responseBody = written;
  private int status = -1;

  /** A request of {@code method} to {@code uri} (path and query), with {@code body}. */
  public InProcessExchange(String method, URI uri, byte[] body) {
    this.method = method;
    this.uri = uri;
    this.requestBody = new ByteArrayInputStream(body);
  }

  /** Adds a request header; returns this exchange. */
  public InProcessExchange header(String name, String value) {
    requestHeaders.add(name, value);
    return this;
  }

  /** The status the dispatcher sent, or -1 before it answered. */
  public int status() {
    return status;
  }

  /** The body the dispatcher wrote (unless it replaced the streams). */
  public byte[] body() {
    return written.toByteArray();
  }

  @Override
  public Headers getRequestHeaders() {
    return requestHeaders;
  }

  @Override
  public Headers getResponseHeaders() {
    return responseHeaders;
  }

  @Override
  public URI getRequestURI() {
    return uri;
  }

  @Override
  public String getRequestMethod() {
    return method;
  }

  @Override
  public HttpContext getHttpContext() {
    throw new UnsupportedOperationException("no context in process");
  }

  @Override
  public void close() {
    // nothing to release: the streams are in memory
  }

  @Override
  public InputStream getRequestBody() {
    return requestBody;
  }

  @Override
  public OutputStream getResponseBody() {
    return responseBody;
  }

  @Override
  public void sendResponseHeaders(int rCode, long responseLength) {
    status = rCode;
  }

  @Override
  public InetSocketAddress getRemoteAddress() {
    return REMOTE;
  }

  @Override
  public int getResponseCode() {
    return status;
  }

  @Override
  public InetSocketAddress getLocalAddress() {
    return LOCAL;
  }

  @Override
  public String getProtocol() {
    return "HTTP/1.1";
  }

  @Override
  public @Nullable Object getAttribute(String name) {
    return attributes.get(name);
  }

  @Override
  public void setAttribute(String name, @Nullable Object value) {
    if (value == null) {
      attributes.remove(name);
    } else {
      attributes.put(name, value);
    }
  }

  @Override
  public void setStreams(@Nullable InputStream i, @Nullable OutputStream o) {
    if (i != null) {
      requestBody = i;
    }
    if (o != null) {
      responseBody = o;
    }
  }

  @Override
  public @Nullable HttpPrincipal getPrincipal() {
    return null;
  }
}
