package io.mes4j.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.mes4j.conformance.Role;
import io.mes4j.core.AccessMode;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.SpaceState;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.EmergencySetting;
import io.mes4j.dossier.Permission;
import io.mes4j.dossier.SpaceStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that need the reference server's control plane: the clock (time-driven rules) and the
 * outbox (notices). Skipped against a real endpoint; the run resets the server after each.
 */
final class ClockChecks {
  private ClockChecks() {}

  /** Whether the outbox holds a notice of {@code kind} about the holder. */
  static boolean notified(Probe p, String kind) {
    JsonNode outbox = p.step("GET /_mock/outbox", () -> p.session().outbox());
    for (JsonNode n : outbox) {
      if (kind.equals(n.path("kind").asText())
          && p.holder().value().equals(n.path("patient").path("value").asText())) {
        return true;
      }
    }
    return false;
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "ES-2.window-ends",
                "ES-2",
                "A PENDING space becomes ACTIVE on its own when the 42-day opposition window ends")
            .as(Role.DOCTOR)
            .on(SpaceState.PENDING)
            .controlPlane()
            .run(
                p -> {
                  p.step(
                      "advance the clock 42 days",
                      () -> {
                        p.session().advanceClock(Duration.ofDays(42));
                        return null;
                      });
                  SpaceStatus status =
                      p.step(
                          "DOCTOR reads the status",
                          () ->
                              p.dossier(Role.DOCTOR)
                                  .space()
                                  .status(p.patient(SpaceState.PENDING))
                                  .orElseThrow());
                  p.equal("state", SpaceState.ACTIVE, status.state());
                }));
    checks.add(
        Check.define(
                "DOC-6.invisible-patient-lifts",
                "DOC-6",
                "INVISIBLE_PATIENT lifts itself one month after deposit: the holder then sees the"
                    + " document")
            .as(Role.HOLDER, Role.DOCTOR)
            .controlPlane()
            .run(
                p -> {
                  DocumentEntry d =
                      p.deposit(
                          Role.DOCTOR,
                          p.document("DOC-6 lift")
                              .labels(ConfidentialityLabel.INVISIBLE_PATIENT)
                              .build());
                  p.equal(
                      "seen by the holder at once",
                      false,
                      DocumentChecks.sees(p, Role.HOLDER, d.id(), false));
                  p.step(
                      "advance the clock 32 days",
                      () -> {
                        p.session().advanceClock(Duration.ofDays(32));
                        return null;
                      });
                  p.equal(
                      "seen by the holder a month later",
                      true,
                      DocumentChecks.sees(p, Role.HOLDER, d.id(), false));
                }));
    checks.add(
        Check.define(
                "AU-3.document-added-notice",
                "AU-3",
                "A professional's deposit sends the holder a DOCUMENT_ADDED notice")
            .as(Role.DOCTOR)
            .controlPlane()
            .run(
                p -> {
                  p.deposit(Role.DOCTOR, p.document("AU-3 notice").build());
                  p.equal("DOCUMENT_ADDED in the outbox", true, notified(p, "DOCUMENT_ADDED"));
                }));
    checks.add(
        Check.define(
                "AU-3.emergency-access-notice",
                "AU-3",
                "A bris de glace read sends the holder an EMERGENCY_ACCESS notice")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .controlPlane()
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  ConsentChecks.setting(p, EmergencySetting.BTG, Permission.PERMIT);
                  p.equal("EMERGENCY_ACCESS before", false, notified(p, "EMERGENCY_ACCESS"));
                  p.step(
                      "OTHER_DOCTOR searches in bris de glace",
                      () ->
                          ConsentChecks.searchAs(
                              p, Role.OTHER_DOCTOR, AccessMode.breakGlass(ConsentChecks.REASON)));
                  p.equal("EMERGENCY_ACCESS after", true, notified(p, "EMERGENCY_ACCESS"));
                }));
    return checks;
  }
}
