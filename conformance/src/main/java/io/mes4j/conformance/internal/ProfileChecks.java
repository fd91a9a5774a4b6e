package io.mes4j.conformance.internal;

import io.mes4j.conformance.Role;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.dossier.Allergy;
import io.mes4j.dossier.Measurement;
import io.mes4j.dossier.ProfileEntry;
import java.util.ArrayList;
import java.util.List;

/** PRO-1, PRO-2: the medical profile, who adds to it and who reads it. */
final class ProfileChecks {
  private ProfileChecks() {}

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "PRO-1.holder-adds-allergy",
                "PRO-1",
                "The holder adds an allergy to their profile and reads it back")
            .as(Role.HOLDER)
            .run(
                p -> {
                  ProfileEntry<Allergy> added =
                      p.step(
                          "HOLDER adds an allergy",
                          () ->
                              p.dossier(Role.HOLDER)
                                  .profile()
                                  .addAllergy(
                                      p.holder(),
                                      Allergy.builder().substance("Pollen (conformance)").build()));
                  p.cleanup(
                      () -> {
                        p.dossier(Role.HOLDER).profile().remove(added);
                        return null;
                      });
                  boolean listed =
                      p.step(
                          "HOLDER reads the allergies",
                          () ->
                              p.dossier(Role.HOLDER).profile().allergies(p.holder()).stream()
                                  .anyMatch(e -> e.id().equals(added.id())));
                  p.equal("in the profile", true, listed);
                }));
    checks.add(
        Check.define(
                "PRO-2.professional-adds-measurement",
                "PRO-2",
                "A professional adds a measurement, recorded as theirs; the holder sees it")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  ProfileEntry<Measurement> added =
                      p.step(
                          "DOCTOR adds a weight",
                          () ->
                              p.dossier(Role.DOCTOR)
                                  .profile()
                                  .addMeasurement(
                                      p.holder(), Measurement.weight(72.5, Probe.CREATED)));
                  p.cleanup(
                      () -> {
                        p.dossier(Role.HOLDER).profile().remove(added);
                        return null;
                      });
                  p.equal("recorded by", p.pro(Role.DOCTOR).value(), added.recordedBy().id());
                  boolean listed =
                      p.step(
                          "HOLDER reads the measurements",
                          () ->
                              p.dossier(Role.HOLDER).profile().measurements(p.holder()).stream()
                                  .anyMatch(e -> e.id().equals(added.id())));
                  p.equal("in the holder's profile", true, listed);
                }));
    checks.add(
        Check.define(
                "PRO-2.professional-cannot-add-allergy",
                "PRO-2",
                "A professional adding an allergy (a holder's section) is refused 403 holder-only")
            .as(Role.DOCTOR)
            .run(
                p ->
                    p.refused(
                        "DOCTOR adds an allergy",
                        403,
                        ErrorCause.HOLDER_ONLY,
                        () ->
                            p.dossier(Role.DOCTOR)
                                .profile()
                                .addAllergy(
                                    p.holder(),
                                    Allergy.builder().substance("Pollen (conformance)").build()))));
    checks.add(
        Check.define(
                "PRO-2.unauthorised-read",
                "PRO-2",
                "A professional with no authorisation reading the profile is refused 403"
                    + " not-authorised")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR reads the allergies",
                      403,
                      ErrorCause.NOT_AUTHORISED,
                      () -> p.dossier(Role.OTHER_DOCTOR).profile().allergies(p.holder()));
                }));
    return checks;
  }
}
