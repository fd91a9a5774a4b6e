package io.mes4j.mockserver.internal.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Cause;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.audit.AuditTrail;
import io.mes4j.mockserver.internal.auth.Principal;
import io.mes4j.mockserver.internal.dossier.AttachmentFiling;
import io.mes4j.mockserver.internal.dossier.PageCursors;
import io.mes4j.mockserver.internal.dossier.SearchInput;
import io.mes4j.mockserver.internal.fhir.FhirWriter;
import io.mes4j.mockserver.internal.http.HttpError;
import io.mes4j.mockserver.internal.http.Json;
import io.mes4j.mockserver.internal.http.MediaTypes;
import io.mes4j.mockserver.internal.http.Request;
import io.mes4j.mockserver.internal.http.Response;
import io.mes4j.mockserver.internal.http.Router;
import io.mes4j.mockserver.internal.policy.Action;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.policy.Target;
import io.mes4j.mockserver.internal.store.Mailbox;
import io.mes4j.mockserver.internal.store.PatientRecord;
import io.mes4j.mockserver.internal.store.Store;
import io.mes4j.mockserver.internal.store.StoredConversation;
import io.mes4j.mockserver.internal.store.StoredDocument;
import io.mes4j.mockserver.internal.store.StoredMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import org.jspecify.annotations.Nullable;

/**
 * Messaging (MSG-1 to MSG-5) as FHIR {@code Communication} threads: send ({@code POST
 * /fhir/Communication}: a new conversation, or a message {@code partOf} one), search ({@code POST
 * /fhir/Communication/_search}: a dossier's conversations, or one conversation's messages), read
 * one message, {@code $mark-read}, {@code $close} and {@code $file-attachment}. Every call that
 * reaches the policy decision point is traced (AU-1), refusals included.
 */
public final class MessagingEndpoints {
  private static final String BASE = "/fhir/Communication";

  private final Engine engine;
  private final AttachmentFiling filing;

  public MessagingEndpoints(Engine engine) {
    this.engine = engine;
    this.filing = new AttachmentFiling(engine);
  }

  public void register(Router router) {
    router.add("POST", BASE, engine.protect(this::send));
    router.add("GET", BASE, engine.protect(this::search));
    router.add("POST", BASE + "/_search", engine.protect(this::search));
    router.add("GET", BASE + "/{id}", engine.protect(this::read));
    router.add("POST", BASE + "/{id}/$mark-read", engine.protect(this::markRead));
    router.add("POST", BASE + "/{id}/$close", engine.protect(this::close));
    router.add("POST", BASE + "/{id}/$file-attachment", engine.protect(this::file));
  }

  /** A dossier and one of its conversations, found by a conversation's or a message's id. */
  private record Located(PatientRecord patient, String conversationId) {}

  // MSG-1, MSG-2, MSG-3, MSG-4
  private Response send(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    CommunicationReader.Outgoing outgoing =
        CommunicationReader.read(Json.parseObject(request.body()));
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String conversationId = outgoing.conversationId();
    return conversationId == null
        ? start(state, actor, mode, outgoing)
        : post(state, actor, mode, outgoing, conversationId);
  }

