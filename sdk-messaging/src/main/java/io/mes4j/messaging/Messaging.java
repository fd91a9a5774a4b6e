package io.mes4j.messaging;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.identity.Finess;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.identity.InsSystem;
import io.mes4j.core.identity.ProfessionalId;
import io.mes4j.core.internal.ApiExecutor;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.core.internal.SearchForm;
import io.mes4j.messaging.internal.FhirMessaging;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Secure messaging between professionals (or establishments) and the holder of Mon espace santé
 * (MSG-1 to MSG-5).
 *
 * <p>A professional or an establishment starts a conversation with a holder (whose address is
 * {@code <INS>@patient.mssante.fr}), sends messages with attachments, and closes it; the holder
 * (or, for a minor, the legal representative) lists their conversations, reads the messages, marks
 * them read, replies while the conversation is open, and files an attachment into their dossier.
 * The server notifies the holder of each new message unless their preferences silence it, and
 * traces every send, read and filing.
 *
 * <p>Obtained from a shared {@link MesClient}; it holds no state of its own and is as thread-safe
 * and cheap as the client it wraps.
 *
 * <pre>{@code
 * // a doctor's software
 * Messaging doctor = Messaging.of(doctorClient);
 * Conversation conversation = doctor.startConversation(
 *     holderIns,
 *     "Résultats de votre bilan",
 *     Message.builder()
 *         .text("Bonjour, voici vos résultats.")
 *         .attach(MessageAttachment.of(pdf, "application/pdf", "Bilan sanguin"))
 *         .build());
 *
 * // the holder's application
 * Messaging holder = Messaging.of(holderClient);
 * for (Conversation c : holder.conversations(holderIns,
 *     ConversationQuery.builder().unreadFirst(true).build()).iterateAll()) {
 *   for (ConversationMessage m : holder.messages(c.id()).iterateAll()) {
 *     if (!m.isRead() && !m.sender().kind().equals(Participant.Kind.PATIENT)) {
 *       holder.markRead(m.id());
 *     }
 *   }
 * }
 * holder.reply(conversation.id(), Message.text("Merci, docteur."));
 * String documentId = holder.fileAttachment(
 *     conversation.id(), 0, DocumentType.LABORATORY_REPORT, "Bilan sanguin");
 * }</pre>
 *
 * <p>Every refusal is a typed exception of {@code io.mes4j.core.error}: {@code
 * HolderCannotStartException} (MSG-1), {@code ConversationClosedException} (MSG-2), {@code
 * UnsupportedMediaTypeException} and {@code PayloadTooLargeException} for an attachment (MSG-3),
 * {@code SpaceNotActiveException} (ES-4), {@code ResourceNotFoundException} for a conversation that
 * does not exist or is another professional's.
 */
public final class Messaging {
  private static final String DOMAIN = "@patient.mssante.fr";

  private final ApiExecutor executor;

  private Messaging(ApiExecutor executor) {
    this.executor = executor;
  }

  /** The messaging API over this client (and its identity). */
  public static Messaging of(MesClient client) {
    return new Messaging(CoreAccess.executor(client));
  }

  /** A holder's messaging address, {@code <INS>@patient.mssante.fr} (MSG-1). */
  public static String holderAddress(Ins holder) {
    return Objects.requireNonNull(holder, "holder").value() + DOMAIN;
  }

