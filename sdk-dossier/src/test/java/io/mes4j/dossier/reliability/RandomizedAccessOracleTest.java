package io.mes4j.dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.AccessMode;
import io.mes4j.core.MesClient;
import io.mes4j.core.auth.TokenProvider;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.dossier.AccessManagement;
import io.mes4j.dossier.Authorisation;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.EmergencySetting;
import io.mes4j.dossier.Permission;
import io.mes4j.dossier.reliability.AccessRules.Actor;
import io.mes4j.dossier.reliability.AccessRules.Doc;
import io.mes4j.dossier.reliability.AccessRules.DossierState;
import io.mes4j.dossier.reliability.AccessRules.Kind;
import io.mes4j.dossier.reliability.AccessRules.Mode;
import io.mes4j.dossier.reliability.AccessRules.Oracle;
import io.mes4j.dossier.reliability.AccessRules.Pro;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.MesMockServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The randomized access oracle: a seeded generator of situations — the dossier (an adult's, a
 * minor's with a representative, or a space in another state), the holder's settings
 * (authorisations, blocks, médecin traitant, same rights, feeding oppositions, the three emergency
 * settings, default masking), documents of random types, authors and labels, and a space closed
 * then reopened — each arranged through the SDK against the reference server, then probed by many
 * (actor, access mode, action) calls: a search, a read by id, a deposit. Every answer is checked
 * against {@link AccessRules}, a decision table written in the test from {@code domain-rules.md}
 * and {@code habilitations.md} alone: nothing of the server's policy code is used.
 *
 * <p>Size: {@code -Dmes4j.oracle.cases} judged cases (default 10 000; a case is one document judged
 * in one answer, or one call's outcome), seed {@code -Dmes4j.oracle.seed}. Where the rules leave an
 * order between two refusals open (a blocked and unauthorised professional), either cause is
 * accepted; a document shown that the rules hide is a {@code LEAK}, reported apart.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class RandomizedAccessOracleTest {
  private static final Map<String, String> GROUP_OF_TYPE = AccessRules.GROUP_OF_TYPE;
  private static final List<Pro> PROS = AccessRules.PROS;

  private static final long CASES = Long.getLong("mes4j.oracle.cases", 10_000L);
  private static final long SEED = Long.getLong("mes4j.oracle.seed", 20261128L);

  // ---------------------------------------------------------------------------------------------
  // Arranging and probing, through the SDK.
  // ---------------------------------------------------------------------------------------------

  private final Map<String, MesClient> clients = new HashMap<>();
  private MockServer server;

  @AfterEach
  void closeClients() {
    clients.values().forEach(MesClient::close);
  }

  private MesClient client(String subject, Mode mode) {
    return clients.computeIfAbsent(
        subject + "/" + mode,
        k ->
            switch (mode) {
              case NORMAL -> build(server.tokenProvider(subject), AccessMode.normal());
              case BREAK_GLASS ->
                  build(
                      server.tokenProvider(subject),
                      AccessMode.breakGlass("arrêt cardio-respiratoire"));
              case CENTRE_15 -> build(server.tokenProvider(subject), AccessMode.centre15());
              case BREAK_GLASS_WITHOUT_REASON ->
                  // Minted by the server's control API (AccessMode refuses a blank reason); the
                  // clock never moves here, so one token serves the whole run.
                  build(
                      TokenProvider.staticToken(
                          server
                              .control()
                              .tokenBreakGlassWithoutReason(ProfessionalId.of(subject))),
                      AccessMode.normal());
            });
  }

  private MesClient build(TokenProvider tokens, AccessMode mode) {
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(tokens)
        .accessMode(mode)
        .build();
  }

  /** The outcome of one call: ids seen, one entry, or a refusal cause. */
  record Seen(@Nullable Set<String> ids, @Nullable String cause) {}

  private Seen search(Actor actor, Mode mode, Ins patient) {
    try {
      Set<String> ids =
          Dossier.of(client(actor.subject(), mode))
              .documents()
              .search(DocumentSearch.forPatient(patient).pageSize(100).build())
              .streamAll()
              .map(DocumentEntry::id)
              .collect(Collectors.toSet());
      return new Seen(ids, null);
    } catch (MesServiceException e) {
      return new Seen(null, e.causeCode());
    }
  }

  private Seen get(Actor actor, Mode mode, String id) {
    try {
      DocumentEntry entry = Dossier.of(client(actor.subject(), mode)).documents().get(id);
      return new Seen(Set.of(entry.id()), null);
    } catch (MesServiceException e) {
      return new Seen(null, e.causeCode());
    }
  }

  /** Tally and findings. */
  private long cases;

  private long calls;
  private final Map<String, Long> tally = new TreeMap<>();
  private final List<String> leaks = new ArrayList<>();
  private final List<String> mismatches = new ArrayList<>();

  private void count(String what) {
    tally.merge(what, 1L, Long::sum);
  }

  private void finding(boolean leak, String text) {
    List<String> list = leaks;
    if (!leak) {
      list = mismatches;
    }
    if (list.size() < 50) {
      list.add(text);
    } else if (list.size() == 50) {
      list.add("… (more)");
    }
  }

  @Test
  void randomSituations_throughTheHttpApi_agreeWithTheRulesDecisionTable(MockServer server) {
    // RULE-ID DOC-6 DOC-7 CON-1 CON-2 CON-3 CON-4 CON-5 DOC-1 ES-4 habilitations
    this.server = server;
    SplittableRandom random = new SplittableRandom(SEED);
    long started = System.nanoTime();
    int situations = 0;
    // GIVEN / WHEN: random situations arranged and probed until enough cases are judged
    while (cases < CASES) {
      situations++;
      runSituation(random.split(), situations);
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(
        "RandomizedAccessOracleTest: seed %d, %d situations, %d calls probed, %d cases judged in"
            + " %d ms; %s%n",
        SEED, situations, calls, cases, millis, tally);
    // THEN no document was shown to someone the rules hide it from, and every answer agrees
    assertThat(leaks).as("documents shown that the rules hide (LEAK)").isEmpty();
    assertThat(mismatches).as("answers that differ from the rules' decision table").isEmpty();
    assertThat(cases).isGreaterThanOrEqualTo(CASES);
  }

  private void runSituation(SplittableRandom random, int number) {
    server.control().reset();
    double kind = random.nextDouble();
    if (kind < 0.10) {
      inactiveSpace(random, number);
      return;
    }
    boolean minor = kind < 0.30;
    Ins patient = minor ? Fixtures.MINOR : Fixtures.ADULT;
    Actor holderSide =
        minor
            ? new Actor(Kind.REPRESENTATIVE, Fixtures.Ids.PARENT, null)
            : new Actor(Kind.HOLDER, Fixtures.Ids.ADULT, null);
    DossierState d = new DossierState("ACTIVE", minor);
    AccessManagement access = Dossier.of(client(holderSide.subject(), Mode.NORMAL)).access();
    if (!minor) {
      // The fixtures' arrangement of ADULT (Fixtures' documentation)
      d.medecinTraitant = Fixtures.Ids.DOCTOR_TREATING;
      for (Pro p : PROS) {
        if (!Set.of(
                "DOCTOR_TREATING", "DOCTOR_UNAUTHORISED", "REGULATION_DOCTOR", "SAME_RIGHTS_DOCTOR")
            .contains(p.name())) {
          d.authorised.add(p.id());
        }
      }
      d.blocked.add(Fixtures.Ids.BLOCKED_DOCTOR);
      d.sameRights.add(Fixtures.Ids.SAME_RIGHTS_DOCTOR);
    }

    // Documents: random type, author and labels, deposited before any opposition
    int docCount = 4 + random.nextInt(9);
    List<String> loincs = List.copyOf(GROUP_OF_TYPE.keySet());
    for (int i = 0; i < docCount; i++) {
      Pro author = PROS.get(random.nextInt(PROS.size()));
      String loinc = loincs.get(random.nextInt(loincs.size()));
      EnumSet<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
      if (random.nextDouble() < 0.3) {
        labels.add(ConfidentialityLabel.INVISIBLE_PATIENT);
      }
      if (minor && random.nextDouble() < 0.35) {
        labels.add(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX);
      }
      DocumentEntry stored = deposit(author, patient, loinc, labels, number, i);
      calls++;
      // The holder's side masks only what it sees (DOC-6: hidden documents cannot be changed)
      boolean holderSees =
          !labels.contains(ConfidentialityLabel.INVISIBLE_PATIENT)
              && !labels.contains(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX);
      if (holderSees && random.nextDouble() < 0.35) {
        Dossier.of(client(holderSide.subject(), Mode.NORMAL)).documents().mask(stored.id());
        calls += 2;
        labels.add(ConfidentialityLabel.MASQUE_PS);
      }
      d.docs.add(new Doc(stored.id(), author.id(), loinc, Set.copyOf(labels)));
    }

    // The holder's settings, changed through the API where they differ from the current state
    Map<String, String> authorisationIds = new HashMap<>();
    if (!minor) {
      for (Authorisation a : access.authorisations(patient).streamAll().toList()) {
        if (a.active()) {
          authorisationIds.put(a.professional().value(), a.id());
        }
      }
      calls++;
    }
    List<Pro> doctors = PROS.stream().filter(p -> p.profession().equals("10")).toList();
    if (random.nextDouble() < 0.6) {
      Pro mt = doctors.get(random.nextInt(doctors.size()));
      access.designateMedecinTraitant(patient, mt.pid());
      calls++;
      d.medecinTraitant = mt.id();
    }
    for (Pro p : PROS) {
      boolean authorise = random.nextDouble() < 0.55;
      if (authorise && !d.authorised.contains(p.id())) {
        access.authorise(patient, p.pid());
        d.authorised.add(p.id());
        calls++;
      } else if (!authorise && d.authorised.contains(p.id())) {
        access.revoke(authorisationIds.get(p.id()));
        d.authorised.remove(p.id());
        calls++;
      }
      boolean block = random.nextDouble() < 0.15;
      if (block && !d.blocked.contains(p.id())) {
        access.block(patient, p.pid());
        d.blocked.add(p.id());
        calls++;
      } else if (!block && d.blocked.contains(p.id())) {
        assertThat(access.unblock(patient, p.pid())).isTrue();
        d.blocked.remove(p.id());
        calls++;
      }
      boolean same = random.nextDouble() < 0.15;
      if (same && !d.sameRights.contains(p.id())) {
        access.grantSameRights(patient, p.pid());
        d.sameRights.add(p.id());
        calls++;
      } else if (!same && d.sameRights.contains(p.id())) {
        assertThat(access.revokeSameRights(patient, p.pid())).isTrue();
        d.sameRights.remove(p.id());
        calls++;
      }
      if (random.nextDouble() < 0.1) {
        access.opposeDeposits(patient, p.pid());
        d.opposed.add(p.id());
        calls++;
      }
    }
    d.etreat = random.nextBoolean();
    d.btg = random.nextBoolean();
    d.masked = random.nextBoolean();
    access.setEmergencySetting(patient, EmergencySetting.ETREAT, Permission.of(d.etreat));
    access.setEmergencySetting(patient, EmergencySetting.BTG, Permission.of(d.btg));
    access.setEmergencySetting(patient, EmergencySetting.MASKED, Permission.of(d.masked));
    calls += 3;
    if (random.nextDouble() < 0.2) {
      access.setDefaultMasking(patient, true);
      d.defaultMasking = true;
      calls++;
    }

    List<Actor> actors = new ArrayList<>();
    actors.add(holderSide);
    if (minor) {
      actors.add(new Actor(Kind.HOLDER, Fixtures.Ids.MINOR, null));
      actors.add(new Actor(Kind.OTHER_PATIENT, Fixtures.Ids.ADULT, null));
    } else {
      actors.add(new Actor(Kind.OTHER_PATIENT, Fixtures.Ids.PARENT, null));
    }
    for (Pro p : PROS) {
      actors.add(new Actor(Kind.PROFESSIONAL, p.id(), p));
    }

    // WHEN actors probe; for an adult, sometimes also while the space is closed, then reopened
    probe(random, patient, d, actors, 40 + random.nextInt(20), number);
    if (!minor && random.nextDouble() < 0.15) {
      Dossier.of(client(holderSide.subject(), Mode.NORMAL)).space().close(patient, false);
      d.state = "CLOSED";
      calls++;
      probe(random, patient, d, actors, 10, number);
      Dossier.of(client(holderSide.subject(), Mode.NORMAL)).space().reopen(patient);
      d.state = "ACTIVE"; // ES-1: reopened, the archived data (and the holder's settings) are back
      calls++;
      count("closed-then-reopened");
      probe(random, patient, d, actors, 10, number);
    }
  }

  private DocumentEntry deposit(
      Pro author,
      Ins patient,
      String loinc,
      Set<ConfidentialityLabel> labels,
      int situation,
      int i) {
    return Dossier.of(client(author.id(), Mode.NORMAL))
        .documents()
        .deposit(
            DocumentDeposit.builder()
                .patient(patient)
                .type(DocumentType.of(loinc))
                .title("oracle " + situation + "." + i)
                .content(
                    ("%PDF-1.4 oracle " + situation + "." + i + "." + SEED)
                        .getBytes(StandardCharsets.US_ASCII),
                    "application/pdf")
                .labels(labels.toArray(ConfidentialityLabel[]::new))
                .build());
  }

  private void inactiveSpace(SplittableRandom random, int number) {
    String[][] spaces = {
      {Fixtures.Ids.PENDING, "PENDING"},
      {Fixtures.Ids.OPPOSED, "OPPOSED"},
      {Fixtures.Ids.CLOSED, "CLOSED"},
      {Fixtures.Ids.DELETED, "DELETED"}
    };
    String[] space = spaces[random.nextInt(spaces.length)];
    Ins patient = Ins.of(space[0], Fixtures.ADULT.system());
    DossierState d = new DossierState(space[1], false);
    List<Actor> actors = new ArrayList<>();
    actors.add(new Actor(Kind.HOLDER, space[0], null));
    for (Pro p : PROS) {
      actors.add(new Actor(Kind.PROFESSIONAL, p.id(), p));
    }
    count("space " + space[1]);
    probe(random, patient, d, actors, 10, number);
  }

  private void probe(
      SplittableRandom random, Ins patient, DossierState d, List<Actor> actors, int n, int number) {
    for (int k = 0; k < n; k++) {
      Actor actor = actors.get(random.nextInt(actors.size()));
      Mode mode =
          actor.kind() == Kind.PROFESSIONAL
              ? Mode.values()[random.nextInt(Mode.values().length)]
              : Mode.NORMAL;
      double action = random.nextDouble();
      String where =
          "situation " + number + " [" + d.describe() + "] " + actor.describe() + " " + mode;
      calls++;
      if (actor.kind() == Kind.PROFESSIONAL && mode == Mode.NORMAL && action < 0.15) {
        probeDeposit(random, actor.pro(), patient, d, where, number, k);
      } else if (action < 0.45 && !d.docs.isEmpty()) {
        probeGet(actor, mode, d, d.docs.get(random.nextInt(d.docs.size())), where);
      } else {
        probeSearch(actor, mode, patient, d, where);
      }
    }
  }

  private void probeSearch(Actor actor, Mode mode, Ins patient, DossierState d, String where) {
    Set<String> refusal = Oracle.readRefusal(actor, mode, d);
    Seen seen = search(actor, mode, patient);
    count("search");
    if (!refusal.isEmpty()) {
      cases++;
      count("search refused");
      if (seen.cause() == null) {
        finding(
            !seen.ids().isEmpty(),
            where + " search: expected refused " + refusal + ", got " + seen.ids());
      } else if (!refusal.contains(seen.cause())) {
        finding(false, where + " search: expected refused " + refusal + ", got " + seen.cause());
      }
      return;
    }
    if (seen.cause() != null) {
      cases++;
      finding(false, where + " search: expected allowed, refused " + seen.cause());
      return;
    }
    Set<String> known = new HashSet<>();
    for (Doc doc : d.docs) {
      known.add(doc.id());
      cases++;
      String hidden = Oracle.hiddenBecause(actor, mode, d, doc);
      boolean shown = seen.ids().contains(doc.id());
      count(hidden == null ? "doc visible" : "doc hidden by " + hidden);
      if (hidden != null && shown) {
        finding(true, where + " search shows " + doc.describe() + " hidden by " + hidden);
      } else if (hidden == null && !shown) {
        finding(false, where + " search misses " + doc.describe());
      }
    }
    for (String id : seen.ids()) {
      if (!known.contains(id)) {
        finding(true, where + " search shows an unknown document " + id);
      }
    }
  }

  private void probeGet(Actor actor, Mode mode, DossierState d, Doc doc, String where) {
    cases++;
    count("get");
    Set<String> refusal = Oracle.readRefusal(actor, mode, d);
    Seen seen = get(actor, mode, doc.id());
    String what = where + " get " + doc.describe();
    if (!refusal.isEmpty()) {
      if (seen.cause() == null) {
        finding(true, what + ": expected refused " + refusal + ", got the document");
      } else if (!refusal.contains(seen.cause())) {
        finding(false, what + ": expected refused " + refusal + ", got " + seen.cause());
      }
      return;
    }
    String hidden = Oracle.hiddenBecause(actor, mode, d, doc);
    if (hidden == null) {
      if (seen.cause() != null) {
        finding(false, what + ": expected the document, refused " + seen.cause());
      }
      return;
    }
    // DOC-6: a label hides the document's very existence (404); the matrix may say why (DOC-7).
    Set<String> accepted =
        hidden.equals("labels")
            ? Set.of("not-found")
            : Set.of("not-found", "profession-not-allowed");
    if (seen.cause() == null) {
      finding(true, what + ": hidden by " + hidden + ", got the document");
    } else if (!accepted.contains(seen.cause())) {
      finding(
          false,
          what + ": hidden by " + hidden + ", expected " + accepted + ", got " + seen.cause());
    }
  }

  private void probeDeposit(
      SplittableRandom random,
      Pro pro,
      Ins patient,
      DossierState d,
      String where,
      int number,
      int k) {
    cases++;
    count("deposit");
    Set<String> refusal = Oracle.depositRefusal(pro, d);
    List<String> loincs = List.copyOf(GROUP_OF_TYPE.keySet());
    String loinc = loincs.get(random.nextInt(loincs.size()));
    EnumSet<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
    if (random.nextDouble() < 0.3) {
      labels.add(ConfidentialityLabel.INVISIBLE_PATIENT);
    }
    Optional<DocumentEntry> stored;
    String cause = null;
    try {
      stored = Optional.of(deposit(pro, patient, loinc, labels, number, 1000 + k));
    } catch (MesServiceException e) {
      stored = Optional.empty();
      cause = e.causeCode();
    }
    String what = where + " deposit " + GROUP_OF_TYPE.get(loinc) + " " + labels;
    if (!refusal.isEmpty()) {
      if (stored.isPresent()) {
        finding(false, what + ": expected refused " + refusal + ", stored");
        d.docs.add(new Doc(stored.get().id(), pro.id(), loinc, stored.get().labels()));
      } else if (!refusal.contains(cause)) {
        finding(false, what + ": expected refused " + refusal + ", got " + cause);
      }
      return;
    }
    if (stored.isEmpty()) {
      finding(false, what + ": expected stored, refused " + cause);
      return;
    }
    // CON-5: default masking puts MASQUE_PS on every new document
    if (d.defaultMasking) {
      labels.add(ConfidentialityLabel.MASQUE_PS);
    }
    if (!stored.get().labels().equals(labels)) {
      finding(
          false, what + ": stored with labels " + stored.get().labels() + ", expected " + labels);
    }
    d.docs.add(new Doc(stored.get().id(), pro.id(), loinc, stored.get().labels()));
  }
}
