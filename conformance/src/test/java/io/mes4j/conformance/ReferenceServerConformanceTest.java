package io.mes4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.conformance.cli.ConformanceCommand;
import io.mes4j.core.code.SpaceState;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit against the embedded reference server: every check runs, and every one passes. */
class ReferenceServerConformanceTest {
  private static MockServer server;

  @BeforeAll
  static void start() {
    server = MockServer.builder().clock(Instant.parse("2026-11-28T09:00:00Z")).seed(7).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String failures(ParityReport report) {
    return report.failures().stream()
        .map(f -> f.id() + ": expected " + f.expected() + "; observed " + f.observed())
        .collect(Collectors.joining("\n"));
  }

  @Test
  void run_againstTheReferenceServer_passesEveryCheck() {
    // GIVEN the embedded reference server with its default fixtures and control plane
    ConformanceKit kit = ConformanceKit.against(URI.create(server.baseUrl()));

    // WHEN every check runs
    ParityReport report = kit.run();

    // THEN none fails, none is skipped, and every rule family is covered
    assertThat(report.failures()).as(failures(report)).isEmpty();
    assertThat(report.count(CheckStatus.SKIPPED)).isZero();
    assertThat(report.count(CheckStatus.PASSED)).isGreaterThanOrEqualTo(40);
    assertThat(report.conforms()).isTrue();
    assertThat(report.results())
        .extracting(CheckResult::rule)
        .contains(
            "ES-1", "ES-2", "ES-3", "ES-4", "DOC-1", "DOC-2", "DOC-3", "DOC-5", "DOC-6", "DOC-7",
            "DOC-8", "CON-1", "CON-2", "CON-4", "AU-1", "AU-2", "AU-3", "MSG-1", "MSG-2", "AG-1",
            "ID-1");
    // ES-4: in each state that is not ACTIVE, on deposits, searches, messages and appointments
    for (SpaceState state :
        new SpaceState[] {
          SpaceState.PENDING, SpaceState.OPPOSED, SpaceState.CLOSED, SpaceState.DELETED
        }) {
      assertThat(report.results())
          .filteredOn(
              r -> r.rule().equals("ES-4") && r.id().endsWith("." + state.name().toLowerCase()))
          .hasSize(4)
          .allSatisfy(r -> assertThat(r.expected()).contains("409 " + state.causeCode()));
    }
  }

  @Test
  void run_leavesTheTargetAsItFoundIt_soASecondRunPassesToo() {
    // GIVEN a first run of the checks that need no control plane (no reset between the runs)
    IdentitySource withoutReset =
        new IdentitySource() {
          private final IdentitySource fixtures = IdentitySource.referenceServer(server.baseUrl());

          @Override
          public java.util.Optional<io.mes4j.core.identity.Ins> patient(SpaceState state) {
            return fixtures.patient(state);
          }

          @Override
          public java.util.Optional<String> actorId(Role role) {
            return fixtures.actorId(role);
          }

          @Override
          public java.util.Optional<io.mes4j.core.auth.TokenProvider> tokens(Role role) {
            return fixtures.tokens(role);
          }
        };
    ConformanceKit kit =
        ConformanceKit.against(URI.create(server.baseUrl())).identities(withoutReset);
    server.control().reset();
    ParityReport first = kit.run();

    // WHEN they run again on the state the first run left
    ParityReport second = kit.run();

    // THEN both pass: each check undid what it changed; the control-plane ones were skipped
    assertThat(first.failures()).as(failures(first)).isEmpty();
    assertThat(second.failures()).as(failures(second)).isEmpty();
    assertThat(second.results())
        .filteredOn(r -> r.status() == CheckStatus.SKIPPED)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.reason()).contains("control plane"));
  }

  @Test
  void commandLine_againstTheReferenceServer_exitsZeroAndWritesTheReport(@TempDir Path dir)
      throws IOException {
    // GIVEN the command line's arguments
    StringWriter out = new StringWriter();

    // WHEN it runs
    int status =
        ConformanceCommand.run(
            new PrintWriter(out, true), "--base-url", server.baseUrl(), "--report", dir.toString());

    // THEN it exits 0 and writes both reports
    assertThat(status).as(out.toString()).isZero();
    assertThat(out.toString()).contains("CONFORMS");
    String markdown = Files.readString(dir.resolve(ParityReport.MARKDOWN_FILE));
    assertThat(markdown)
        .contains("# mes4j parity report")
        .contains("**conforms**")
        .contains("| `DOC-2.duplicate-conflict` | DOC-2 | PASSED |");
    String json = Files.readString(dir.resolve(ParityReport.JSON_FILE));
    assertThat(json).contains("\"conforms\" : true").contains("\"failed\" : 0");
    // and neither report nor the console names a test patient's INS
    for (String ins :
        new String[] {
          Fixtures.Ids.ADULT,
          Fixtures.Ids.PARENT,
          Fixtures.Ids.PENDING,
          Fixtures.Ids.OPPOSED,
          Fixtures.Ids.CLOSED,
          Fixtures.Ids.DELETED
        }) {
      assertThat(markdown + json + out).doesNotContain(ins);
    }
  }

  @Test
  void referenceServerIdentities_areTheServersFixtures() {
    // GIVEN the kit's identities for the reference server
    IdentitySource ids = IdentitySource.referenceServer(server.baseUrl());

    // THEN they are the fixtures the server documents
    assertThat(ids.patient(SpaceState.ACTIVE)).contains(Fixtures.ADULT);
    assertThat(ids.patient(SpaceState.PENDING)).contains(Fixtures.PENDING);
    assertThat(ids.patient(SpaceState.OPPOSED)).contains(Fixtures.OPPOSED);
    assertThat(ids.patient(SpaceState.CLOSED)).contains(Fixtures.CLOSED);
    assertThat(ids.patient(SpaceState.DELETED)).contains(Fixtures.DELETED);
    assertThat(ids.actorId(Role.HOLDER)).contains(Fixtures.Ids.ADULT);
    assertThat(ids.actorId(Role.DOCTOR)).contains(Fixtures.Ids.DOCTOR);
    assertThat(ids.actorId(Role.OTHER_DOCTOR)).contains(Fixtures.Ids.DOCTOR_UNAUTHORISED);
    assertThat(ids.actorId(Role.REGULATION_DOCTOR)).contains(Fixtures.Ids.REGULATION_DOCTOR);
    assertThat(ids.actorId(Role.OTHER_PATIENT)).contains(Fixtures.Ids.PARENT);
    assertThat(ids.controlPlane()).isTrue();
  }
}
