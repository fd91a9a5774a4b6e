package io.mes4j.mockserver.internal.policy;

import io.mes4j.mockserver.internal.Cause;

/**
 * The messaging rules (MSG-1 to MSG-5), as the {@link PolicyDecisionPoint} applies them once the
 * space is known to be {@code ACTIVE} (ES-4).
 *
 * <p>A conversation has two sides: the professional or establishment who started it, and the
 * holder's side, which is the holder of an adult's dossier or the legal representative of a minor's
 * (MSG-5). Anyone else asking about a conversation by id learns nothing of it: {@code not-found},
 * as for a hidden document.
 */
final class MessagingPolicy {
  private MessagingPolicy() {}

  static Decision decide(
      Actor actor, Action action, Target.Conversation conversation, SpaceContext space) {
    return switch (actor.kind()) {
      case PATIENT -> holderSide(action, conversation, space);
      case PROFESSIONAL, ESTABLISHMENT -> starterSide(actor, action, conversation);
      default -> Decision.deny(Cause.FORBIDDEN, "This actor may not use the messaging");
    };
  }

  private static Decision holderSide(
      Action action, Target.Conversation conversation, SpaceContext space) {
    // MSG-1: only professionals and establishments start a conversation; the holder replies.
    if (action == Action.START_CONVERSATION) {
      return Decision.deny(
          Cause.HOLDER_CANNOT_START,
          "A holder cannot start a conversation; they reply inside one a professional started"
              + " (MSG-1)");
    }
    // MSG-5: a minor's conversations are read and answered by the representative; ES-6: a
    // representative's access ends at 18.
    boolean minor = conversation.minorDossier();
    if (minor && space.holder()) {
      return Decision.deny(
          Cause.FORBIDDEN,
          "A minor's conversations are read and answered by their legal representative (MSG-5)");
    }
    boolean participant = minor ? space.representative() : space.holder();
    if (!participant) {
      return action == Action.SEARCH_CONVERSATIONS
          ? Decision.deny(Cause.FORBIDDEN, "A patient may read only their own conversations")
          : hidden();
    }
    return switch (action) {
      case SEARCH_CONVERSATIONS, READ_MESSAGES, FILE_ATTACHMENT -> Decision.PERMIT;
      case SEND_MESSAGE -> open(conversation);
      case MARK_MESSAGE_READ -> recipient(conversation, true);
      case CLOSE_CONVERSATION ->
          Decision.deny(
              Cause.FORBIDDEN,
              "Only the professional who started a conversation closes it (MSG-2)");
      default -> throw new IllegalArgumentException("not a messaging action: " + action);
    };
  }

  private static Decision starterSide(
      Actor actor, Action action, Target.Conversation conversation) {
    switch (action) {
      case START_CONVERSATION, SEARCH_CONVERSATIONS -> {
        // MSG-1: no authorisation is needed to write to a holder (choice, as for a deposit); a
        // list holds only the caller's own conversations.
        return Decision.PERMIT;
      }
      default -> {
        // Another professional's conversation with the same holder does not exist for the caller.
        if (!actor.id().equals(conversation.starterId())) {
          return hidden();
        }
        return switch (action) {
          case READ_MESSAGES, CLOSE_CONVERSATION -> Decision.PERMIT;
          case SEND_MESSAGE -> open(conversation);
          case MARK_MESSAGE_READ -> recipient(conversation, false);
          case FILE_ATTACHMENT ->
              Decision.deny(
                  Cause.HOLDER_ONLY,
                  "Only the holder (or a minor's representative) files an attachment into the"
                      + " dossier (MSG-3)");
          default -> throw new IllegalArgumentException("not a messaging action: " + action);
        };
      }
    }
  }

  // MSG-2: a closed conversation takes no new message, from either side (choice for the
  // professional's side: closing is final).
  private static Decision open(Target.Conversation conversation) {
    return conversation.closed()
        ? Decision.deny(
            Cause.CONVERSATION_CLOSED,
            "The conversation was closed by the professional; no message may be added (MSG-2)")
        : Decision.PERMIT;
  }

  // MSG-4: read status belongs to the recipient of a message.
  private static Decision recipient(Target.Conversation conversation, boolean holderSide) {
    Boolean fromHolderSide = conversation.messageFromHolderSide();
    if (fromHolderSide == null || fromHolderSide == holderSide) {
      return Decision.deny(Cause.FORBIDDEN, "Only the recipient of a message marks it read");
    }
    return Decision.PERMIT;
  }

  private static Decision hidden() {
    return Decision.deny(Cause.NOT_FOUND, "Not found");
  }
}