  /**
   * Starts a conversation with a holder (MSG-1): a professional or an establishment only. The
   * holder is notified (AU-3) unless they silenced new-message notices.
   *
   * @param holder the holder (for a minor, the minor: the representative reads it, MSG-5)
   * @param subject the subject line, up to 200 characters
   * @param first the first message
   * @return the conversation as the server stored it
   * @throws io.mes4j.core.error.HolderCannotStartException the caller is a patient
   * @throws io.mes4j.core.error.SpaceNotActiveException the holder's space is not active (ES-4)
   */
  public Conversation startConversation(Ins holder, String subject, Message first) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(first, "first");
    if (subject.isBlank() || subject.strip().length() > 200) {
      throw new InvalidValueException("a subject must hold 1 to 200 characters");
    }
    byte[] body =
        FhirMessaging.communication(
            holder, subject.strip(), null, first.text().orElse(null), wire(first));
    return conversation(FhirMessaging.message(post(body)));
  }

  /**
   * Sends a message into an open conversation: a professional's follow-up, or the holder's reply.
   *
   * @return the message as stored
   * @throws io.mes4j.core.error.ConversationClosedException the conversation was closed (MSG-2)
   * @throws io.mes4j.core.error.ResourceNotFoundException no such conversation for the caller
   */
  public ConversationMessage send(String conversationId, Message message) {
    requireId(conversationId, "conversationId");
    Objects.requireNonNull(message, "message");
    byte[] body =
        FhirMessaging.communication(
            null, null, conversationId, message.text().orElse(null), wire(message));
    return message(FhirMessaging.message(post(body)));
  }

  /**
   * The holder's (or a minor's representative's) reply inside a conversation a professional started
   * (MSG-1, MSG-5); the same call as {@link #send}.
   *
   * @throws io.mes4j.core.error.ConversationClosedException the professional closed it (MSG-2)
   */
  public ConversationMessage reply(String conversationId, Message message) {
    return send(conversationId, message);
  }

  /**
   * Closes a conversation (MSG-2): only the professional or establishment who started it. The
   * holder can then no longer reply. Closing a closed conversation changes nothing.
   *
   * @return the conversation, closed
   * @throws io.mes4j.core.error.ForbiddenException the caller is the holder's side
   */
  public Conversation close(String conversationId) {
    requireId(conversationId, "conversationId");
    byte[] answer = operation(conversationId, "$close", FhirMessaging.noParameters(), true);
    return conversation(FhirMessaging.message(answer));
  }

  /**
   * A holder's conversations, latest activity first. See {@link #conversations(Ins,
   * ConversationQuery)}.
   */
  public Page<Conversation> conversations(Ins holder) {
    return conversations(holder, ConversationQuery.all());
  }

  /**
   * A holder's conversations, paged: for the holder (or a minor's representative, MSG-5) all of
   * them, for a professional or an establishment only those they started. Unread first on request
   * (MSG-4).
   *
   * @throws io.mes4j.core.error.ForbiddenException a minor's own account, or another patient
   * @throws io.mes4j.core.error.SpaceNotActiveException the space is not active (ES-4)
   */
  public Page<Conversation> conversations(Ins holder, ConversationQuery query) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(query, "query");
    SearchForm form =
        new SearchForm("Communication")
            .add("patient.identifier", holder.system().uri() + "|" + holder.value());
    query
        .status()
        .ifPresent(
            s -> form.add("status", s == ConversationStatus.OPEN ? "in-progress" : "completed"));
    if (query.unreadFirst()) {
      form.add("unread-first", "true");
    }
    form.add("_count", String.valueOf(query.pageSize()));
    return FhirMessaging.page(
        executor, form.request(), node -> conversation(FhirMessaging.message(node)));
  }

  /**
   * The messages of a conversation, oldest first, {@value ConversationQuery#DEFAULT_PAGE_SIZE} per
   * page.
   */
  public Page<ConversationMessage> messages(String conversationId) {
    return messages(conversationId, ConversationQuery.DEFAULT_PAGE_SIZE);
  }

  /**
   * The messages of a conversation, oldest first, with their read status (MSG-4).
   *
   * @throws io.mes4j.core.error.ResourceNotFoundException no such conversation for the caller
   *     (another professional's included)
   */
  public Page<ConversationMessage> messages(String conversationId, int pageSize) {
    requireId(conversationId, "conversationId");
    if (pageSize < 1 || pageSize > ConversationQuery.MAX_PAGE_SIZE) {
      throw new InvalidValueException(
          "the page size must be between 1 and " + ConversationQuery.MAX_PAGE_SIZE);
    }
    SearchForm form =
        new SearchForm("Communication")
            .add("conversation", conversationId)
            .add("_count", String.valueOf(pageSize));
    return FhirMessaging.page(
        executor, form.request(), node -> message(FhirMessaging.message(node)));
  }

  /**
   * Marks a message read (MSG-4): only its recipient. The first reading counts; marking again
   * changes nothing.
   *
   * @return the message, read
   * @throws io.mes4j.core.error.ForbiddenException the caller sent it
   */
  public ConversationMessage markRead(String messageId) {
    requireId(messageId, "messageId");
    byte[] answer = operation(messageId, "$mark-read", FhirMessaging.noParameters(), true);
    return message(FhirMessaging.message(answer));
  }

  /**
   * Files a message's attachment into the holder's dossier (MSG-3): the holder (or a minor's
   * representative) only. It becomes a document of theirs, which the dossier rules govern from then
   * on (DOC-1). Filing the same attachment again answers the same document.
   *
   * @param messageId the message
   * @param attachmentIndex the attachment's index in {@link ConversationMessage#attachments()}
   * @param type the document type
   * @param title the document's title; null to keep the attachment's
   * @return the id of the document
   * @throws io.mes4j.core.error.HolderOnlyException the caller is a professional
   * @throws io.mes4j.core.error.InvalidRequestException no attachment at that index
   */
  public String fileAttachment(
      String messageId, int attachmentIndex, DocumentType type, @Nullable String title) {
    requireId(messageId, "messageId");
    Objects.requireNonNull(type, "type");
    if (attachmentIndex < 0 || attachmentIndex >= Message.MAX_ATTACHMENTS) {
      throw new InvalidValueException(
          "the attachment index must be between 0 and " + (Message.MAX_ATTACHMENTS - 1));
    }
    String cleanTitle = title == null || title.isBlank() ? null : title.strip();
    byte[] answer =
        operation(
            messageId,
            "$file-attachment",
            FhirMessaging.filing(attachmentIndex, type, cleanTitle),
            true);
    return FhirMessaging.id(answer);
  }

  private byte[] post(byte[] body) {
    return executor
        .execute(
            ApiRequest.builder("POST", "/fhir/Communication")
                .path("/fhir/Communication")
                .body(body, ApiRequest.FHIR_JSON)
                .withNewIdempotencyKey()
                .build())
        .body();
  }

  private byte[] operation(String id, String operation, byte[] body, boolean retryable) {
    return executor
        .execute(
            ApiRequest.builder("POST", "/fhir/Communication/{id}/" + operation)
                .path("/fhir/Communication/" + ApiRequest.encodePathSegment(id) + "/" + operation)
                .body(body, ApiRequest.FHIR_JSON)
                .retryable(retryable)
                .build())
        .body();
  }

  private static List<FhirMessaging.WireAttachment> wire(Message message) {
    List<FhirMessaging.WireAttachment> attachments = new ArrayList<>();
    for (MessageAttachment a : message.attachments()) {
      attachments.add(
          new FhirMessaging.WireAttachment(
              a.contentUnsafe(), a.mimeType(), a.title().orElse(null)));
    }
    return attachments;
  }

  private static Conversation conversation(FhirMessaging.WireMessage m) {
    return new Conversation(
        m.conversationId(),
        m.topic(),
        m.closed() ? ConversationStatus.CLOSED : ConversationStatus.OPEN,
        m.patient(),
        participant(m.sender()),
        m.sent(),
        m.lastMessage() == null ? m.sent() : m.lastMessage(),
        m.unread());
  }

  private static ConversationMessage message(FhirMessaging.WireMessage m) {
    List<MessageAttachment> attachments = new ArrayList<>();
    for (FhirMessaging.WireAttachment a : m.attachments()) {
      attachments.add(MessageAttachment.of(a.content(), a.mimeType(), a.title()));
    }
    return new ConversationMessage(
        m.id(),
        m.conversationId(),
        participant(m.sender()),
        participant(m.recipient()),
        m.sent(),
        m.text(),
        attachments,
        m.received(),
        m.closed() ? ConversationStatus.CLOSED : ConversationStatus.OPEN);
  }

  private static Participant participant(FhirMessaging.WireParty party) {
    Participant.Kind kind;
    if (ProfessionalId.SYSTEM.equals(party.system())) {
      kind = Participant.Kind.PROFESSIONAL;
    } else if (Finess.STRUCT_SYSTEM.equals(party.system())) {
      kind = Participant.Kind.ESTABLISHMENT;
    } else if (isInsSystem(party.system())) {
      kind = Participant.Kind.PATIENT;
    } else {
      kind = Participant.Kind.OTHER;
    }
    return Participant.of(kind, party.value(), party.display());
  }

  private static boolean isInsSystem(String system) {
    for (InsSystem s : InsSystem.values()) {
      if (s.uri().equals(system)) {
        return true;
      }
    }
    return false;
  }

  private static void requireId(String id, String name) {
    Objects.requireNonNull(id, name);
    if (id.isBlank() || id.length() > 64) {
      throw new InvalidValueException(name + " must be a non-blank id");
    }
  }

  @Override
  public String toString() {
    return "Messaging";
  }
}
