package io.mes4j.mockserver.internal.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The conversations of one dossier and their messages (MSG-1 to MSG-5), in recording order. Part of
 * its {@link PatientRecord} and guarded by that record's lock.
 */
public final class Mailbox {
  private final List<StoredConversation> conversations = new ArrayList<>();
  private final Map<String, Integer> conversationIndex = new HashMap<>();
  private final Map<String, List<String>> threads = new HashMap<>();
  private final Map<String, StoredMessage> messages = new HashMap<>();

  /** Conversations, oldest first. */
  public List<StoredConversation> conversations() {
    return Collections.unmodifiableList(conversations);
  }

  public @Nullable StoredConversation conversation(String id) {
    Integer index = conversationIndex.get(id);
    return index == null ? null : conversations.get(index);
  }

  public @Nullable StoredMessage message(String id) {
    return messages.get(id);
  }

  /** The messages of a conversation, oldest first. */
  public List<StoredMessage> thread(String conversationId) {
    List<String> ids = threads.getOrDefault(conversationId, List.of());
    List<StoredMessage> thread = new ArrayList<>(ids.size());
    for (String id : ids) {
      thread.add(messages.get(id));
    }
    return thread;
  }

  /** Starts a conversation with its first message (whose id is the conversation's). */
  public void start(StoredConversation conversation, StoredMessage first) {
    conversationIndex.put(conversation.id(), conversations.size());
    conversations.add(conversation);
    threads.put(conversation.id(), new ArrayList<>());
    add(first);
  }

  /** Adds a message to its (existing) conversation. */
  public void add(StoredMessage message) {
    List<String> thread = threads.get(message.conversationId());
    if (thread == null) {
      throw new IllegalArgumentException("unknown conversation " + message.conversationId());
    }
    thread.add(message.id());
    messages.put(message.id(), message);
  }

  public void replace(StoredConversation conversation) {
    Integer index = conversationIndex.get(conversation.id());
    if (index == null) {
      throw new IllegalArgumentException("unknown conversation " + conversation.id());
    }
    conversations.set(index, conversation);
  }

  public void replace(StoredMessage message) {
    if (!messages.containsKey(message.id())) {
      throw new IllegalArgumentException("unknown message " + message.id());
    }
    messages.put(message.id(), message);
  }

  @Override
  public String toString() {
    return "Mailbox[" + conversations.size() + " conversation(s)]";
  }
}
