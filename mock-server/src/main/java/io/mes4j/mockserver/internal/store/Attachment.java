package io.mes4j.mockserver.internal.store;

import java.time.Instant;

/**
 * A minor's profile attached to a legal representative's account (ES-6): {@link Status#WAITING}
 * until the other parent's agreement is recorded (choice), then {@link Status#ATTACHED}.
 *
 * @param representative the representative's INS value
 * @param status where the attachment stands
 * @param since when it reached this status
 */
public record Attachment(String representative, Status status, Instant since) {
  /** Where an attachment stands. */
  public enum Status {
    WAITING,
    ATTACHED
  }
}
