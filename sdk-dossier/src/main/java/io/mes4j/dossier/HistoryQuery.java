package io.mes4j.dossier;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What part of a dossier's activity history to read (AU-2): a patient, an optional date range, an
 * optional actor type, a page size. The holder and the médecin traitant see every trace, a
 * professional only their own.
 */
public final class HistoryQuery {
  private final Ins patient;
  private final @Nullable Instant from;
  private final @Nullable Instant to;
  private final @Nullable ActorType actorType;
  private final int pageSize;

  private HistoryQuery(Builder b) {
    this.actorType = b.actorType;
    this.patient = b.patient;
    this.from = b.from;
    this.to = b.to;
    this.pageSize = b.pageSize;
  }

  /** A builder for this patient's history. */
  public static Builder forPatient(Ins patient) {
    return new Builder(patient);
  }

  /** The patient. */
  public Ins patient() {
    return patient;
  }

  /** The lower bound (inclusive), if any. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** The upper bound (inclusive), if any. */
  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  /** The actor type the traces are restricted to (AU-2), if any. */
  public Optional<ActorType> actorType() {
    return Optional.ofNullable(actorType);
  }

  /** Traces a page. */
  public int pageSize() {
    return pageSize;
  }

  /** Builds a {@link HistoryQuery}. */
  public static final class Builder {
    private final Ins patient;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private @Nullable ActorType actorType;
    private int pageSize = 50;

    private Builder(Ins patient) {
      if (patient == null) {
        throw new InvalidValueException("patient is required");
      }
      this.patient = patient;
    }

    /** Traces recorded at or after this instant. */
    public Builder from(Instant from) {
      this.from = from;
      return this;
    }

    /** Traces recorded at or before this instant. */
    public Builder to(Instant to) {
      this.to = to;
      return this;
    }

    /** Only the traces of actors of this type, e.g. {@link ActorType#HEALTHCARE_PROFESSIONAL}. */
    public Builder actorType(ActorType actorType) {
      if (actorType == null) {
        throw new InvalidValueException("actorType must not be null");
      }
      this.actorType = actorType;
      return this;
    }

    /** Traces a page, 1 to 100. */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw new InvalidValueException("pageSize must be between 1 and 100, was " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Validates and builds. */
    public HistoryQuery build() {
      if (from != null && to != null && to.isBefore(from)) {
        throw new InvalidValueException("the date range ends before it starts");
      }
      return new HistoryQuery(this);
    }
  }
}
