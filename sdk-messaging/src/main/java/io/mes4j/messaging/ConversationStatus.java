package io.mes4j.messaging;

/** Whether a conversation still takes messages (MSG-2). */
public enum ConversationStatus {
  /** Open: both sides may write ({@code in-progress} on the wire). */
  OPEN,
  /** Closed by the professional who started it: nobody may write ({@code completed}). */
  CLOSED
}
