package io.mes4j.examples;

import io.mes4j.core.MesClient;
import io.mes4j.mockserver.MockServer;

/** What the examples share: a client acting as a fixture identity of the reference server. */
final class Examples {
  private Examples() {}

  /** A client of {@code server} acting as {@code subject} (an INS, an idNat_PS or a service). */
  static MesClient client(MockServer server, String subject) {
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(server.tokenProvider(subject))
        .applicationId("mes4j-examples")
        .build();
  }
}
