package io.mes4j.mockserver.internal.agenda;

import io.mes4j.mockserver.internal.store.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The agenda data of one server state (a reset starts a new book), partitioned by patient: a
 * patient's {@link PatientAgenda} is found by INS value in one look-up, and an id index maps each
 * appointment, reminder and calendar item id to its patient. A patient's agenda is guarded by that
 * patient's record lock, as the rest of their dossier.
 */
final class AgendaBook {
  /** The statuses of an appointment (AG-1), with their FHIR codes. */
  enum Status {
    BOOKED("booked"),
    CANCELLED("cancelled"),
    FULFILLED("fulfilled"),
    NO_SHOW("noshow");

    private final String code;

    Status(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }

    static @Nullable Status fromCode(String code) {
      for (Status status : values()) {
        if (status.code.equals(code)) {
          return status;
        }
      }
      return null;
    }
  }

  /** The statuses of a prevention calendar item (AG-3). */
  enum PreventionStatus {
    TO_PLAN,
    DONE,
    NOT_DONE,
    NOT_SPECIFIED;

    static @Nullable PreventionStatus fromCode(String code) {
      for (PreventionStatus status : values()) {
        if (status.name().equals(code)) {
          return status;
        }
      }
      return null;
    }
  }

  /** Who booked an appointment: the actor's identifier system, id and AU-1 actor type. */
  record Booker(String system, String id, String actorType) {}

  /** A stored appointment; replaced as a whole on each change. */
  record Appointment(
      String id,
      String insValue,
      String insSystem,
      Instant start,
      Instant end,
      Status status,
      @Nullable String professional,
      @Nullable String establishment,
      @Nullable String description,
      Booker bookedBy,
      Instant created,
      int version,
      Instant lastUpdated) {

    Appointment withStatus(Status next, Instant now) {
      return new Appointment(
          id,
          insValue,
          insSystem,
          start,
          end,
          next,
          professional,
          establishment,
          description,
          bookedBy,
          created,
          version + 1,
          now);
    }
  }

  /** A personal reminder (AG-2); {@code removed} ones stay, for history, out of searches. */
  record Reminder(
      String id,
      String insValue,
      String insSystem,
      String title,
      Instant at,
      @Nullable String note,
      String author,
      String authorSystem,
      boolean removed,
      int version,
      Instant authoredOn,
      Instant lastUpdated) {}

  /** What the holder recorded of a calendar item (AG-3). */
  record Recorded(PreventionStatus status, @Nullable LocalDate date, int version, Instant at) {}

  /** One patient's agenda. */
  static final class PatientAgenda {
    /** The space this agenda belongs to: a purge of the dossier starts a new one (ES-5). */
    final long space;

    PatientAgenda(long space) {
      this.space = space;
    }

    final Map<String, Appointment> appointments = new LinkedHashMap<>();
    final Map<String, Reminder> reminders = new LinkedHashMap<>();

    /** Calendar line id to its Task id, made on the first read of the calendar. */
    final Map<String, String> itemIds = new HashMap<>();

    /** Task id to its calendar line id. */
    final Map<String, String> lineOfItem = new HashMap<>();

    final Map<String, Recorded> recorded = new HashMap<>();

    List<Appointment> appointments() {
      return new ArrayList<>(appointments.values());
    }
  }

  private final Map<String, PatientAgenda> patients = new ConcurrentHashMap<>();
  private final Map<String, String> index = new ConcurrentHashMap<>();

  /**
   * The agenda of this patient's current space, made empty on first use and again after the dossier
   * was purged (opposition, deletion: nothing of a deleted space comes back, ES-5).
   */
  PatientAgenda of(PatientRecord patient) {
    long space = patient.spaceGeneration();
    return patients.compute(
        patient.ins().value(),
        (k, agenda) -> agenda != null && agenda.space == space ? agenda : new PatientAgenda(space));
  }

  /** The agenda of this patient's current space if it has one, without making it (export). */
  @Nullable PatientAgenda peek(PatientRecord patient) {
    PatientAgenda agenda = patients.get(patient.ins().value());
    return agenda != null && agenda.space == patient.spaceGeneration() ? agenda : null;
  }

  /** Indexes an appointment, reminder or calendar item id to its patient. */
  void index(String id, String insValue) {
    index.put(id, insValue);
  }

  /** The INS value of the patient an id belongs to. */
  Optional<String> patientOf(String id) {
    return Optional.ofNullable(index.get(id));
  }
}
