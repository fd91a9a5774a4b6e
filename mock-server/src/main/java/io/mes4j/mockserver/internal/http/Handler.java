package io.mes4j.mockserver.internal.http;

/** Answers one routed request; throws {@link HttpError} to refuse. */
@FunctionalInterface
public interface Handler {
  Response handle(Request request);
}
