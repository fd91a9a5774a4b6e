package io.mes4j.agenda;

import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Ins;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which appointments of a patient to list (AG-1): those starting in {@code [from, to)}, of some
 * statuses, a page at a time, earliest first.
 *
 * <pre>{@code
 * AppointmentQuery query = AppointmentQuery.builder(ins)
 *     .from(Instant.parse("2026-12-01T00:00:00Z"))
 *     .to(Instant.parse("2027-01-01T00:00:00Z"))
 *     .statuses(AppointmentStatus.BOOKED)
 *     .build();
 * }</pre>
 */
public final class AppointmentQuery {
  /** The default page size. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** The largest page size. */
  public static final int MAX_PAGE_SIZE = 100;

  private final Ins patient;
  private final @Nullable Instant from;
  private final @Nullable Instant to;
  private final Set<AppointmentStatus> statuses;
  private final int pageSize;

  private AppointmentQuery(Builder b) {
    this.patient = b.patient;
    this.from = b.from;
    this.to = b.to;
    this.statuses = Set.copyOf(b.statuses);
    this.pageSize = b.pageSize;
  }

  /** A query of {@code patient}'s appointments; without bounds, all of them. */
  public static Builder builder(Ins patient) {
    return new Builder(patient);
  }

  /** The patient whose appointments are asked for. */
  public Ins patient() {
    return patient;
  }

  /** Appointments starting at or after this instant. */
  public Optional<Instant> from() {
    return Optional.ofNullable(from);
  }

  /** Appointments starting before this instant. */
  public Optional<Instant> to() {
    return Optional.ofNullable(to);
  }

  /** The statuses asked for; empty means every status. */
  public Set<AppointmentStatus> statuses() {
    return statuses;
  }

  /** How many appointments a page holds at most. */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public String toString() {
    return "AppointmentQuery[" + from + ", " + to + ", " + statuses + ", " + pageSize + "]";
  }

  /** Builds an {@link AppointmentQuery}. */
  public static final class Builder {
    private final Ins patient;
    private @Nullable Instant from;
    private @Nullable Instant to;
    private final Set<AppointmentStatus> statuses = EnumSet.noneOf(AppointmentStatus.class);
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder(Ins patient) {
      this.patient = Objects.requireNonNull(patient, "patient");
    }

    /** Appointments starting at or after {@code from}. */
    public Builder from(Instant from) {
      this.from = Objects.requireNonNull(from, "from");
      return this;
    }

    /** Appointments starting before {@code to}. */
    public Builder to(Instant to) {
      this.to = Objects.requireNonNull(to, "to");
      return this;
    }

    /** Only these statuses (cumulative). */
    public Builder statuses(AppointmentStatus... statuses) {
      for (AppointmentStatus status : statuses) {
        this.statuses.add(Objects.requireNonNull(status, "status"));
      }
      return this;
    }

    /**
     * Appointments per page, 1 to {@value #MAX_PAGE_SIZE}; {@value #DEFAULT_PAGE_SIZE} by default.
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The query.
     *
     * @throws InvalidValueException if {@code to} is not after {@code from}, or the page size is
     *     out of range
     */
    public AppointmentQuery build() {
      if (from != null && to != null && !to.isAfter(from)) {
        throw new InvalidValueException("the end of the range must be after its start");
      }
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new InvalidValueException("the page size must be from 1 to " + MAX_PAGE_SIZE);
      }
      return new AppointmentQuery(this);
    }
  }
}
