package io.mes4j.mockserver.internal.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The in-memory state, partitioned by patient: a patient's data are found by their INS value in one
 * map look-up, never by scanning. Global indexes map a document, a binary or a producer's unique id
 * to its patient, for reads by identifier and for idempotent deposits (DOC-2).
 */
public final class Store {
  /** Where a document lives: its patient and its id. */
  public record Location(String insValue, String documentId) {}

  private final Map<String, PatientRecord> patients = new ConcurrentHashMap<>();
  private final Map<String, Location> documents = new ConcurrentHashMap<>();
  private final Map<String, Location> binaries = new ConcurrentHashMap<>();
  private final Map<String, Location> masterIdentifiers = new ConcurrentHashMap<>();
  private final Map<String, String> profileItems = new ConcurrentHashMap<>();
  private final Map<String, String> consents = new ConcurrentHashMap<>();
  private final Map<String, String> messaging = new ConcurrentHashMap<>();
  private final Map<String, String> invitations = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Directory directory = new Directory();
  private final Map<Class<?>, Object> parts = new ConcurrentHashMap<>();

  /**
   * A part of this state kept by another package (such as the agenda's book), made by {@code make}
   * on first use: a reset or an import, which make a new store, start a new part too.
   */
  public <T> T part(Class<T> type, java.util.function.Supplier<T> make) {
    return type.cast(parts.computeIfAbsent(type, k -> make.get()));
  }

  /** The last sequence number given (fixtures export). */
  public long sequence() {
    return sequence.get();
  }

  /** Sets the last sequence number given (fixtures import, before any use). */
  public void sequence(long value) {
    sequence.set(value);
  }

  public Directory directory() {
    return directory;
  }

  public void add(PatientRecord record) {
    patients.put(record.ins().value(), record);
  }

  /**
   * Every record: for scheduling the fixtures' clock-driven rules at start-up only, never a query.
   */
  public java.util.Collection<PatientRecord> all() {
    return java.util.List.copyOf(patients.values());
  }

  public Optional<PatientRecord> patient(String insValue) {
    return Optional.ofNullable(patients.get(insValue));
  }

  public Optional<Location> document(String id) {
    return Optional.ofNullable(documents.get(id));
  }

  public Optional<Location> binary(String id) {
    return Optional.ofNullable(binaries.get(id));
  }

  /**
   * Claims a producer's unique id for a document; returns the existing location if another deposit
   * already claimed it.
   */
  public Optional<Location> claimMasterIdentifier(String masterIdentifier, Location location) {
    return Optional.ofNullable(masterIdentifiers.putIfAbsent(masterIdentifier, location));
  }

  public void releaseMasterIdentifier(String masterIdentifier, Location location) {
    masterIdentifiers.remove(masterIdentifier, location);
  }

  /** Indexes a document stored in its patient's record (call under that record's write lock). */
  public void index(StoredDocument document, String insValue) {
    Location location = new Location(insValue, document.id());
    documents.put(document.id(), location);
    binaries.put(document.binaryId(), location);
  }

  /** Indexes a consent by id to its patient's INS value. */
  public void indexConsent(String consentId, String insValue) {
    consents.put(consentId, insValue);
  }

  /** The INS value of the patient whose consent this is. */
  public Optional<String> consentPatient(String consentId) {
    return Optional.ofNullable(consents.get(consentId));
  }

  /** Indexes a medical profile item by id to its patient's INS value. */
  public void indexProfileItem(String itemId, String insValue) {
    profileItems.put(itemId, insValue);
  }

  /** The INS value of the patient whose profile holds this item. */
  public Optional<String> profileItem(String itemId) {
    return Optional.ofNullable(profileItems.get(itemId));
  }

  /** Indexes a conversation or message id (MSG-1 to MSG-5) to its patient's INS value. */
  public void indexMessaging(String id, String insValue) {
    messaging.put(id, insValue);
  }

  /** The INS value of the patient whose mailbox holds this conversation or message. */
  public Optional<String> messagingPatient(String id) {
    return Optional.ofNullable(messaging.get(id));
  }

  /** Indexes an invitation (ES-6) to the minor's INS value. */
  public void indexInvitation(String id, String insValue) {
    invitations.put(id, insValue);
  }

  /** The INS value of the minor an invitation is about. */
  public Optional<String> invitationPatient(String id) {
    return Optional.ofNullable(invitations.get(id));
  }

  public long nextSequence() {
    return sequence.incrementAndGet();
  }

  public int patientCount() {
    return patients.size();
  }
}
