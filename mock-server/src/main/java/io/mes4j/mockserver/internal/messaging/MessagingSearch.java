package io.mes4j.mockserver.internal.messaging;

import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.http.HttpError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A parsed search of {@code Communication}: the conversations of a dossier ({@code
 * patient.identifier}, optionally {@code status} and {@code unread-first}), or the messages of one
 * conversation ({@code conversation}); {@code _count} 1 to {@value #MAX_COUNT}, default {@value
 * #DEFAULT_COUNT}. Immutable: a page cursor keeps it to run it again for the next pages.
 *
 * @param closed {@code true} for closed conversations only, {@code false} for open ones, null for
 *     both
 */
record MessagingSearch(
    @Nullable Ins patient,
    @Nullable String conversationId,
    @Nullable Boolean closed,
    boolean unreadFirst,
    int count) {
  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 100;
  private static final Set<String> KNOWN =
      Set.of("patient.identifier", "conversation", "status", "unread-first", "_count");

  /** Whether this lists conversations (rather than the messages of one). */
  boolean listsConversations() {
    return conversationId == null;
  }

  static MessagingSearch parse(Map<String, List<String>> params) {
    for (String name : params.keySet()) {
      if (!KNOWN.contains(name)) {
        throw HttpError.badRequest("Unsupported search parameter " + name);
      }
    }
    String token = one(params, "patient.identifier");
    String conversation = one(params, "conversation");
    if ((token == null) == (conversation == null)) {
      throw HttpError.badRequest(
          "Give exactly one of patient.identifier (a dossier's conversations) and conversation"
              + " (the messages of one)");
    }
    Ins patient = null;
    if (token != null) {
      int bar = token.indexOf('|');
      if (bar < 0) {
        throw HttpError.badRequest("Parameter patient.identifier must be <system>|<INS>");
      }
      patient = CommunicationReader.ins(token.substring(0, bar), token.substring(bar + 1));
    } else if (conversation.isBlank()) {
      throw HttpError.badRequest("Parameter conversation must not be empty");
    }
    String status = one(params, "status");
    String unread = one(params, "unread-first");
    if (conversation != null && (status != null || unread != null)) {
      throw HttpError.badRequest(
          "status and unread-first apply to a list of conversations (patient.identifier)");
    }
    Boolean closed =
        switch (status == null ? "" : status) {
          case "" -> null;
          case "in-progress" -> Boolean.FALSE;
          case "completed" -> Boolean.TRUE;
          default -> throw HttpError.badRequest("status must be in-progress or completed");
        };
    boolean unreadFirst =
        switch (unread == null ? "false" : unread) {
          case "true" -> true;
          case "false" -> false;
          default -> throw HttpError.badRequest("unread-first must be true or false");
        };
    int count = DEFAULT_COUNT;
    String countText = one(params, "_count");
    if (countText != null) {
      try {
        count = Integer.parseInt(countText);
      } catch (NumberFormatException e) {
        count = -1;
      }
      if (count < 1 || count > MAX_COUNT) {
        throw HttpError.badRequest("Parameter _count must be an integer from 1 to " + MAX_COUNT);
      }
    }
    return new MessagingSearch(patient, conversation, closed, unreadFirst, count);
  }

  private static @Nullable String one(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw HttpError.badRequest("Parameter " + name + " may be given only once");
    }
    return values.get(0);
  }

  @Override
  public String toString() {
    return "MessagingSearch["
        + (patient == null ? "conversation" : "<redacted>")
        + ", "
        + count
        + "]";
  }
}
