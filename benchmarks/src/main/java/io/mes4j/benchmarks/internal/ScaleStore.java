package io.mes4j.benchmarks.internal;

import io.mes4j.core.code.DocumentType;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.mockserver.internal.store.IdGenerator;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import io.mes4j.mockserver.internal.store.StoredDocument;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.locks.Lock;

/**
 * Fills a reference server's store with documents directly, without HTTP and without the policy,
 * audit or notices of a deposit: a million deposits over HTTP would take far longer than the
 * benchmark. Each document is what a deposit would have stored ({@code Deposits}): its own ids from
 * an {@link IdGenerator}, the store's next sequence number, a unique producer id claimed in the
 * store, its own content bytes with their SHA-1 and SHA-256, status {@code current}, no label. It
 * is added to its patient's record under the record's write lock and indexed in the store, as a
 * deposit does.
 *
 * <p>The target patient's documents are interleaved with the others' in deposit order (every {@code
 * storeDocuments / patientDocuments}-th document is theirs), as deposits arrive over time: their
 * documents are not laid out together in memory. The other documents go round-robin to {@value
 * #OTHER_PATIENTS} generated patients (ACTIVE, valid INS of the test NIR system), or to fewer if
 * there are fewer such documents.
 */
public final class ScaleStore {
  /** Patients besides the target (and the fixtures) when the store has enough documents. */
  public static final int OTHER_PATIENTS = 99_999;

  /** Bytes of content of every document. */
  public static final int CONTENT_BYTES = 200;

  private static final Instant FIRST_DEPOSIT = Instant.parse("2020-01-01T00:00:00Z");
  private static final String PRODUCER_OID = "urn:oid:1.2.250.1.999.42.";
  private static final String[] TITLES = {
    "Compte rendu de consultation", "Compte rendu d'examens", "Lettre de liaison", "Ordonnance"
  };

  /** What was loaded, and how long it took. */
  public record Loaded(int patients, int documents, String newestTargetDocument, long nanos) {}

  private ScaleStore() {}

  /**
   * Adds {@code storeDocuments} documents to {@code store}, {@code patientDocuments} of them to
   * {@code target} (an existing record), the rest to generated patients.
   *
   * @param author the idNat_PS of the author of every document (a professional of the directory)
   * @throws IllegalArgumentException if {@code storeDocuments} is not a multiple of {@code
   *     patientDocuments}, or the target has no record
   */
  public static Loaded load(
      Store store,
      Ins target,
      ProfessionalId author,
      int patientDocuments,
      int storeDocuments,
      long seed) {
    if (patientDocuments < 1 || storeDocuments % patientDocuments != 0) {
      throw new IllegalArgumentException(
          "the store's documents must be a multiple of the patient's, got "
              + storeDocuments
              + " and "
              + patientDocuments);
    }
    long started = System.nanoTime();
    PatientRecord targetRecord =
        store
            .patient(target.value())
            .orElseThrow(() -> new IllegalArgumentException("no record for the target patient"));
    int others = storeDocuments - patientDocuments;
    List<PatientRecord> patients = new ArrayList<>();
    for (int i = 0; i < Math.min(OTHER_PATIENTS, others); i++) {
      PatientRecord record =
          new PatientRecord(
              generatedIns(i),
              "Patient" + i,
              "Test",
              i % 2 == 0 ? "M" : "F",
              LocalDate.of(1950, 1, 1).plusDays(i % 20_000),
              SpaceState.ACTIVE);
      store.add(record);
      patients.add(record);
    }
    List<DocumentType> types = DocumentType.values();
    IdGenerator ids = new IdGenerator(seed);
    SplittableRandom random = new SplittableRandom(seed);
    MessageDigest sha1 = digest("SHA-1");
    MessageDigest sha256 = digest("SHA-256");
    Base64.Encoder base64 = Base64.getEncoder();
    int stride = storeDocuments / patientDocuments;
    String newest = "";
    for (int k = 0; k < storeDocuments; k++) {
      boolean theirs = k % stride == 0;
      PatientRecord record =
          theirs ? targetRecord : patients.get((k - k / stride - 1) % patients.size());
      byte[] content = new byte[CONTENT_BYTES];
      random.nextBytes(content);
      Instant date = FIRST_DEPOSIT.plus(Duration.ofSeconds(k));
      DocumentType type = types.get(k % types.size());
      StoredDocument document =
          new StoredDocument(
              ids.next("doc-"),
              ids.next("bin-"),
              ids.next("list-"),
              store.nextSequence(),
              PRODUCER_OID + k,
              type,
              Set.of(),
              "current",
              false,
              author.value(),
              ProfessionalId.SYSTEM,
              "text/plain",
              content,
              base64.encodeToString(sha1.digest(content)),
              base64.encodeToString(sha256.digest(content)),
              TITLES[k % TITLES.length],
              date,
              date,
              1,
              date,
              null,
              null);
      String insValue = record.ins().value();
      if (store
          .claimMasterIdentifier(
              document.masterIdentifier(), new Store.Location(insValue, document.id()))
          .isPresent()) {
        throw new IllegalStateException("producer id claimed twice");
      }
      Lock lock = record.lock().writeLock();
      lock.lock();
      try {
        record.add(document);
        store.index(document, insValue);
      } finally {
        lock.unlock();
      }
      if (theirs) {
        newest = document.id();
      }
    }
    return new Loaded(store.patientCount(), storeDocuments, newest, System.nanoTime() - started);
  }

  /**
   * The {@code i}-th generated INS: {@code 1 85 06 75} then six digits of {@code i}, then its key
   * (97 − (N mod 97)); no fixture starts so.
   */
  static Ins generatedIns(int i) {
    if (i < 0 || i > 999_999) {
      throw new IllegalArgumentException("at most a million generated patients");
    }
    long body = 1_850_675_000_000L + i;
    int key = (int) (97 - body % 97);
    return Ins.of(body + String.format(Locale.ROOT, "%02d", key), InsSystem.TEST_NIR);
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm, e);
    }
  }
}
