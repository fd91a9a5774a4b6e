package io.mes4j.messaging;

import io.mes4j.core.error.InvalidValueException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to list a holder's conversations: latest activity first, or those with unread messages first
 * (MSG-4); open, closed or both; a page size.
 *
 * <pre>{@code
 * ConversationQuery query = ConversationQuery.builder().unreadFirst(true).pageSize(10).build();
 * }</pre>
 */
public final class ConversationQuery {
  /** The default page size. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** The largest page size. */
  public static final int MAX_PAGE_SIZE = 100;

  private final boolean unreadFirst;
  private final @Nullable ConversationStatus status;
  private final int pageSize;

  private ConversationQuery(Builder builder) {
    this.unreadFirst = builder.unreadFirst;
    this.status = builder.status;
    this.pageSize = builder.pageSize;
  }

  /** Every conversation, latest activity first, {@value #DEFAULT_PAGE_SIZE} per page. */
  public static ConversationQuery all() {
    return builder().build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether conversations with unread messages come first. */
  public boolean unreadFirst() {
    return unreadFirst;
  }

  /** Only the conversations of this status; empty for both. */
  public Optional<ConversationStatus> status() {
    return Optional.ofNullable(status);
  }

  /** The page size. */
  public int pageSize() {
    return pageSize;
  }

  @Override
  public String toString() {
    return "ConversationQuery[unreadFirst="
        + unreadFirst
        + ", status="
        + status
        + ", pageSize="
        + pageSize
        + "]";
  }

  /** Builds a {@link ConversationQuery}. */
  public static final class Builder {
    private boolean unreadFirst;
    private @Nullable ConversationStatus status;
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {}

    /** Conversations with unread messages first (then latest activity first). */
    public Builder unreadFirst(boolean unreadFirst) {
      this.unreadFirst = unreadFirst;
      return this;
    }

    /** Only open, or only closed, conversations. */
    public Builder status(ConversationStatus status) {
      this.status = Objects.requireNonNull(status, "status");
      return this;
    }

    /** The page size, 1 to {@value ConversationQuery#MAX_PAGE_SIZE}. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /**
     * The query.
     *
     * @throws InvalidValueException if the page size is out of range
     */
    public ConversationQuery build() {
      if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new InvalidValueException(
            "the page size must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
      }
      return new ConversationQuery(this);
    }
  }
}
