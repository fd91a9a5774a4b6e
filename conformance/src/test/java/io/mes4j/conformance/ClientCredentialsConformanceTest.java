package io.mes4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kit as a user runs it against a real or sandbox endpoint: identities from a configuration
 * file, tokens by client credentials ({@code private_key_jwt}), no control plane. The endpoint here
 * is the reference server with OAuth clients registered, so every check that runs must pass.
 */
class ClientCredentialsConformanceTest {
  private static final Map<Role, String> SUBJECTS =
      Map.of(
          Role.HOLDER, Fixtures.Ids.ADULT,
          Role.DOCTOR, Fixtures.Ids.DOCTOR,
          Role.OTHER_DOCTOR, Fixtures.Ids.DOCTOR_UNAUTHORISED,
          Role.REGULATION_DOCTOR, Fixtures.Ids.REGULATION_DOCTOR,
          Role.OTHER_PATIENT, Fixtures.Ids.PARENT);

  private MockServer server;

  @BeforeEach
  void start() {
    server = MockServer.builder().clock(Instant.parse("2026-11-28T09:00:00Z")).seed(11).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** Registers one OAuth client per role and writes the configuration naming them. */
  private Path configure(Path dir) throws GeneralSecurityException, IOException {
    SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG");
    seeded.setSeed(20261128L);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"), seeded);
    StringBuilder config =
        new StringBuilder()
            .append("tokens=client-credentials\n")
            .append("patient.system=urn:oid:1.2.250.1.213.1.4.10\n")
            .append("patient.ACTIVE=")
            .append(Fixtures.Ids.ADULT)
            .append('\n')
            .append("patient.PENDING=")
            .append(Fixtures.Ids.PENDING)
            .append('\n')
            .append("patient.OPPOSED=")
            .append(Fixtures.Ids.OPPOSED)
            .append('\n')
            .append("patient.CLOSED=")
            .append(Fixtures.Ids.CLOSED)
            .append('\n')
            .append("patient.DELETED=")
            .append(Fixtures.Ids.DELETED)
            .append('\n');
    for (Map.Entry<Role, String> e : SUBJECTS.entrySet()) {
      String name = e.getKey().name().toLowerCase();
      KeyPair pair = ec.generateKeyPair();
      server.control().registerClient("conformance-" + name, e.getValue(), pair.getPublic(), "k1");
      Files.writeString(
          dir.resolve(name + ".pem"),
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(pair.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n");
      String prefix = "role." + e.getKey().name() + ".";
      config.append(prefix).append("id=").append(e.getValue()).append('\n');
      config.append(prefix).append("client-id=conformance-").append(name).append('\n');
      config.append(prefix).append("key-file=").append(name).append(".pem\n");
      config.append(prefix).append("key-id=k1\n");
    }
    Path file = dir.resolve("sandbox.properties");
    Files.writeString(file, config);
    return file;
  }

  @Test
  void run_withClientCredentials_passesEveryCheckAndSkipsThoseNeedingTheControlPlane(
      @TempDir Path dir) throws Exception {
    // GIVEN identities from a configuration file, tokens by client credentials
    IdentitySource sandbox = IdentitySource.fromFile(configure(dir), server.baseUrl());

    // WHEN every check runs
    ParityReport report =
        ConformanceKit.against(URI.create(server.baseUrl())).identities(sandbox).run();

    // THEN every check that ran passed, and only the control-plane ones were skipped
    assertThat(report.failures())
        .as(
            report.failures().stream()
                .map(f -> f.id() + ": expected " + f.expected() + "; observed " + f.observed())
                .collect(Collectors.joining("\n")))
        .isEmpty();
    assertThat(report.controlPlane()).isFalse();
    assertThat(report.results())
        .filteredOn(r -> r.status() == CheckStatus.SKIPPED)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.reason()).contains("control plane"));
    assertThat(report.count(CheckStatus.PASSED)).isGreaterThanOrEqualTo(40);
  }

  @Test
  void fromFile_json_readsTheSameKeysAsProperties(@TempDir Path dir) throws IOException {
    // GIVEN a JSON configuration for the reference server's tokens
    Path json = dir.resolve("ids.json");
    Files.writeString(
        json,
        "{\"tokens\": \"reference-server\", \"control-plane\": false,"
            + " \"patient\": {\"active\": \""
            + Fixtures.Ids.PARENT
            + "\"},"
            + " \"role\": {\"other-doctor\": {\"id\": \""
            + Fixtures.Ids.NURSE
            + "\"}}}");

    // WHEN it is read
    IdentitySource ids = IdentitySource.fromFile(json, server.baseUrl());

    // THEN its keys override the fixtures, role and state names in any case
    assertThat(ids.patient(SpaceState.ACTIVE)).contains(Fixtures.PARENT);
    assertThat(ids.actorId(Role.HOLDER)).contains(Fixtures.Ids.PARENT);
    assertThat(ids.actorId(Role.OTHER_DOCTOR)).contains(Fixtures.Ids.NURSE);
    assertThat(ids.patient(SpaceState.CLOSED)).contains(Fixtures.CLOSED);
    assertThat(ids.tokens(Role.DOCTOR)).isPresent();
    assertThat(ids.controlPlane()).isFalse();
  }

  @Test
  void fromFile_roleWithoutItsClient_isRefusedNamingTheKey(@TempDir Path dir) throws IOException {
    // GIVEN a client-credentials configuration naming a role without its OAuth client
    Path file = dir.resolve("broken.properties");
    Files.writeString(
        file, "patient.ACTIVE=" + Fixtures.Ids.ADULT + "\nrole.DOCTOR.id=810000000025\n");

    // WHEN / THEN reading it fails, naming the missing keys
    assertThatThrownBy(() -> IdentitySource.fromFile(file, server.baseUrl()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role.DOCTOR.client-id");
  }

  @Test
  void fromFile_malformedIns_isRefusedNamingTheKey(@TempDir Path dir) throws IOException {
    // GIVEN an INS with a wrong key
    Path file = dir.resolve("broken.properties");
    Files.writeString(file, "patient.PENDING=290051305512343\n");

    // WHEN / THEN reading it fails, naming the key
    assertThatThrownBy(() -> IdentitySource.fromFile(file, server.baseUrl()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("patient.PENDING");
  }
}
