package io.mes4j.conformance.internal;

import io.mes4j.conformance.Role;
import io.mes4j.core.AccessMode;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.dossier.Authorisation;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.EmergencySetting;
import io.mes4j.dossier.Permission;
import java.util.ArrayList;
import java.util.List;

/** CON-1 to CON-4: authorisation, revocation, blocking, emergency access. */
final class ConsentChecks {
  static final String REASON = "mes4j conformance: patient unconscious";

  private ConsentChecks() {}

  /** A document search of the holder's dossier by {@code role} in {@code mode}. */
  static Object searchAs(Probe p, Role role, AccessMode mode) {
    return Dossier.of(p.client(role, mode))
        .documents()
        .search(DocumentSearch.forPatient(p.holder()).build())
        .items()
        .size();
  }

  /** Sets a holder's emergency setting for this check, restoring the previous value after. */
  static void setting(Probe p, EmergencySetting setting, Permission value) {
    Permission before =
        p.step(
            "HOLDER reads the emergency settings",
            () -> p.dossier(Role.HOLDER).access().emergencySettings(p.holder()).get(setting));
    p.step(
        "HOLDER sets " + setting + " " + value,
        () -> {
          p.dossier(Role.HOLDER).access().setEmergencySetting(p.holder(), setting, value);
          return null;
        });
    p.cleanup(
        () -> {
          p.dossier(Role.HOLDER).access().setEmergencySetting(p.holder(), setting, before);
          return null;
        });
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "CON-1.authorise-then-read",
                "CON-1",
                "A professional refused for want of authorisation reads once the holder authorises"
                    + " them")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR searches before",
                      403,
                      ErrorCause.NOT_AUTHORISED,
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                  p.authoriseForCheck(Role.OTHER_DOCTOR);
                  p.step(
                      "OTHER_DOCTOR searches after",
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                  p.expect("the search succeeds", "it succeeded", true);
                }));
    checks.add(
        Check.define(
                "CON-1.revocation-next-call",
                "CON-1",
                "Revocation takes effect on the very next call: 403 not-authorised")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  Authorisation a = p.authoriseForCheck(Role.OTHER_DOCTOR);
                  p.step(
                      "OTHER_DOCTOR searches while authorised",
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                  p.step(
                      "HOLDER revokes",
                      () -> {
                        p.dossier(Role.HOLDER).access().revoke(a.id());
                        return null;
                      });
                  p.refused(
                      "OTHER_DOCTOR's next search",
                      403,
                      ErrorCause.NOT_AUTHORISED,
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                }));
    checks.add(
        Check.define(
                "CON-1.declaration",
                "CON-1",
                "A professional declaring the holder's consent becomes authorised; the holder sees"
                    + " the declaration")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  Authorisation a =
                      p.step(
                          "OTHER_DOCTOR declares the holder's consent",
                          () -> p.dossier(Role.OTHER_DOCTOR).access().declareConsent(p.holder()));
                  p.cleanup(
                      () -> {
                        p.dossier(Role.HOLDER).access().revoke(a.id());
                        return null;
                      });
                  p.equal("declared by a professional", true, a.declaredByProfessional());
                  p.equal("professional", p.pro(Role.OTHER_DOCTOR), a.professional());
                  p.step(
                      "OTHER_DOCTOR searches",
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                  boolean listed =
                      p.step(
                          "HOLDER lists the authorisations",
                          () ->
                              p.dossier(Role.HOLDER)
                                  .access()
                                  .authorisations(p.holder())
                                  .streamAll()
                                  .anyMatch(x -> x.id().equals(a.id()) && x.active()));
                  p.equal("in the holder's list", true, listed);
                }));
    checks.add(
        Check.define(
                "CON-2.blocked-cannot-read",
                "CON-2",
                "An authorised professional the holder blocked is refused 403 blocked")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.authoriseForCheck(Role.OTHER_DOCTOR);
                  p.blockForCheck(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR searches",
                      403,
                      ErrorCause.BLOCKED,
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                }));
    checks.add(
        Check.define(
                "CON-2.blocked-in-bris-de-glace",
                "CON-2",
                "A blocked professional is refused 403 blocked in bris de glace too")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.blockForCheck(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR searches in bris de glace",
                      403,
                      ErrorCause.BLOCKED,
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.breakGlass(REASON)));
                }));
    checks.add(
        Check.define(
                "CON-2.blocked-can-deposit",
                "CON-2",
                "A blocked professional can still deposit (DOC-1)")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.blockForCheck(Role.OTHER_DOCTOR);
                  DocumentEntry d =
                      p.deposit(Role.OTHER_DOCTOR, p.document("CON-2 deposit").build());
                  p.equal("author", p.pro(Role.OTHER_DOCTOR).value(), d.author().id());
                }));
    checks.add(
        Check.define(
                "CON-4.bris-de-glace-reason-required",
                "CON-4",
                "Bris de glace without a reason is refused 400 reason-required (the SDK refuses it"
                    + " before sending: the token comes from the control plane)")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .controlPlane()
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  RawHttp.Raw minted =
                      p.http()
                          .postJson(
                              "/_mock/tokens",
                              null,
                              "{\"subject\":\""
                                  + p.pro(Role.OTHER_DOCTOR).value()
                                  + "\",\"accessMode\":\"bris_de_glace\"}");
                  p.answered("POST /_mock/tokens without a reason", minted, 200, null);
                  p.answered(
                      "OTHER_DOCTOR searches in bris de glace without a reason",
                      p.http()
                          .send(
                              "POST",
                              "/fhir/DocumentReference/_search",
                              minted.json().path("access_token").asText(),
                              "application/x-www-form-urlencoded",
                              WireChecks.searchForm(p.holder())),
                      400,
                      "reason-required");
                }));
    checks.add(
        Check.define(
                "CON-4.bris-de-glace-permitted",
                "CON-4",
                "With BTG permitted, an unauthorised professional reads in bris de glace with a"
                    + " reason")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  setting(p, EmergencySetting.BTG, Permission.PERMIT);
                  p.step(
                      "OTHER_DOCTOR searches in bris de glace",
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.breakGlass(REASON)));
                  p.expect("the search succeeds", "it succeeded", true);
                }));
    checks.add(
        Check.define(
                "CON-4.bris-de-glace-denied",
                "CON-4",
                "With BTG denied by the holder, bris de glace is refused 403 emergency-denied")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  setting(p, EmergencySetting.BTG, Permission.DENY);
                  p.refused(
                      "OTHER_DOCTOR searches in bris de glace",
                      403,
                      ErrorCause.EMERGENCY_DENIED,
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.breakGlass(REASON)));
                }));
    checks.add(
        Check.define(
                "CON-4.centre-15-role-required",
                "CON-4",
                "Centre 15 access without the regulation role is refused 403 role-required")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR searches in centre 15 mode",
                      403,
                      ErrorCause.ROLE_REQUIRED,
                      () -> searchAs(p, Role.OTHER_DOCTOR, AccessMode.centre15()));
                }));
    checks.add(
        Check.define(
                "CON-4.centre-15",
                "CON-4",
                "With ETREAT permitted, a regulation doctor reads in centre 15 mode without"
                    + " authorisation")
            .as(Role.HOLDER, Role.REGULATION_DOCTOR)
            .run(
                p -> {
                  setting(p, EmergencySetting.ETREAT, Permission.PERMIT);
                  p.step(
                      "REGULATION_DOCTOR searches in centre 15 mode",
                      () -> searchAs(p, Role.REGULATION_DOCTOR, AccessMode.centre15()));
                  p.expect("the search succeeds", "it succeeded", true);
                }));
    checks.add(
        Check.define(
                "CON-4.centre-15-denied",
                "CON-4",
                "With ETREAT denied by the holder, centre 15 access is refused 403"
                    + " emergency-denied")
            .as(Role.HOLDER, Role.REGULATION_DOCTOR)
            .run(
                p -> {
                  setting(p, EmergencySetting.ETREAT, Permission.DENY);
                  p.refused(
                      "REGULATION_DOCTOR searches in centre 15 mode",
                      403,
                      ErrorCause.EMERGENCY_DENIED,
                      () -> searchAs(p, Role.REGULATION_DOCTOR, AccessMode.centre15()));
                }));
    checks.add(
        Check.define(
                "CON-4.masked-hidden-in-emergency",
                "CON-4",
                "With MASKED denied, a masked document is absent from a bris de glace search")
            .as(Role.HOLDER, Role.DOCTOR, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  setting(p, EmergencySetting.BTG, Permission.PERMIT);
                  setting(p, EmergencySetting.MASKED, Permission.DENY);
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("CON-4 masked").build());
                  p.step("HOLDER masks it", () -> p.dossier(Role.HOLDER).documents().mask(d.id()));
                  boolean seen =
                      p.step(
                          "OTHER_DOCTOR searches in bris de glace",
                          () ->
                              Dossier.of(p.client(Role.OTHER_DOCTOR, AccessMode.breakGlass(REASON)))
                                  .documents()
                                  .search(
                                      DocumentSearch.forPatient(p.holder()).pageSize(100).build())
                                  .streamAll()
                                  .anyMatch(x -> x.id().equals(d.id())));
                  p.equal("masked document in the emergency search", false, seen);
                }));
    return checks;
  }
}
