package io.mes4j.mockserver.internal.store;

import io.mes4j.core.code.SpaceState;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.internal.policy.HolderSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * One patient's partition of the store: identity, space state, consents and settings, documents and
 * traces. Everything but the traces is guarded by {@link #lock()}: read under the read lock, change
 * under the write lock. A query about one patient never touches another patient's record.
 */
public final class PatientRecord {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Ins ins;
  private final String familyName;
  private final String givenName;
  private final String sex;
  private final LocalDate birthDate;

  private SpaceState state;
  private HolderSettings settings = HolderSettings.DEFAULTS;
  private @Nullable String medecinTraitant;
  private final Set<String> authorised = new HashSet<>();
  private final Set<String> blocked = new HashSet<>();
  private final Set<String> sameRights = new HashSet<>();
  private final Set<String> depositOpposed = new HashSet<>();
  private final Set<String> representatives = new HashSet<>();

  private final List<StoredDocument> documents = new ArrayList<>();
  private final Map<String, Integer> documentIndex = new HashMap<>();
  private final List<TraceRecord> traces = new ArrayList<>();
  private final Map<String, Integer> profileIndex = new HashMap<>();
  private final List<StoredProfileItem> profileItems = new ArrayList<>();
  private final List<ConsentRecord> consents = new ArrayList<>();
  private final Map<String, Integer> consentIndex = new HashMap<>();

  private Mailbox mailbox = new Mailbox();

  // ES-1 to ES-6: the space's lifecycle.
  private @Nullable String resourceId;
  private @Nullable Instant announcedAt;
  private @Nullable Instant closedAt;
  private boolean catalogueConsentsToReapprove;
  private final Map<String, Attachment> attachments = new LinkedHashMap<>();
  private final List<Invitation> invitations = new ArrayList<>();

  private final Set<Notification.Kind> silencedNotifications =
      Collections.synchronizedSet(EnumSet.noneOf(Notification.Kind.class));

  private volatile long spaceGeneration;

  public PatientRecord(
      Ins ins,
      String familyName,
      String givenName,
      String sex,
      LocalDate birthDate,
      SpaceState state) {
    this.ins = ins;
    this.familyName = familyName;
    this.givenName = givenName;
    this.sex = sex;
    this.birthDate = birthDate;
    this.state = state;
  }

  public ReentrantReadWriteLock lock() {
    return lock;
  }

  public Ins ins() {
    return ins;
  }

  public String displayName() {
    return givenName + " " + familyName;
  }

  /** The family name (fixtures export; never logged). */
  public String familyName() {
    return familyName;
  }

  /** The given name (fixtures export; never logged). */
  public String givenName() {
    return givenName;
  }

  public String sex() {
    return sex;
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  public SpaceState state() {
    return state;
  }

  public void state(SpaceState state) {
    this.state = state;
  }

  public HolderSettings settings() {
    return settings;
  }

  public void settings(HolderSettings settings) {
    this.settings = settings;
  }

  public @Nullable String medecinTraitant() {
    return medecinTraitant;
  }

  public void medecinTraitant(@Nullable String idNatPs) {
    this.medecinTraitant = idNatPs;
  }

  /** Professionals authorised by the holder (CON-1), by idNat_PS. */
  public Set<String> authorised() {
    return authorised;
  }

  /** Professionals blocked by the holder (CON-2). */
  public Set<String> blocked() {
    return blocked;
  }

  /** Professionals given the médecin traitant's rights (CON-3). */
  public Set<String> sameRights() {
    return sameRights;
  }

  /** Professionals whose deposits the holder opposed (DOC-1). */
  public Set<String> depositOpposed() {
    return depositOpposed;
  }

  /** Legal representatives, by INS value (ES-6). */
  public Set<String> representatives() {
    return representatives;
  }

  /**
   * The optional notices the holder silenced (AU-3 preferences {@code NOTIF_DOCUMENT}, {@code
   * NOTIF_MESSAGE}, {@code NOTIF_APPOINTMENT}); the emergency-access notice is never silenced.
   */
  public Set<Notification.Kind> silencedNotifications() {
    return silencedNotifications;
  }

  /** The dossier's conversations and messages (MSG-1 to MSG-5), guarded by {@link #lock()}. */
  public Mailbox mailbox() {
    return mailbox;
  }

  /** Documents in deposit order (oldest first). */
  public List<StoredDocument> documents() {
    return Collections.unmodifiableList(documents);
  }

  public @Nullable StoredDocument document(String id) {
    Integer index = documentIndex.get(id);
    return index == null ? null : documents.get(index);
  }

  public void add(StoredDocument document) {
    documentIndex.put(document.id(), documents.size());
    documents.add(document);
  }

  public void replace(StoredDocument document) {
    Integer index = documentIndex.get(document.id());
    if (index == null) {
      throw new IllegalArgumentException("unknown document " + document.id());
    }
    documents.set(index, document);
  }

  /** Consents in recording order (oldest first), inactive ones kept (CON-1 to CON-5). */
  public List<ConsentRecord> consents() {
    return Collections.unmodifiableList(consents);
  }

  public @Nullable ConsentRecord consent(String id) {
    Integer index = consentIndex.get(id);
    return index == null ? null : consents.get(index);
  }

  /** Adds a consent; use {@link ConsentBook}, which keeps the policy's views in step. */
  void add(ConsentRecord consent) {
    consentIndex.put(consent.id(), consents.size());
    consents.add(consent);
  }

  void replace(ConsentRecord consent) {
    Integer index = consentIndex.get(consent.id());
    if (index == null) {
      throw new IllegalArgumentException("unknown consent " + consent.id());
    }
    consents.set(index, consent);
  }

  /** Medical profile items (PRO-1) in recording order (oldest first), removed ones kept. */
  public List<StoredProfileItem> profileItems() {
    return Collections.unmodifiableList(profileItems);
  }

  public @Nullable StoredProfileItem profileItem(String id) {
    Integer index = profileIndex.get(id);
    return index == null ? null : profileItems.get(index);
  }

  public void add(StoredProfileItem item) {
    profileIndex.put(item.id(), profileItems.size());
    profileItems.add(item);
  }

  public void replace(StoredProfileItem item) {
    Integer index = profileIndex.get(item.id());
    if (index == null) {
      throw new IllegalArgumentException("unknown profile item " + item.id());
    }
    profileItems.set(index, item);
  }

  /**
   * A snapshot of the traces in recording order (oldest first). Traces have their own monitor, so
   * that a read holding the read lock can still record its trace.
   */
  public List<TraceRecord> traces() {
    synchronized (traces) {
      return List.copyOf(traces);
    }
  }

  public void add(TraceRecord trace) {
    synchronized (traces) {
      traces.add(trace);
    }
  }

  /** Whether the holder is under 18 at {@code now} (UTC, on the server clock; ES-6). */
  public boolean minorAt(Instant now) {
    return birthDate.plusYears(18).isAfter(LocalDate.ofInstant(now, ZoneOffset.UTC));
  }

  /** The instant of the holder's 18th birthday (00:00 UTC), when representatives lose access. */
  public Instant majority() {
    return birthDate.plusYears(18).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /**
   * The opaque id of the {@code Patient} that the status search answers (never derived from the
   * INS, which stays out of URLs); null until first asked.
   */
  public @Nullable String resourceId() {
    return resourceId;
  }

  public void resourceId(String id) {
    this.resourceId = id;
  }

  /** When the space's creation was announced (ES-2), which opens the opposition window. */
  public @Nullable Instant announcedAt() {
    return announcedAt;
  }

  public void announcedAt(@Nullable Instant at) {
    this.announcedAt = at;
  }

  /** When the space was closed (ES-5), which starts the 10-year archive. */
  public @Nullable Instant closedAt() {
    return closedAt;
  }

  public void closedAt(@Nullable Instant at) {
    this.closedAt = at;
  }

  /**
   * Whether the holder, now of age, must approve every catalogue consent again (ES-6); set at the
   * 18th birthday, until the catalogue (its own issue) exists to act on it.
   */
  public boolean catalogueConsentsToReapprove() {
    return catalogueConsentsToReapprove;
  }

  public void catalogueConsentsToReapprove(boolean value) {
    this.catalogueConsentsToReapprove = value;
  }

  /** A minor's attachments to a representative's account, by the representative's INS (ES-6). */
  public Map<String, Attachment> attachments() {
    return attachments;
  }

  /** The invitations of a second representative to a minor's profile, oldest first (ES-6). */
  public List<Invitation> invitations() {
    return invitations;
  }

  public @Nullable Invitation invitation(String id) {
    for (Invitation invitation : invitations) {
      if (invitation.id().equals(id)) {
        return invitation;
      }
    }
    return null;
  }

  /** Replaces an invitation by its new status (same id). */
  public void replace(Invitation invitation) {
    for (int i = 0; i < invitations.size(); i++) {
      if (invitations.get(i).id().equals(invitation.id())) {
        invitations.set(i, invitation);
        return;
      }
    }
    throw new IllegalArgumentException("unknown invitation " + invitation.id());
  }

  /**
   * ES-5: purges the dossier for good (call under the write lock): documents, medical profile,
   * consents and settings, conversations, representatives and invitations. The traces stay (AU-2:
   * never altered); the identity stays, so that a new space may be opened for the same INS, empty.
   */
  public void purge() {
    spaceGeneration++;
    documents.clear();
    documentIndex.clear();
    profileItems.clear();
    profileIndex.clear();
    consents.clear();
    consentIndex.clear();
    authorised.clear();
    blocked.clear();
    sameRights.clear();
    depositOpposed.clear();
    representatives.clear();
    attachments.clear();
    invitations.clear();
    medecinTraitant = null;
    settings = HolderSettings.DEFAULTS;
    silencedNotifications.clear();
    mailbox = new Mailbox();
    catalogueConsentsToReapprove = false;
  }

  /**
   * Which space of this person the record holds now: it changes with every {@link #purge()}, so
   * that data kept outside the record (the agenda) can tell a new space from the old one.
   */
  public long spaceGeneration() {
    return spaceGeneration;
  }

  /** Sets which space of this person the record holds (fixtures import, before any use). */
  public void spaceGeneration(long generation) {
    this.spaceGeneration = generation;
  }

  /**
   * Adds a consent as it was stored, without touching the policy's views (fixtures import, which
   * restores the views as they were saved).
   */
  public void restore(ConsentRecord consent) {
    add(consent);
  }

  @Override
  public String toString() {
    return "PatientRecord[redacted, " + state + "]";
  }
}
