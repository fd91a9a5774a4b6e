package io.mes4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The whole-suite guard catches each kind of secret, in SLF4J and in JDK logging, at any level. */
class RedactionGuardTest {

  @AfterEach
  void forgetTheLeaksMadeOnPurpose() {
    RedactionGuard.drain();
  }

  @Test
  void slf4jAtTrace_withAFixtureInsNameTokenOrContent_isAViolationEach() {
    // GIVEN the guard, as the auto-detected extension installs it
    RedactionGuard.install();
    RedactionGuard.drain();
    org.slf4j.Logger log = LoggerFactory.getLogger("io.mes4j.leaky");
    // WHEN four TRACE lines leak an INS, a name, a JWT and a PDF's bytes
    log.trace("patient {}", "180017511234516");
    log.trace("hello Jean Dupont");
    log.trace("token eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.sig");
    log.trace("body %PDF-1.4 ...");
    // THEN each is a violation, named by kind, the secret masked
    List<RedactionGuard.Violation> found = RedactionGuard.drain();
    assertThat(found)
        .extracting(RedactionGuard.Violation::kind)
        .containsExactly("a fixture INS", "a fixture person's name", "a JWT", "document content");
    assertThat(found).allSatisfy(v -> assertThat(v.excerpt()).doesNotContain("180017511234516"));
  }

  @Test
  void julAtFinest_withABearerCredential_isAViolation() {
    // GIVEN the guard installed
    RedactionGuard.install();
    RedactionGuard.drain();
    // WHEN the JDK logging gets a bearer credential at FINEST
    Logger.getLogger("io.mes4j.leaky.jul").finest("Authorization: Bearer abcdefgh12345678");
    // THEN it is a violation, and assertClean fails with it
    assertThatThrownBy(() -> RedactionGuard.assertClean("here"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a bearer credential")
        .hasMessageContaining("io.mes4j.leaky.jul");
  }

  @Test
  void aRegisteredSecret_isJudgedFromThenOn_andCleanTextIsNot() {
    // GIVEN a secret of the test's own
    RedactionGuard.install();
    RedactionGuard.drain();
    RedactionGuard.register("my-own-secret-42");
    org.slf4j.Logger log = LoggerFactory.getLogger("io.mes4j.leaky");
    // WHEN a clean line and a leaking one are logged
    log.debug("POST /fhir/DocumentReference/_search 200 in 3 ms, Petite annonce, 1234567890123456");
    log.debug("value my-own-secret-42");
    // THEN only the second is a violation
    assertThat(RedactionGuard.drain())
        .singleElement()
        .satisfies(v -> assertThat(v.kind()).isEqualTo("a registered secret"));
  }
}
