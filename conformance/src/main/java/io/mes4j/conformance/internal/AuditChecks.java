package io.mes4j.conformance.internal;

import io.mes4j.conformance.Role;
import io.mes4j.core.AccessMode;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.HistoryQuery;
import io.mes4j.dossier.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** AU-1, AU-2: every action traced, refusals included; who reads the traces. */
final class AuditChecks {
  /** How many of the newest traces are looked through for the one a check made. */
  private static final int LOOK_BACK = 300;

  private AuditChecks() {}

  /** The newest of {@code role}'s traces of the holder's dossier that matches. */
  static Optional<Trace> trace(Probe p, Role role, Predicate<Trace> match) {
    return p.step(
        role + " lists the activity history",
        () ->
            p.dossier(role)
                .history()
                .list(HistoryQuery.forPatient(p.holder()).pageSize(100).build())
                .streamAll()
                .limit(LOOK_BACK)
                .filter(match)
                .findFirst());
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "AU-1.deposit-traced",
                "AU-1",
                "A deposit leaves a DOCUMENT_DEPOSIT trace naming the document and its author")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  DocumentEntry d = p.deposit(Role.DOCTOR, p.document("AU-1 deposit").build());
                  Optional<Trace> t =
                      trace(
                          p,
                          Role.HOLDER,
                          x ->
                              d.id().equals(x.documentId())
                                  && x.action().equals("DOCUMENT_DEPOSIT"));
                  p.expect(
                      "a DOCUMENT_DEPOSIT trace of the document",
                      t.isPresent() ? "found" : "none among the newest " + LOOK_BACK,
                      t.isPresent());
                  p.equal("actor", p.pro(Role.DOCTOR).value(), t.get().actorId());
                  p.equal("succeeded", true, t.get().succeeded());
                }));
    checks.add(
        Check.define("AU-1.refusal-traced", "AU-1", "A refused read is traced too, with its cause")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  p.refused(
                      "OTHER_DOCTOR searches",
                      403,
                      ErrorCause.NOT_AUTHORISED,
                      () -> ConsentChecks.searchAs(p, Role.OTHER_DOCTOR, AccessMode.normal()));
                  Optional<Trace> t =
                      trace(
                          p,
                          Role.HOLDER,
                          x ->
                              x.actorId().equals(p.pro(Role.OTHER_DOCTOR).value())
                                  && !x.succeeded());
                  p.expect(
                      "a refused trace by OTHER_DOCTOR",
                      t.isPresent() ? "found" : "none among the newest " + LOOK_BACK,
                      t.isPresent());
                  p.equal("action", "DOCUMENT_SEARCH", t.get().action());
                  p.equal("refusal cause", "not-authorised", t.get().refusalCause());
                }));
    checks.add(
        Check.define(
                "AU-1.emergency-access-traced",
                "AU-1",
                "A bris de glace read is traced with its access mode")
            .as(Role.HOLDER, Role.OTHER_DOCTOR)
            .run(
                p -> {
                  p.ensureNotAuthorised(Role.OTHER_DOCTOR);
                  ConsentChecks.setting(
                      p, io.mes4j.dossier.EmergencySetting.BTG, io.mes4j.dossier.Permission.PERMIT);
                  p.step(
                      "OTHER_DOCTOR searches in bris de glace",
                      () ->
                          ConsentChecks.searchAs(
                              p, Role.OTHER_DOCTOR, AccessMode.breakGlass(ConsentChecks.REASON)));
                  Optional<Trace> t =
                      trace(
                          p,
                          Role.HOLDER,
                          x ->
                              x.actorId().equals(p.pro(Role.OTHER_DOCTOR).value())
                                  && x.succeeded()
                                  && x.action().equals("DOCUMENT_SEARCH"));
                  p.expect(
                      "a DOCUMENT_SEARCH trace by OTHER_DOCTOR",
                      t.isPresent() ? "found" : "none among the newest " + LOOK_BACK,
                      t.isPresent());
                  p.equal("access mode", AccessMode.Kind.BRIS_DE_GLACE, t.get().accessMode());
                }));
    checks.add(
        Check.define(
                "AU-2.professional-sees-own-traces",
                "AU-2",
                "A professional reading the activity history sees only their own traces")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  p.ensureAuthorised(Role.DOCTOR);
                  p.deposit(Role.DOCTOR, p.document("AU-2").build());
                  List<Trace> seen =
                      p.step(
                          "DOCTOR lists the activity history",
                          () ->
                              p.dossier(Role.DOCTOR)
                                  .history()
                                  .list(HistoryQuery.forPatient(p.holder()).pageSize(100).build())
                                  .streamAll()
                                  .limit(LOOK_BACK)
                                  .toList());
                  p.expect("at least its deposit", seen.size() + " traces", !seen.isEmpty());
                  String me = p.pro(Role.DOCTOR).value();
                  long others = seen.stream().filter(t -> !t.actorId().equals(me)).count();
                  p.equal("traces of other actors in DOCTOR's view", 0L, others);
                }));
    return checks;
  }
}