  // MSG-1: a professional or an establishment starts a conversation with its first message.
  private Response start(
      ServerState state, Actor actor, Mode mode, CommunicationReader.Outgoing outgoing) {
    Ins ins = java.util.Objects.requireNonNull(outgoing.patient());
    Store store = state.store();
    PatientRecord patient =
        store.patient(ins.value()).orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
    ObjectNode resource;
    boolean minor;
    List<String> representatives;
    Instant now;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      now = engine.clock().now();
      minor = minor(patient, now);
      representatives = List.copyOf(patient.representatives());
      decide(
          state,
          patient,
          actor,
          mode,
          Action.START_CONVERSATION,
          new Target.Conversation(null, false, minor, null),
          null,
          now);
      String id = state.ids().next("msg-");
      StoredConversation conversation =
          new StoredConversation(
              id,
              java.util.Objects.requireNonNull(outgoing.subject()),
              actor.id(),
              actor.system(),
              actor.displayName(),
              store.nextSequence(),
              now,
              null);
      StoredMessage first =
          new StoredMessage(
              id,
              id,
              store.nextSequence(),
              actor.id(),
              actor.system(),
              actor.displayName(),
              false,
              patient.ins().value(),
              patient.ins().system().uri(),
              now,
              outgoing.text(),
              outgoing.attachments(),
              null,
              null,
              1);
      patient.mailbox().start(conversation, first);
      store.indexMessaging(id, patient.ins().value());
      trace(state, now, patient, actor, Action.START_CONVERSATION, mode, id, null, null);
      resource = communication(patient, conversation, first, actor);
    } finally {
      lock.unlock();
    }
    // AU-3, MSG-4: the holder hears of the new message.
    MessageNotices.newMessage(state.outbox(), patient, minor, representatives, now);
    return created(resource);
  }

  // MSG-1, MSG-2: a reply of the holder's side, or a follow-up of the professional's.
  private Response post(
      ServerState state,
      Actor actor,
      Mode mode,
      CommunicationReader.Outgoing outgoing,
      String conversationId) {
    Located located = locate(state, conversationId, true);
    PatientRecord patient = located.patient();
    ObjectNode resource;
    boolean minor;
    boolean fromHolderSide = actor.is(Actor.Kind.PATIENT);
    List<String> representatives;
    Instant now;
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      now = engine.clock().now();
      minor = minor(patient, now);
      representatives = List.copyOf(patient.representatives());
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = conversation(mailbox, conversationId);
      decide(
          state,
          patient,
          actor,
          mode,
          Action.SEND_MESSAGE,
          target(conversation, minor, null),
          conversationId,
          now);
      Ins named = outgoing.patient();
      if (named != null && !named.value().equals(patient.ins().value())) {
        trace(
            state,
            now,
            patient,
            actor,
            Action.SEND_MESSAGE,
            mode,
            conversationId,
            null,
            Cause.INVALID_REQUEST);
        throw HttpError.badRequest(
            "Communication.subject is not the holder of the conversation it is part of");
      }
      List<StoredMessage> thread = mailbox.thread(conversationId);
      String id = state.ids().next("msg-");
      StoredMessage message =
          new StoredMessage(
              id,
              conversationId,
              state.store().nextSequence(),
              actor.id(),
              actor.system(),
              actor.displayName(),
              fromHolderSide,
              fromHolderSide ? conversation.starterId() : patient.ins().value(),
              fromHolderSide ? conversation.starterSystem() : patient.ins().system().uri(),
              now,
              outgoing.text(),
              outgoing.attachments(),
              thread.get(thread.size() - 1).id(),
              null,
              1);
      mailbox.add(message);
      state.store().indexMessaging(id, patient.ins().value());
      trace(state, now, patient, actor, Action.SEND_MESSAGE, mode, id, null, null);
      resource = communication(patient, conversation, message, actor);
    } finally {
      lock.unlock();
    }
    if (!fromHolderSide) {
      // AU-3, MSG-4: the holder hears of the professional's new message.
      MessageNotices.newMessage(state.outbox(), patient, minor, representatives, now);
    }
    return created(resource);
  }

  // MSG-1, MSG-4, MSG-5: a dossier's conversations, or one conversation's messages.
  private Response search(Request request) {
    requireJsonAccept(request);
    Map<String, List<String>> params = params(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    String caller = principal.kind() + "|" + principal.subject();
    PageCursors.Position<MessagingSearch> position =
        state
            .cursors()
            .position(params, MessagingSearch.class, s -> true, caller, MessagingSearch::parse);
    MessagingSearch search = position.search();
    int offset = position.offset();
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    List<ObjectNode> page = new ArrayList<>();
    int total;
    if (search.listsConversations()) {
      Ins ins = java.util.Objects.requireNonNull(search.patient());
      PatientRecord patient =
          state
              .store()
              .patient(ins.value())
              .orElseThrow(() -> HttpError.notFound("No dossier for this INS"));
      total = conversations(state, patient, actor, mode, search, offset, page);
    } else {
      String conversationId = java.util.Objects.requireNonNull(search.conversationId());
      total = messages(state, actor, mode, conversationId, search, offset, page);
    }
    String typeUrl = engine.fhirBase() + "/Communication";
    PageCursors.Links links =
        state.cursors().links(typeUrl, position, search.count(), total, caller);
    return Response.fhir(
        200, FhirWriter.searchset(total, links.self(), links.next(), page, engine.fhirBase()));
  }

  private record Listed(StoredConversation conversation, int unread, StoredMessage last) {}

  private int conversations(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Mode mode,
      MessagingSearch search,
      int offset,
      List<ObjectNode> page) {
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      boolean minor = minor(patient, now);
      decide(
          state,
          patient,
          actor,
          mode,
          Action.SEARCH_CONVERSATIONS,
          new Target.Conversation(null, false, minor, null),
          null,
          now);
      Mailbox mailbox = patient.mailbox();
      boolean holderSide = actor.is(Actor.Kind.PATIENT);
      List<Listed> listed = new ArrayList<>();
      for (StoredConversation conversation : mailbox.conversations()) {
        Boolean closed = search.closed();
        if (closed != null && closed != conversation.closed()) {
          continue;
        }
        // A professional lists only their own conversations with the holder.
        if (!permitted(
            actor, Action.READ_MESSAGES, target(conversation, minor, null), patient, mode, now)) {
          continue;
        }
        List<StoredMessage> thread = mailbox.thread(conversation.id());
        int unread = 0;
        for (StoredMessage message : thread) {
          if (message.fromHolderSide() != holderSide && !message.read()) {
            unread++;
          }
        }
        listed.add(new Listed(conversation, unread, thread.get(thread.size() - 1)));
      }
      // Latest activity first; unread first when asked (MSG-4).
      Comparator<Listed> order =
          Comparator.comparing((Listed l) -> l.last().sent())
              .thenComparingLong(l -> l.last().seq())
              .reversed();
      if (search.unreadFirst()) {
        order = Comparator.comparing((Listed l) -> l.unread() == 0).thenComparing(order);
      }
      listed.sort(order);
      for (int i = offset; i < listed.size() && page.size() < search.count(); i++) {
        Listed l = listed.get(i);
        StoredMessage first = mailbox.thread(l.conversation().id()).get(0);
        page.add(
            FhirCommunications.communication(
                first,
                l.conversation(),
                patient.ins(),
                new FhirCommunications.Summary(l.unread(), l.last().sent())));
      }
      trace(state, now, patient, actor, Action.SEARCH_CONVERSATIONS, mode, null, null, null);
      return listed.size();
    } finally {
      lock.unlock();
    }
  }

  private int messages(
      ServerState state,
      Actor actor,
      Mode mode,
      String conversationId,
      MessagingSearch search,
      int offset,
      List<ObjectNode> page) {
    Located located = locate(state, conversationId, true);
    PatientRecord patient = located.patient();
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = conversation(mailbox, conversationId);
      decide(
          state,
          patient,
          actor,
          mode,
          Action.READ_MESSAGES,
          target(conversation, minor(patient, now), null),
          conversationId,
          now);
      List<StoredMessage> thread = mailbox.thread(conversationId);
      for (int i = offset; i < thread.size() && page.size() < search.count(); i++) {
        page.add(communication(patient, conversation, thread.get(i), actor));
      }
      trace(state, now, patient, actor, Action.READ_MESSAGES, mode, conversationId, null, null);
      return thread.size();
    } finally {
      lock.unlock();
    }
  }

  // MSG-4: one message, by id.
  private Response read(Request request) {
    requireJsonAccept(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    String id = request.pathParam("id");
    Located located = locate(state, id, false);
    PatientRecord patient = located.patient();
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = conversation(mailbox, located.conversationId());
      StoredMessage message = java.util.Objects.requireNonNull(mailbox.message(id));
      decide(
          state,
          patient,
          actor,
          principal.mode(),
          Action.READ_MESSAGES,
          target(conversation, minor(patient, now), null),
          id,
          now);
      trace(state, now, patient, actor, Action.READ_MESSAGES, principal.mode(), id, null, null);
      return Response.fhir(200, communication(patient, conversation, message, actor));
    } finally {
      lock.unlock();
    }
  }

  // MSG-4: the recipient marks a message read; the first reading counts.
  private Response markRead(Request request) {
    requireJsonAccept(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String id = request.pathParam("id");
    Located located = locate(state, id, false);
    PatientRecord patient = located.patient();
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = conversation(mailbox, located.conversationId());
      StoredMessage message = java.util.Objects.requireNonNull(mailbox.message(id));
      decide(
          state,
          patient,
          actor,
          mode,
          Action.MARK_MESSAGE_READ,
          target(conversation, minor(patient, now), message.fromHolderSide()),
          id,
          now);
      StoredMessage read = message.readAt(now);
      mailbox.replace(read);
      trace(state, now, patient, actor, Action.MARK_MESSAGE_READ, mode, id, null, null);
      return Response.fhir(200, communication(patient, conversation, read, actor));
    } finally {
      lock.unlock();
    }
  }

  // MSG-2: the professional who started a conversation closes it; closing again changes nothing.
  private Response close(Request request) {
    requireJsonAccept(request);
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String id = request.pathParam("id");
    Located located = locate(state, id, true);
    PatientRecord patient = located.patient();
    Lock lock = patient.lock().writeLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = conversation(mailbox, id);
      decide(
          state,
          patient,
          actor,
          mode,
          Action.CLOSE_CONVERSATION,
          target(conversation, minor(patient, now), null),
          id,
          now);
      StoredConversation closed = conversation.closedAt(now);
      mailbox.replace(closed);
      trace(state, now, patient, actor, Action.CLOSE_CONVERSATION, mode, id, null, null);
      return Response.fhir(200, communication(patient, closed, mailbox.thread(id).get(0), actor));
    } finally {
      lock.unlock();
    }
  }

  // MSG-3: the holder files an attachment into their dossier, as their own upload (DOC-1).
  private Response file(Request request) {
    requireJsonAccept(request);
    request.requireJsonContent();
    CommunicationReader.Filing asked = CommunicationReader.filing(Json.parseObject(request.body()));
    ServerState state = engine.state();
    Principal principal = request.principal(Principal.class);
    Actor actor = engine.actor(principal, state);
    Mode mode = principal.mode();
    String id = request.pathParam("id");
    Located located = locate(state, id, false);
    PatientRecord patient = located.patient();
    StoredMessage.Attachment attachment;
    Instant sent;
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Instant now = engine.clock().now();
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = conversation(mailbox, located.conversationId());
      StoredMessage message = java.util.Objects.requireNonNull(mailbox.message(id));
      decide(
          state,
          patient,
          actor,
          mode,
          Action.FILE_ATTACHMENT,
          target(conversation, minor(patient, now), null),
          id,
          now);
      if (asked.attachment() >= message.attachments().size()) {
        trace(
            state,
            now,
            patient,
            actor,
            Action.FILE_ATTACHMENT,
            mode,
            id,
            null,
            Cause.INVALID_REQUEST);
        throw HttpError.badRequest(
            "The message has "
                + message.attachments().size()
                + " attachment(s); index "
                + asked.attachment()
                + " does not exist");
      }
      attachment = message.attachments().get(asked.attachment());
      sent = message.sent();
    } finally {
      lock.unlock();
    }
    // DOC-2: filing the same attachment again answers the same document.
    String uniqueId =
        "urn:uuid:"
            + UUID.nameUUIDFromBytes(
                (id + "#" + asked.attachment()).getBytes(StandardCharsets.UTF_8));
    String title = asked.title() != null ? asked.title() : attachment.title();
    StoredDocument document;
    try {
      document =
          filing.file(
              state,
              actor,
              mode,
              patient.ins(),
              uniqueId,
              asked.type(),
              attachment.contentType(),
              attachment.data(),
              title,
              sent);
    } catch (HttpError refused) {
      trace(
          state,
          engine.clock().now(),
          patient,
          actor,
          Action.FILE_ATTACHMENT,
          mode,
          id,
          null,
          refused.errorCause());
      throw refused;
    }
    trace(
        state,
        engine.clock().now(),
        patient,
        actor,
        Action.FILE_ATTACHMENT,
        mode,
        id,
        document.id(),
        null);
    return Response.fhir(201, FhirWriter.documentReference(document, patient.ins()))
        .header(
            "Location",
            engine.fhirBase()
                + "/DocumentReference/"
                + document.id()
                + "/_history/"
                + document.version());
  }

  /**
   * The dossier of a conversation or message id; {@code 404} if none. With {@code
   * conversationOnly}, the id must be a conversation's (its first message's).
   */
  private static Located locate(ServerState state, String id, boolean conversationOnly) {
    PatientRecord patient =
        state
            .store()
            .messagingPatient(id)
            .flatMap(ins -> state.store().patient(ins))
            .orElseThrow(() -> HttpError.notFound("No such conversation or message"));
    Lock lock = patient.lock().readLock();
    lock.lock();
    try {
      Mailbox mailbox = patient.mailbox();
      StoredConversation conversation = mailbox.conversation(id);
      if (conversation != null) {
        return new Located(patient, id);
      }
      StoredMessage message = mailbox.message(id);
      if (conversationOnly || message == null) {
        throw HttpError.notFound("No such conversation");
      }
      return new Located(patient, message.conversationId());
    } finally {
      lock.unlock();
    }
  }

  private static StoredConversation conversation(Mailbox mailbox, String id) {
    StoredConversation conversation = mailbox.conversation(id);
    if (conversation == null) {
      throw HttpError.notFound("No such conversation");
    }
    return conversation;
  }

  private static Target.Conversation target(
      StoredConversation conversation, boolean minor, @Nullable Boolean messageFromHolderSide) {
    return new Target.Conversation(
        conversation.starterId(), conversation.closed(), minor, messageFromHolderSide);
  }

  /** A message as its reader sees it: the first one carries the conversation's summary. */
  private static ObjectNode communication(
      PatientRecord patient, StoredConversation conversation, StoredMessage message, Actor reader) {
    FhirCommunications.Summary summary = null;
    if (message.id().equals(conversation.id())) {
      List<StoredMessage> thread = patient.mailbox().thread(conversation.id());
      boolean holderSide = reader.is(Actor.Kind.PATIENT);
      int unread = 0;
      for (StoredMessage m : thread) {
        if (m.fromHolderSide() != holderSide && !m.read()) {
          unread++;
        }
      }
      summary = new FhirCommunications.Summary(unread, thread.get(thread.size() - 1).sent());
    }
    return FhirCommunications.communication(message, conversation, patient.ins(), summary);
  }

  /** Asks the policy; a refusal is traced (AU-1) and thrown. */
  private void decide(
      ServerState state,
      PatientRecord patient,
      Actor actor,
      Mode mode,
      Action action,
      Target.Conversation target,
      @Nullable String objectId,
      Instant now) {
    engine.require(
        state,
        actor,
        action,
        target,
        patient,
        mode,
        now,
        objectId == null ? null : "Communication/" + objectId);
  }

  private boolean permitted(
      Actor actor,
      Action action,
      Target.Conversation target,
      PatientRecord patient,
      Mode mode,
      Instant now) {
    return engine.decide(actor, action, target, patient, mode, now).permitted();
  }

  /**
   * Records a trace (AU-1) whose objects are a message or conversation ({@code Communication/<id>})
   * and, for a filing, the document it became.
   */
  private static void trace(
      ServerState state,
      Instant now,
      PatientRecord patient,
      Actor actor,
      Action action,
      Mode mode,
      @Nullable String communicationId,
      @Nullable String documentId,
      @Nullable Cause refusal) {
    AuditTrail.record(
        state,
        now,
        patient,
        actor,
        action,
        mode,
        documentId,
        communicationId == null ? null : "Communication/" + communicationId,
        refusal);
  }

  private Response created(ObjectNode resource) {
    return Response.fhir(201, resource)
        .header(
            "Location",
            engine.fhirBase()
                + "/Communication/"
                + resource.get("id").asText()
                + "/_history/"
                + resource.path("meta").path("versionId").asText("1"));
  }

  /** MSG-5, ES-6: under 18 on the server's clock, the representative acts for the holder. */
  private static boolean minor(PatientRecord patient, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    return patient.birthDate().plusYears(18).isAfter(today);
  }

  private static void requireJsonAccept(Request request) {
    if (!MediaTypes.acceptsJson(request.header("Accept"))) {
      throw new HttpError(
          Cause.NOT_ACCEPTABLE, "This endpoint answers application/fhir+json or application/json");
    }
  }

  /** The query string, plus the form body of a {@code POST _search} (FHIR search via POST). */
  private static Map<String, List<String>> params(Request request) {
    return SearchInput.params(request);
  }
}
