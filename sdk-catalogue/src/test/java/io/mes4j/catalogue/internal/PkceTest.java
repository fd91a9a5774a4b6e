package io.mes4j.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** PKCE S256 (RFC 7636) as the pairing flow builds it (CAT-2). */
class PkceTest {

  @Test
  void challenge_ofTheRfc7636Example_isItsS256Challenge() {
    // CAT-2
    // GIVEN the verifier of RFC 7636 appendix B
    String verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    // WHEN its challenge is computed
    // THEN it is the appendix's
    assertThat(Pkce.challenge(verifier)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void newVerifier_is43UnreservedCharactersAndFreshEachTime() {
    // GIVEN two new verifiers
    String a = Pkce.newVerifier();
    String b = Pkce.newVerifier();

    // WHEN compared
    // THEN each is 43 base64url characters (32 bytes) and they differ
    assertThat(a).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(b).isNotEqualTo(a);
  }

  @Test
  void challenge_ofATooShortVerifier_isRefused() {
    // GIVEN a 42-character verifier
    String shortOne = "a".repeat(42);

    // WHEN its challenge is asked
    // THEN it is refused (RFC 7636 §4.1: 43 to 128)
    assertThatThrownBy(() -> Pkce.challenge(shortOne)).isInstanceOf(IllegalArgumentException.class);
  }
}
