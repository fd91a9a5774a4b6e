package io.mes4j.dossier.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.mes4j.core.CircuitBreakerPolicy;
import io.mes4j.core.MesClient;
import io.mes4j.core.RetryPolicy;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.MesException;
import io.mes4j.dossier.DocumentDeposit;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.HistoryQuery;
import io.mes4j.dossier.Trace;
import io.mes4j.mockserver.Fault;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.JournalEntry;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.junit.MesMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fault soak: the SDK against the reference server with 20 % of the {@code /fhir} calls faulted
 * — 7 % {@code 503}, 3 % {@code 429} with {@code Retry-After: 1}, 5 % dropped connections, 5 %
 * latency of 50 to 400 ms against a 200 ms response timeout, so that a timed-out deposit is still
 * served while its retry arrives — makes N deposits, each with its unique id and the SDK's
 * idempotency key, from 8 threads. They end as exactly N documents: none lost, none duplicated; and
 * the audit trail agrees (the documents of the successful deposit traces are exactly those N).
 *
 * <p>Size: {@code -Dmes4j.soak.deposits} (default 1 000; 10 000 for the figure), seed
 * {@code -Dmes4j.soak.seed}.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class FaultSoakTest {
  private static final int DEPOSITS = Integer.getInteger("mes4j.soak.deposits", 1_000);
  private static final long SEED = Long.getLong("mes4j.soak.seed", 2010L);
  private static final int THREADS = 8;

  @Test
  void deposits_underTwentyPercentFaults_endAsExactlyOneDocumentEach_andTheAuditTrailAgrees(
      MockServer server) throws Exception {
    // RULE-ID DOC-2 AU-1
    // GIVEN 20 % of the /fhir calls faulted, seeded
    server
        .control()
        .setFaults(
            SEED,
            List.of(
                Fault.on("/fhir**").rate(0.07).status(503),
                Fault.on("/fhir**").rate(0.03).status(429).retryAfter(Duration.ofSeconds(1)),
                Fault.on("/fhir**").rate(0.05).drop(),
                Fault.on("/fhir**")
                    .rate(0.05)
                    .latencyUniform(Duration.ofMillis(50), Duration.ofMillis(400))));
    server.control().clearJournal();
    // AND an SDK client retrying, with a response timeout shorter than the longest latency
    RetryPolicy retries =
        RetryPolicy.builder()
            .maxAttempts(8)
            .initialBackoff(Duration.ofMillis(5))
            .maxBackoff(Duration.ofMillis(100))
            .build();
    Map<Integer, String> idOf = new ConcurrentHashMap<>();
    AtomicInteger givenUp = new AtomicInteger();
    AtomicInteger applicationRetries = new AtomicInteger();
    long started = System.nanoTime();

    // WHEN N deposits are made from 8 threads, each retried by the application too if the SDK
    // gives up (the same unique id and content: the same deposit, DOC-2)
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      running.add(
          pool.submit(
              () -> {
                try (MesClient client =
                    MesClient.builder()
                        .baseUrl(server.baseUrl())
                        .credentials(server.tokenProvider(Fixtures.Ids.DOCTOR))
                        .retryPolicy(retries)
                        .circuitBreakerPolicy(CircuitBreakerPolicy.disabled())
                        .responseTimeout(Duration.ofMillis(200))
                        .callTimeout(Duration.ofSeconds(60))
                        .build()) {
                  for (int i = thread; i < DEPOSITS; i += THREADS) {
                    DocumentDeposit deposit =
                        DocumentDeposit.builder()
                            .patient(Fixtures.ADULT)
                            .type(DocumentType.LABORATORY_REPORT)
                            .title("soak " + i)
                            .content(
                                ("%PDF-1.4 soak " + i + " " + SEED)
                                    .getBytes(StandardCharsets.US_ASCII),
                                "application/pdf")
                            .uniqueId("urn:oid:1.2.250.1.999.42." + i)
                            .build();
                    for (int attempt = 0; ; attempt++) {
                      try {
                        idOf.put(i, Dossier.of(client).documents().deposit(deposit).id());
                        break;
                      } catch (MesException e) {
                        if (attempt >= 20) {
                          givenUp.incrementAndGet();
                          break;
                        }
                        applicationRetries.incrementAndGet();
                      }
                    }
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get(30, TimeUnit.MINUTES);
    }
    pool.shutdown();
    long millis = (System.nanoTime() - started) / 1_000_000;
    List<JournalEntry> journal = server.control().journal();
    Map<String, Long> faults =
        journal.stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.fault() == null ? "none" : e.fault(),
                    TreeMap::new,
                    Collectors.counting()));
    server.control().clearFaults();

    // THEN every deposit answered, each with its own document
    assertThat(givenUp).as("deposits given up").hasValue(0);
    assertThat(idOf).hasSize(DEPOSITS);
    assertThat(new HashSet<>(idOf.values())).as("distinct documents").hasSize(DEPOSITS);
    // AND the dossier holds exactly those N, each unique id once
    try (MesClient holder =
        MesClient.builder()
            .baseUrl(server.baseUrl())
            .credentials(server.tokenProvider(Fixtures.Ids.ADULT))
            .build()) {
      List<DocumentEntry> all =
          Dossier.of(holder)
              .documents()
              .search(
                  DocumentSearch.forPatient(Fixtures.ADULT)
                      .includeArchived(true)
                      .includeSuperseded(true)
                      .pageSize(100)
                      .build())
              .streamAll()
              .toList();
      Map<String, Integer> perUniqueId = new HashMap<>();
      all.forEach(e -> perUniqueId.merge(e.uniqueId(), 1, Integer::sum));
      assertThat(all).as("documents in the dossier").hasSize(DEPOSITS);
      assertThat(perUniqueId.values()).as("documents per unique id").containsOnly(1);
      assertThat(all.stream().map(DocumentEntry::id).collect(Collectors.toSet()))
          .isEqualTo(new HashSet<>(idOf.values()));
      // AND the audit trail agrees: the successful deposit traces name exactly those documents
      List<Trace> deposits =
          Dossier.of(holder)
              .history()
              .list(HistoryQuery.forPatient(Fixtures.ADULT).pageSize(100).build())
              .streamAll()
              .filter(t -> t.action().equals("DOCUMENT_DEPOSIT") && t.succeeded())
              .toList();
      Set<String> traced = new HashSet<>();
      deposits.forEach(t -> t.document().ifPresent(traced::add));
      assertThat(traced)
          .as("documents of the deposit traces")
          .isEqualTo(new HashSet<>(idOf.values()));
      System.out.printf(
          "FaultSoakTest: %d deposits from %d threads in %d ms, seed %d; %d /fhir requests"
              + " journaled, faults %s; %d application-level retries; %d deposit traces%n",
          DEPOSITS,
          THREADS,
          millis,
          SEED,
          journal.size(),
          faults,
          applicationRetries.get(),
          deposits.size());
    }
  }
}
