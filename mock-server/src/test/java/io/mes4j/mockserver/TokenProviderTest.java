package io.mes4j.mockserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.AccessMode;
import io.mes4j.core.auth.AccessToken;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.auth.TokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokenProviderTest {
  private static MockServer server;

  @BeforeAll
  static void start() {
    server = MockServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void token_isReusedPerAccessMode_andMintedAgainOnceInvalidated() {
    TokenProvider tokens = server.tokenProvider(Fixtures.Ids.DOCTOR);
    TokenRequest normal = new TokenRequest(AccessMode.normal());
    TokenRequest breakGlass = new TokenRequest(AccessMode.breakGlass("urgence vitale"));

    AccessToken first = tokens.token(normal);

    // one per mode, reused
    assertThat(tokens.token(normal)).isEqualTo(first);
    assertThat(tokens.token(breakGlass)).isNotEqualTo(first);
    // after the server refused it (the SDK invalidates on a 401), a new one
    tokens.invalidate(first);
    assertThat(tokens.token(normal)).isNotEqualTo(first);
  }
}
