package io.mes4j.dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.AccessMode;
import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.code.ConfidentialityLabel;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesException;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.identity.Ins;
import io.mes4j.dossier.AccessManagement;
import io.mes4j.dossier.Authorisation;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Documents;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrency: 16 threads mix deposits, label changes, searches and consent changes on two shared
 * patients (an adult, and a minor with a representative) for a fixed time, through the SDK against
 * the reference server; no answer is a 5xx, and on every search answer no document is shown to
 * someone the rules ({@link AccessRules}) hide it from.
 *
 * <p>Races are handled soundly: each piece of state (a document's labels, one professional's
 * authorisation, block or same rights, one emergency setting) has its writes serialised by the
 * test, and keeps its versions with when each may have been current: from the start of the call
 * that wrote it to the end of the call that replaced it. A document shown by a search over the
 * interval [start, end] is accepted if some combination of versions possibly current during that
 * interval makes it visible: the check never accuses the server of a race's outcome, and still
 * catches any document shown when no such combination exists.
 *
 * <p>Size: {@code -Dmes4j.concurrency.seconds} (default 15), {@code -Dmes4j.concurrency.threads}
 * (default 16), seed {@code -Dmes4j.concurrency.seed}.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class ConcurrencyInvariantTest {
  private static final long SECONDS = Long.getLong("mes4j.concurrency.seconds", 15L);
  private static final int THREADS = Integer.getInteger("mes4j.concurrency.threads", 16);
  private static final long SEED = Long.getLong("mes4j.concurrency.seed", 1610L);
  private static final int MAX_DOCUMENTS_PER_PATIENT = 150;

  /**
   * One piece of state: its versions, each with the earliest instant it may have become current and
   * the latest it may have stayed so. Writes hold {@link #lock} across the call.
   */
  static final class Versioned<T> {
    final ReentrantLock lock = new ReentrantLock();
    private final List<Object[]> versions = new ArrayList<>(); // {value, from, until}

    Versioned(T initial, long from) {
      versions.add(new Object[] {initial, from, Long.MAX_VALUE});
    }

    @SuppressWarnings("unchecked")
    synchronized T current() {
      return (T) versions.get(versions.size() - 1)[0];
    }

    /** A write that took effect during the call [start, end]. */
    synchronized void committed(T value, long start, long end) {
      versions.get(versions.size() - 1)[2] = end;
      versions.add(new Object[] {value, start, Long.MAX_VALUE});
    }

    @SuppressWarnings("unchecked")
    synchronized Set<T> possibleDuring(long t0, long t1) {
      Set<T> out = new LinkedHashSet<>();
      for (Object[] v : versions) {
        if ((long) v[1] <= t1 && (long) v[2] >= t0) {
          out.add((T) v[0]);
        }
      }
      return out;
    }
  }

  /** A document and its labels over time. */
  record TrackedDoc(
      String id,
      String authorId,
      String loinc,
      long existsFrom,
      Versioned<Set<ConfidentialityLabel>> labels) {}

  /** One shared patient and its state over time. */
  static final class Shared {
    final Ins patient;
    final Actor holderSide;
    final List<Actor> patientActors;
    final boolean minor;
    final Map<String, Versioned<Boolean>> authorised = new HashMap<>();
    final Map<String, Versioned<Boolean>> blocked = new HashMap<>();
    final Map<String, Versioned<Boolean>> sameRights = new HashMap<>();
    final Map<String, String> authorisationIds = new ConcurrentHashMap<>();
    final @Nullable String medecinTraitant;
    final Versioned<Boolean> etreat = new Versioned<>(true, Long.MIN_VALUE);
    final Versioned<Boolean> btg = new Versioned<>(true, Long.MIN_VALUE);
    final Versioned<Boolean> masked = new Versioned<>(false, Long.MIN_VALUE);
    final Map<String, TrackedDoc> docs = new ConcurrentHashMap<>();
    final List<String> docIds = new CopyOnWriteArrayList<>();
    final AtomicInteger deposits = new AtomicInteger();

    Shared(
        Ins patient,
        Actor holderSide,
        List<Actor> patientActors,
        boolean minor,
        @Nullable String medecinTraitant) {
      this.patient = patient;
      this.holderSide = holderSide;
      this.patientActors = patientActors;
      this.minor = minor;
      this.medecinTraitant = medecinTraitant;
    }
  }

  /** One search answer, judged once every write is known. */
  record Observation(
      Shared shared, Actor actor, Mode mode, long start, long end, Set<String> ids) {}

  private MockServer server;
  private final List<MesClient> clients = new CopyOnWriteArrayList<>();
  private final Queue<String> failures = new ConcurrentLinkedQueue<>();
  private final Queue<Observation> observations = new ConcurrentLinkedQueue<>();
  private final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();

  @AfterEach
  void closeClients() {
    clients.forEach(MesClient::close);
  }

  private void count(String what) {
    tally.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
  }

  private void fail(String what) {
    if (failures.size() < 100) {
      failures.add(what);
    }
  }

  /** A client of its own for one thread: no retry, no circuit breaker, so that a 5xx shows. */
  private MesClient client(String subject, Mode mode) {
    AccessMode accessMode =
        switch (mode) {
          case BREAK_GLASS -> AccessMode.breakGlass("coma aux urgences");
          case CENTRE_15 -> AccessMode.centre15();
          default -> AccessMode.normal();
        };
    MesClient client =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(server.tokenProvider(subject))
            .accessMode(accessMode)
            .retryPolicy(RetryPolicy.none())
            .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
            .build();
    clients.add(client);
    return client;
  }

  /** Per thread: its clients, made on first use. */
  private final class Clients {
    private final Map<String, MesClient> bySubjectAndMode = new HashMap<>();

    MesClient of(String subject, Mode mode) {
      return bySubjectAndMode.computeIfAbsent(subject + "/" + mode, k -> client(subject, mode));
    }
  }

  /** A call whose refusal (4xx) is expected now and then; anything else is a failure. */
  private <T> @Nullable T attempt(String what, Callable<T> call) {
    try {
      return call.call();
    } catch (MesServiceException e) {
      if (e.statusCode() >= 500) {
        fail(what + ": " + e.statusCode() + " " + e.causeCode());
      } else {
        count("refused " + e.causeCode());
      }
      return null;
    } catch (MesException e) {
      fail(what + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
      return null;
    } catch (Exception e) {
      fail(what + ": " + e);
      return null;
    }
  }

  /** Writes {@code var} through {@code call}, holding its lock; the new value on success. */
  private <T> boolean write(Versioned<T> var, T value, String what, Callable<?> call) {
    var.lock.lock();
    try {
      long start = System.nanoTime();
      Object done = attempt(what, call);
      long end = System.nanoTime();
      if (done != null) {
        var.committed(value, start, end);
        return true;
      }
      return false;
    } finally {
      var.lock.unlock();
    }
  }

  @Test
  void sixteenThreads_mixingDepositsLabelsSearchesAndConsents_neverShowAHiddenDocumentNor5xx(
      MockServer server) throws Exception {
    // RULE-ID DOC-6 DOC-7 CON-1 CON-2 CON-3 CON-4
    this.server = server;
    // GIVEN the two shared patients as the fixtures arrange them, every 5xx the server sends seen
    AtomicInteger serverErrors = new AtomicInteger();
    server.addResponseListener(
        r -> {
          if (r.status() >= 500) {
            serverErrors.incrementAndGet();
            fail(
                "the server answered " + r.status() + " to " + r.method() + " " + r.pathTemplate());
          }
        });
    Shared adult =
        new Shared(
            Fixtures.ADULT,
            new Actor(Kind.HOLDER, Fixtures.Ids.ADULT, null),
            List.of(new Actor(Kind.HOLDER, Fixtures.Ids.ADULT, null)),
            false,
            Fixtures.Ids.DOCTOR_TREATING);
    Shared minor =
        new Shared(
            Fixtures.MINOR,
            new Actor(Kind.REPRESENTATIVE, Fixtures.Ids.PARENT, null),
            List.of(
                new Actor(Kind.REPRESENTATIVE, Fixtures.Ids.PARENT, null),
                new Actor(Kind.HOLDER, Fixtures.Ids.MINOR, null)),
            true,
            null);
    for (Pro p : AccessRules.PROS) {
      boolean adultAuthorised =
          !Set.of(
                  "DOCTOR_TREATING",
                  "DOCTOR_UNAUTHORISED",
                  "REGULATION_DOCTOR",
                  "SAME_RIGHTS_DOCTOR")
              .contains(p.name());
      adult.authorised.put(p.id(), new Versioned<>(adultAuthorised, Long.MIN_VALUE));
      adult.blocked.put(p.id(), new Versioned<>(p.name().equals("BLOCKED_DOCTOR"), Long.MIN_VALUE));
      adult.sameRights.put(
          p.id(), new Versioned<>(p.name().equals("SAME_RIGHTS_DOCTOR"), Long.MIN_VALUE));
      minor.authorised.put(p.id(), new Versioned<>(false, Long.MIN_VALUE));
      minor.blocked.put(p.id(), new Versioned<>(false, Long.MIN_VALUE));
      minor.sameRights.put(p.id(), new Versioned<>(false, Long.MIN_VALUE));
    }
    Clients main = new Clients();
    for (Authorisation a :
        Dossier.of(main.of(Fixtures.Ids.ADULT, Mode.NORMAL))
            .access()
            .authorisations(Fixtures.ADULT)
            .streamAll()
            .toList()) {
      if (a.active()) {
        adult.authorisationIds.put(a.professional().value(), a.id());
      }
    }
    List<Shared> patients = List.of(adult, minor);

    // WHEN 16 threads run for a fixed time: 3 deposit, 3 change labels, 2 change consents and
    // settings, 8 search
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> running = new ArrayList<>();
    SplittableRandom seeds = new SplittableRandom(SEED);
    for (int t = 0; t < THREADS; t++) {
      SplittableRandom random = seeds.split();
      int role = t % 16;
      Runnable body =
          role < 3
              ? () -> depositor(random, patients, deadline)
              : role < 6
                  ? () -> labeller(random, patients, deadline)
                  : role < 8
                      ? () -> consenter(random, patients, deadline)
                      : () -> searcher(random, patients, deadline);
      running.add(pool.submit(body));
    }
    for (Future<?> f : running) {
      f.get(SECONDS + 120, TimeUnit.SECONDS);
    }
    pool.shutdown();

    // THEN every search answer is judged against the versions of the state during its interval
    long judged = 0;
    List<String> leaks = new ArrayList<>();
    for (Observation o : observations) {
      for (String id : o.ids()) {
        judged++;
        String why = judge(o, id);
        if (why != null && leaks.size() < 50) {
          leaks.add(why);
        }
      }
    }
    System.out.printf(
        "ConcurrencyInvariantTest: %d threads, %d s, seed %d: %d searches answered, %d shown"
            + " documents judged, %d documents deposited; %s%n",
        THREADS,
        SECONDS,
        SEED,
        observations.size(),
        judged,
        adult.docIds.size() + minor.docIds.size(),
        new java.util.TreeMap<>(tally));
    assertThat(failures).as("5xx answers and unexpected errors").isEmpty();
    assertThat(serverErrors).hasValue(0);
    assertThat(leaks).as("documents shown to someone the rules hide them from").isEmpty();
    assertThat(observations).as("searches that answered").isNotEmpty();
    assertThat(judged).as("shown documents judged").isPositive();
  }

  /** Null if some possible state during the call made the document visible; else why not. */
  private static @Nullable String judge(Observation o, String id) {
    Shared s = o.shared();
    TrackedDoc doc = s.docs.get(id);
    String who =
        o.actor().describe() + " " + o.mode() + (s.minor ? " on the minor" : " on the adult");
    if (doc == null) {
      return who + ": shown a document never deposited in this dossier: " + id;
    }
    if (doc.existsFrom() > o.end()) {
      return who + ": shown " + id + " before its deposit began";
    }
    Pro pro = o.actor().pro();
    Set<Boolean> noChoice = Set.of(false);
    for (Set<ConfidentialityLabel> labels : doc.labels().possibleDuring(o.start(), o.end())) {
      Doc judgedDoc = new Doc(doc.id(), doc.authorId(), doc.loinc(), labels);
      for (boolean auth :
          pro == null ? noChoice : s.authorised.get(pro.id()).possibleDuring(o.start(), o.end())) {
        for (boolean blocked :
            pro == null ? noChoice : s.blocked.get(pro.id()).possibleDuring(o.start(), o.end())) {
          for (boolean same :
              pro == null
                  ? noChoice
                  : s.sameRights.get(pro.id()).possibleDuring(o.start(), o.end())) {
            for (boolean etreat : s.etreat.possibleDuring(o.start(), o.end())) {
              for (boolean btg : s.btg.possibleDuring(o.start(), o.end())) {
                for (boolean masked : s.masked.possibleDuring(o.start(), o.end())) {
                  DossierState d = new DossierState("ACTIVE", s.minor);
                  d.medecinTraitant = s.medecinTraitant;
                  if (pro != null) {
                    if (auth) d.authorised.add(pro.id());
                    if (blocked) d.blocked.add(pro.id());
                    if (same) d.sameRights.add(pro.id());
                  }
                  d.etreat = etreat;
                  d.btg = btg;
                  d.masked = masked;
                  if (Oracle.readRefusal(o.actor(), o.mode(), d).isEmpty()
                      && Oracle.hiddenBecause(o.actor(), o.mode(), d, judgedDoc) == null) {
                    return null;
                  }
                }
              }
            }
          }
        }
      }
    }
    return who
        + ": shown "
        + id
        + " ("
        + AccessRules.GROUP_OF_TYPE.get(doc.loinc())
        + ", labels "
        + doc.labels().possibleDuring(o.start(), o.end())
        + ") which no state during the call allows";
  }

  private static <T> T pick(SplittableRandom random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  private void depositor(SplittableRandom random, List<Shared> patients, long deadline) {
    Clients clients = new Clients();
    List<String> loincs = List.copyOf(AccessRules.GROUP_OF_TYPE.keySet());
    int n = 0;
    while (System.nanoTime() < deadline) {
      Shared s = pick(random, patients);
      if (s.deposits.incrementAndGet() > MAX_DOCUMENTS_PER_PATIENT) {
        searchOnce(random, clients, s); // enough documents: this thread searches instead
        continue;
      }
      Pro author = pick(random, AccessRules.PROS);
      String loinc = pick(random, loincs);
      EnumSet<ConfidentialityLabel> labels = EnumSet.noneOf(ConfidentialityLabel.class);
      if (random.nextDouble() < 0.3) {
        labels.add(ConfidentialityLabel.INVISIBLE_PATIENT);
      }
      if (s.minor && random.nextDouble() < 0.3) {
        labels.add(ConfidentialityLabel.INVISIBLE_REPRESENTANTS_LEGAUX);
      }
      String title = "concurrent " + Thread.currentThread().getName() + " " + n++;
      long start = System.nanoTime();
      DocumentEntry stored =
          attempt(
              "deposit",
              () ->
                  Dossier.of(clients.of(author.id(), Mode.NORMAL))
                      .documents()
                      .deposit(
                          DocumentDeposit.builder()
                              .patient(s.patient)
                              .type(DocumentType.of(loinc))
                              .title(title)
                              .content(
                                  ("%PDF-1.4 " + title).getBytes(StandardCharsets.US_ASCII),
                                  "application/pdf")
                              .labels(labels.toArray(ConfidentialityLabel[]::new))
                              .build()));
      count("deposit");
      if (stored != null) {
        s.docs.put(
            stored.id(),
            new TrackedDoc(
                stored.id(),
                author.id(),
                loinc,
                start,
                new Versioned<>(Set.copyOf(stored.labels()), start)));
        s.docIds.add(stored.id());
      }
    }
  }

  private void labeller(SplittableRandom random, List<Shared> patients, long deadline) {
    Clients clients = new Clients();
    while (System.nanoTime() < deadline) {
      Shared s = pick(random, patients);
      if (s.docIds.isEmpty()) {
        Thread.onSpinWait();
        continue;
      }
      TrackedDoc doc = s.docs.get(pick(random, s.docIds));
      double op = random.nextDouble();
      Versioned<Set<ConfidentialityLabel>> labels = doc.labels();
      labels.lock.lock();
      try {
        Set<ConfidentialityLabel> now = labels.current();
        Documents documents;
        String what;
        Callable<DocumentEntry> call;
        if (op < 0.5) {
          // DOC-8: the holder (or representative) masks and unmasks
          documents = Dossier.of(clients.of(s.holderSide.subject(), Mode.NORMAL)).documents();
          boolean isMasked = now.contains(ConfidentialityLabel.MASQUE_PS);
          what = isMasked ? "unmask" : "mask";
          call = () -> isMasked ? documents.unmask(doc.id()) : documents.mask(doc.id());
        } else {
          // DOC-8: the author sets and lifts INVISIBLE_PATIENT
          documents = Dossier.of(clients.of(doc.authorId(), Mode.NORMAL)).documents();
          boolean invisible = now.contains(ConfidentialityLabel.INVISIBLE_PATIENT);
          what = invisible ? "lift invisible" : "set invisible";
          call =
              () ->
                  invisible
                      ? documents.liftInvisibleToPatient(doc.id())
                      : documents.setInvisibleToPatient(doc.id());
        }
        long start = System.nanoTime();
        DocumentEntry after = attempt(what, call);
        long end = System.nanoTime();
        count(what);
        if (after != null) {
          labels.committed(Set.copyOf(after.labels()), start, end);
        }
      } finally {
        labels.lock.unlock();
      }
    }
  }

  private void consenter(SplittableRandom random, List<Shared> patients, long deadline) {
    Clients clients = new Clients();
    while (System.nanoTime() < deadline) {
      Shared s = pick(random, patients);
      AccessManagement access =
          Dossier.of(clients.of(s.holderSide.subject(), Mode.NORMAL)).access();
      Pro p = pick(random, AccessRules.PROS);
      double op = random.nextDouble();
      if (op < 0.35) {
        Versioned<Boolean> var = s.authorised.get(p.id());
        var.lock.lock();
        try {
          if (var.current()) {
            String consentId = s.authorisationIds.get(p.id());
            write(
                var,
                false,
                "revoke",
                () -> {
                  access.revoke(consentId);
                  return Boolean.TRUE;
                });
          } else {
            write(
                var,
                true,
                "authorise",
                () -> {
                  Authorisation a = access.authorise(s.patient, p.pid());
                  s.authorisationIds.put(p.id(), a.id());
                  return a;
                });
          }
        } finally {
          var.lock.unlock();
        }
        count("authorisation change");
      } else if (op < 0.55) {
        Versioned<Boolean> var = s.blocked.get(p.id());
        boolean isBlocked = var.current();
        write(
            var,
            !isBlocked,
            "block",
            () -> {
              if (isBlocked) {
                return access.unblock(s.patient, p.pid()) ? Boolean.TRUE : null;
              }
              access.block(s.patient, p.pid());
              return Boolean.TRUE;
            });
        count("block change");
      } else if (op < 0.7) {
        Versioned<Boolean> var = s.sameRights.get(p.id());
        boolean has = var.current();
        write(
            var,
            !has,
            "same rights",
            () -> {
              if (has) {
                return access.revokeSameRights(s.patient, p.pid()) ? Boolean.TRUE : null;
              }
              access.grantSameRights(s.patient, p.pid());
              return Boolean.TRUE;
            });
        count("same-rights change");
      } else {
        EmergencySetting setting = pick(random, List.of(EmergencySetting.values()));
        Versioned<Boolean> var =
            switch (setting) {
              case ETREAT -> s.etreat;
              case BTG -> s.btg;
              case MASKED -> s.masked;
            };
        boolean next = !var.current();
        write(
            var,
            next,
            "setting",
            () -> {
              access.setEmergencySetting(s.patient, setting, Permission.of(next));
              return Boolean.TRUE;
            });
        count("setting change");
      }
    }
  }

  private void searcher(SplittableRandom random, List<Shared> patients, long deadline) {
    Clients clients = new Clients();
    while (System.nanoTime() < deadline) {
      searchOnce(random, clients, pick(random, patients));
    }
  }

  private void searchOnce(SplittableRandom random, Clients clients, Shared s) {
    Actor actor;
    Mode mode = Mode.NORMAL;
    if (random.nextDouble() < 0.2) {
      actor = pick(random, s.patientActors);
    } else {
      Pro p = pick(random, AccessRules.PROS);
      actor = new Actor(Kind.PROFESSIONAL, p.id(), p);
      double m = random.nextDouble();
      mode = m < 0.6 ? Mode.NORMAL : p.regulation() && m < 0.8 ? Mode.CENTRE_15 : Mode.BREAK_GLASS;
    }
    MesClient client = clients.of(actor.subject(), mode);
    long start = System.nanoTime();
    Set<String> ids =
        attempt(
            "search",
            () ->
                Set.copyOf(
                    Dossier.of(client)
                        .documents()
                        .search(DocumentSearch.forPatient(s.patient).pageSize(100).build())
                        .streamAll()
                        .map(DocumentEntry::id)
                        .toList()));
    long end = System.nanoTime();
    count("search");
    if (ids != null) {
      observations.add(new Observation(s, actor, mode, start, end, ids));
    }
  }
}
