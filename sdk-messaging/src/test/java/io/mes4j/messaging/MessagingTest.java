package io.mes4j.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mes4j.core.MesClient;
import io.mes4j.core.Page;
import io.mes4j.core.code.DocumentType;
import io.mes4j.core.code.SpaceState;
import io.mes4j.core.error.ConversationClosedException;
import io.mes4j.core.error.ForbiddenException;
import io.mes4j.core.error.HolderCannotStartException;
import io.mes4j.core.error.HolderOnlyException;
import io.mes4j.core.error.InvalidRequestException;
import io.mes4j.core.error.InvalidValueException;
import io.mes4j.core.error.MesServiceException;
import io.mes4j.core.error.NotAuthorisedException;
import io.mes4j.core.error.PayloadTooLargeException;
import io.mes4j.core.error.ResourceNotFoundException;
import io.mes4j.core.error.SpaceNotActiveException;
import io.mes4j.core.error.UnsupportedMediaTypeException;
import io.mes4j.core.identity.Ins;
import io.mes4j.core.internal.ApiRequest;
import io.mes4j.core.internal.CoreAccess;
import io.mes4j.dossier.AuthorKind;
import io.mes4j.dossier.DocumentEntry;
import io.mes4j.dossier.DocumentSearch;
import io.mes4j.dossier.Dossier;
import io.mes4j.dossier.HistoryQuery;
import io.mes4j.dossier.NotificationPreference;
import io.mes4j.dossier.Trace;
import io.mes4j.mockserver.Fixtures;
import io.mes4j.mockserver.MockServer;
import io.mes4j.mockserver.Notification;
import io.mes4j.mockserver.junit.Identity;
import io.mes4j.mockserver.junit.MesMockServer;
import io.mes4j.mockserver.support.EmittedFhir;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messaging (MSG-1 to MSG-5) end to end: through the SDK against the reference server, with the
 * notices (AU-3) and traces (AU-1) that go with it; every resource the server emits is valid FHIR
 * R4.
 */
@MesMockServer(clock = "2026-11-28T09:00:00Z")
class MessagingTest {
  private static final String ESTABLISHMENT = Fixtures.HOSPITAL.idNatStruct();
  private static final byte[] PDF = "%PDF-1.4 compte rendu".getBytes(StandardCharsets.US_ASCII);
  private static EmittedFhir emitted;

  @BeforeAll
  static void recordWhatTheServerEmits(MockServer server) {
    emitted = EmittedFhir.record(server);
  }

  @AfterAll
  static void everyResourceTheServerEmitted_isValidFhirR4() {
    emitted.assertAllValid();
  }

  private static Message withReport(String text) {
    return Message.builder()
        .text(text)
        .attach(MessageAttachment.of(PDF, "application/pdf", "Compte rendu"))
        .build();
  }

  private static MesClient client(MockServer server, String subject) {
    return MesClient.builder()
        .baseUrl(server.baseUrl())
        .credentials(server.tokenProvider(subject))
        .build();
  }

  private static List<Notification> messageNotices(MockServer server) {
    return server.control().outbox().stream()
        .filter(n -> n.kind() == Notification.Kind.NEW_MESSAGE)
        .toList();
  }

  private static int conversationCount(MesClient reader, Ins holder) {
    return Messaging.of(reader).conversations(holder).total().orElseThrow();
  }

  @Test
  void startConversation_byProfessional_reachesTheHolderWithItsAttachmentAndANotice(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-1, MSG-3, MSG-4, AU-3
    // GIVEN a doctor who writes to the holder with a report attached
    Conversation started =
        Messaging.of(doctor)
            .startConversation(Fixtures.ADULT, "Vos résultats", withReport("Bonjour"));

    // THEN the conversation is open, with the holder at their address
    assertThat(started.status()).isEqualTo(ConversationStatus.OPEN);
    assertThat(started.holder()).isEqualTo(Fixtures.ADULT);
    assertThat(started.holderAddress()).isEqualTo(Fixtures.Ids.ADULT + "@patient.mssante.fr");
    assertThat(started.startedBy().kind()).isEqualTo(Participant.Kind.PROFESSIONAL);
    assertThat(started.startedBy().id()).isEqualTo(Fixtures.Ids.DOCTOR);

    // AND the holder was told, at that address
    assertThat(messageNotices(server))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.to()).isEqualTo(Fixtures.Ids.ADULT + "@patient.mssante.fr");
              assertThat(n.subject()).doesNotContain("Vos résultats", "Bonjour");
            });

    // WHEN the holder lists their conversations and reads the messages
    Messaging messaging = Messaging.of(holder);
    Page<Conversation> conversations = messaging.conversations(Fixtures.ADULT);
    List<ConversationMessage> messages = messaging.messages(started.id()).items();

    // THEN they find it, unread, with the text and the attachment's bytes
    assertThat(conversations.items())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(started.id());
              assertThat(c.subject()).isEqualTo("Vos résultats");
              assertThat(c.unreadCount()).isEqualTo(1);
            });
    assertThat(messages)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.isFirst()).isTrue();
              assertThat(m.isRead()).isFalse();
              assertThat(m.text()).contains("Bonjour");
              assertThat(m.recipient().kind()).isEqualTo(Participant.Kind.PATIENT);
              assertThat(m.attachments())
                  .singleElement()
                  .satisfies(
                      a -> {
                        assertThat(a.content()).isEqualTo(PDF);
                        assertThat(a.mimeType()).isEqualTo("application/pdf");
                        assertThat(a.title()).contains("Compte rendu");
                      });
            });
  }

  @Test
  void startConversation_byEstablishment_isAllowed(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-1: establishments start conversations too
    try (MesClient hospital = client(server, ESTABLISHMENT)) {
      Conversation started =
          Messaging.of(hospital)
              .startConversation(Fixtures.ADULT, "Votre séjour", Message.text("Bonjour"));

      assertThat(started.startedBy().kind()).isEqualTo(Participant.Kind.ESTABLISHMENT);
      assertThat(Messaging.of(holder).conversations(Fixtures.ADULT).items())
          .extracting(Conversation::id)
          .containsExactly(started.id());
    }
  }

  @Test
  void startConversation_byHolder_isRefusedAndStoresNothing(
      MockServer server, @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-1: the holder cannot start a conversation
    // WHEN the holder tries
    HolderCannotStartException refused =
        catchThrowableOfType(
            HolderCannotStartException.class,
            () ->
                Messaging.of(holder)
                    .startConversation(Fixtures.ADULT, "Question", Message.text("Bonjour")));

    // THEN it is a typed 403 and nothing was stored or sent
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.causeCode()).isEqualTo("holder-cannot-start");
    assertThat(conversationCount(holder, Fixtures.ADULT)).isZero();
    assertThat(messageNotices(server)).isEmpty();
  }

  @Test
  void reply_afterTheProfessionalClosedTheConversation_isRefused(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-2
    // GIVEN a conversation the holder replied to once
    Conversation started =
        Messaging.of(doctor).startConversation(Fixtures.ADULT, "Suivi", Message.text("Ça va ?"));
    ConversationMessage reply =
        Messaging.of(holder).reply(started.id(), Message.text("Oui, merci"));
    assertThat(reply.sender().kind()).isEqualTo(Participant.Kind.PATIENT);
    assertThat(reply.recipient().id()).isEqualTo(Fixtures.Ids.DOCTOR);

    // WHEN the holder tries to close it, then the doctor closes it
    assertThatThrownBy(() -> Messaging.of(holder).close(started.id()))
        .isInstanceOf(ForbiddenException.class);
    Conversation closed = Messaging.of(doctor).close(started.id());

    // THEN it is closed, and the holder's next reply is refused, typed, and not stored
    assertThat(closed.isClosed()).isTrue();
    assertThatThrownBy(() -> Messaging.of(holder).reply(started.id(), Message.text("Encore")))
        .isInstanceOfSatisfying(
            ConversationClosedException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.causeCode()).isEqualTo("conversation-closed");
            });
    List<ConversationMessage> messages = Messaging.of(holder).messages(started.id()).items();
    assertThat(messages).hasSize(2);
    assertThat(messages)
        .allSatisfy(m -> assertThat(m.conversationStatus()).isEqualTo(ConversationStatus.CLOSED));
    // AND closing again changes nothing
    assertThat(Messaging.of(doctor).close(started.id()).isClosed()).isTrue();
  }

  @Test
  void markRead_keepsTheReadStatusPerMessage_andUnreadComeFirstOnRequest(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-4
    // GIVEN two messages in one conversation, and a later conversation of another doctor
    Messaging fromDoctor = Messaging.of(doctor);
    Conversation older =
        fromDoctor.startConversation(Fixtures.ADULT, "Premier", Message.text("Un"));
    fromDoctor.send(older.id(), Message.text("Deux"));
    Conversation newer =
        Messaging.of(treating).startConversation(Fixtures.ADULT, "Second", Message.text("Trois"));

    // WHEN the holder marks the first message of the older one and the newer one read
    Messaging messaging = Messaging.of(holder);
    List<ConversationMessage> olderMessages = messaging.messages(older.id()).items();
    ConversationMessage read = messaging.markRead(olderMessages.get(0).id());
    messaging.markRead(newer.id());

    // THEN read status is per message
    assertThat(read.isRead()).isTrue();
    assertThat(read.readAt()).isPresent();
    assertThat(messaging.messages(older.id()).items())
        .extracting(ConversationMessage::isRead)
        .containsExactly(true, false);
    // AND the latest conversation comes first, unless unread ones are asked first
    assertThat(messaging.conversations(Fixtures.ADULT).items())
        .extracting(Conversation::id, Conversation::unreadCount)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(newer.id(), 0),
            org.assertj.core.groups.Tuple.tuple(older.id(), 1));
    assertThat(
            messaging
                .conversations(
                    Fixtures.ADULT, ConversationQuery.builder().unreadFirst(true).build())
                .items())
        .extracting(Conversation::id)
        .containsExactly(older.id(), newer.id());
    // AND only the recipient marks a message read
    assertThatThrownBy(() -> fromDoctor.markRead(older.id()))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void conversations_arePagedByOpaqueLinks(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-4: the holder's list, one per page
    for (int i = 0; i < 3; i++) {
      Messaging.of(doctor).startConversation(Fixtures.ADULT, "Sujet " + i, Message.text("m" + i));
    }
    Page<Conversation> first =
        Messaging.of(holder)
            .conversations(Fixtures.ADULT, ConversationQuery.builder().pageSize(1).build());

    assertThat(first.total()).hasValue(3);
    assertThat(first.hasNext()).isTrue();
    assertThat(first.streamAll().map(Conversation::subject))
        .containsExactly("Sujet 2", "Sujet 1", "Sujet 0");
  }

  @Test
  void newMessageNotice_whenTheHolderSilencedIt_isNotSent(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // AU-3, MSG-4: the holder's preference silences the new-message notice
    Dossier.of(holder)
        .access()
        .setNotifications(Fixtures.ADULT, NotificationPreference.NOTIF_MESSAGE, false);

    Conversation started =
        Messaging.of(doctor).startConversation(Fixtures.ADULT, "Info", Message.text("Bonjour"));
    Messaging.of(doctor).send(started.id(), Message.text("Encore"));

    assertThat(messageNotices(server)).isEmpty();
    assertThat(Messaging.of(holder).messages(started.id()).total()).hasValue(2);
  }

  @Test
  void aMinorsConversations_areReadAndAnsweredByTheRepresentative(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.PARENT) MesClient parent,
      @Identity(Fixtures.Ids.MINOR) MesClient minor) {
    // MSG-5
    // GIVEN a doctor writing to a minor
    Conversation started =
        Messaging.of(doctor).startConversation(Fixtures.MINOR, "Vaccins", Message.text("Rappel"));

    // THEN the representative is the one told
    assertThat(messageNotices(server))
        .singleElement()
        .satisfies(n -> assertThat(n.to()).isEqualTo(Fixtures.Ids.PARENT + "@patient.mssante.fr"));
    // AND the representative lists, reads and answers
    Messaging messaging = Messaging.of(parent);
    assertThat(messaging.conversations(Fixtures.MINOR).items())
        .extracting(Conversation::id)
        .containsExactly(started.id());
    messaging.markRead(started.id());
    ConversationMessage reply = messaging.reply(started.id(), Message.text("Merci"));
    assertThat(reply.sender().id()).isEqualTo(Fixtures.Ids.PARENT);
    // AND the minor's own account does not
    assertThatThrownBy(() -> Messaging.of(minor).conversations(Fixtures.MINOR))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> Messaging.of(minor).reply(started.id(), Message.text("Moi")))
        .isInstanceOf(ForbiddenException.class);
    assertThat(messaging.messages(started.id()).total()).hasValue(2);
  }

  @Test
  void anySpaceNotActive_refusesMessaging_namingItsState(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.CLOSED) MesClient closedHolder) {
    // ES-4
    assertThatThrownBy(
            () ->
                Messaging.of(doctor)
                    .startConversation(Fixtures.CLOSED, "Info", Message.text("Bonjour")))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class, e -> assertThat(e.state()).isEqualTo(SpaceState.CLOSED));
    assertThatThrownBy(
            () ->
                Messaging.of(doctor)
                    .startConversation(Fixtures.PENDING, "Info", Message.text("Bonjour")))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class,
            e -> assertThat(e.state()).isEqualTo(SpaceState.PENDING));
    assertThatThrownBy(() -> Messaging.of(closedHolder).conversations(Fixtures.CLOSED))
        .isInstanceOfSatisfying(
            SpaceNotActiveException.class, e -> assertThat(e.state()).isEqualTo(SpaceState.CLOSED));
  }

  @Test
  void anotherProfessional_cannotSeeOrTouchAConversationWithTheSameHolder(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient other) {
    // MSG-1, MSG-2: a conversation is its starter's and the holder's only
    Conversation started =
        Messaging.of(doctor).startConversation(Fixtures.ADULT, "Privé", Message.text("Bonjour"));
    Messaging stranger = Messaging.of(other);

    for (Runnable attempt :
        List.<Runnable>of(
            () -> stranger.messages(started.id()),
            () -> stranger.send(started.id(), Message.text("Intrus")),
            () -> stranger.close(started.id()),
            () -> stranger.markRead(started.id()))) {
      assertThatThrownBy(attempt::run)
          .isInstanceOfSatisfying(
              ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
    assertThat(stranger.conversations(Fixtures.ADULT).total()).hasValue(0);
    assertThat(Messaging.of(doctor).messages(started.id()).total()).hasValue(1);
    assertThat(Messaging.of(doctor).conversations(Fixtures.ADULT).items()).hasSize(1);
  }

  @Test
  void fileAttachment_byTheHolder_becomesTheirDocumentThatTheDossierRulesGovern(
      @Identity(Fixtures.Ids.DOCTOR_TREATING) MesClient treating,
      @Identity(Fixtures.Ids.DOCTOR) MesClient authorisedDoctor,
      @Identity(Fixtures.Ids.DOCTOR_UNAUTHORISED) MesClient unauthorised,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-3, DOC-1, DOC-6, DOC-7
    // GIVEN a message with a report attached
    Conversation started =
        Messaging.of(treating).startConversation(Fixtures.ADULT, "CR", withReport("Voici"));

    // WHEN the holder files it into their dossier, twice
    String documentId =
        Messaging.of(holder)
            .fileAttachment(started.id(), 0, DocumentType.LABORATORY_REPORT, "Bilan filé");
    String again =
        Messaging.of(holder).fileAttachment(started.id(), 0, DocumentType.LABORATORY_REPORT, null);

    // THEN it is one document, authored by the holder, with the attachment's content
    assertThat(again).isEqualTo(documentId);
    DocumentEntry filed = Dossier.of(holder).documents().get(documentId);
    assertThat(filed.author().kind()).isEqualTo(AuthorKind.PATIENT);
    assertThat(filed.author().id()).isEqualTo(Fixtures.Ids.ADULT);
    assertThat(filed.title()).isEqualTo("Bilan filé");
    assertThat(filed.size()).isEqualTo(PDF.length);
    // AND the dossier rules govern it: an authorised doctor finds it, an unauthorised one cannot
    // search, and once the holder masks it the doctor no longer sees it
    DocumentSearch search = DocumentSearch.forPatient(Fixtures.ADULT).build();
    assertThat(Dossier.of(authorisedDoctor).documents().search(search).items())
        .extracting(DocumentEntry::id)
        .contains(documentId);
    assertThatThrownBy(() -> Dossier.of(unauthorised).documents().search(search))
        .isInstanceOf(NotAuthorisedException.class);
    Dossier.of(holder).documents().mask(documentId);
    assertThat(Dossier.of(authorisedDoctor).documents().search(search).items())
        .extracting(DocumentEntry::id)
        .doesNotContain(documentId);
  }

  @Test
  void fileAttachment_byAProfessionalOrOfAMissingAttachment_isRefused(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-3: only the holder files, and only an attachment that exists
    Conversation started =
        Messaging.of(doctor).startConversation(Fixtures.ADULT, "CR", withReport("Voici"));

    assertThatThrownBy(
            () ->
                Messaging.of(doctor)
                    .fileAttachment(started.id(), 0, DocumentType.LABORATORY_REPORT, null))
        .isInstanceOf(HolderOnlyException.class);
    assertThatThrownBy(
            () ->
                Messaging.of(holder)
                    .fileAttachment(started.id(), 1, DocumentType.LABORATORY_REPORT, null))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void attachments_ofARefusedTypeOrOver5MB_areRefusedAndNothingIsStored(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // MSG-3, DOC-1: PDF, TXT, RTF, JPEG, TIFF, 5 MB at most
    Messaging messaging = Messaging.of(doctor);
    Message executable =
        Message.builder()
            .text("Logiciel")
            .attach(MessageAttachment.of(new byte[] {1, 2, 3}, "application/x-msdownload"))
            .build();
    Message oversize =
        Message.builder()
            .attach(MessageAttachment.of(new byte[5 * 1024 * 1024 + 1], "application/pdf"))
            .build();

    assertThatThrownBy(() -> messaging.startConversation(Fixtures.ADULT, "Exe", executable))
        .isInstanceOfSatisfying(
            UnsupportedMediaTypeException.class, e -> assertThat(e.statusCode()).isEqualTo(415));
    assertThatThrownBy(() -> messaging.startConversation(Fixtures.ADULT, "Gros", oversize))
        .isInstanceOfSatisfying(
            PayloadTooLargeException.class, e -> assertThat(e.statusCode()).isEqualTo(413));
    assertThat(conversationCount(holder, Fixtures.ADULT)).isZero();
    assertThat(messageNotices(server)).isEmpty();
  }

  @Test
  void badInput_isAClear4xxAndChangesNothing(
      MockServer server,
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // section 11: an empty message is refused before it leaves the JVM
    assertThatThrownBy(() -> Message.builder().build()).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Message.text("   ")).isInstanceOf(InvalidValueException.class);
    // an unknown conversation is a 404
    assertThatThrownBy(() -> Messaging.of(holder).reply("msg-unknown", Message.text("Allô")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> Messaging.of(holder).messages("msg-unknown"))
        .isInstanceOf(ResourceNotFoundException.class);

    // raw HTTP: malformed JSON, an empty payload, a message without its holder
    String identifier =
        "{\"identifier\":{\"system\":\"urn:oid:1.2.250.1.213.1.4.10\",\"value\":\""
            + Fixtures.Ids.ADULT
            + "\"}}";
    for (String body :
        List.of(
            "{\"resourceType\": \"Communication\", ",
            "{\"resourceType\":\"Communication\",\"subject\":"
                + identifier
                + ",\"topic\":{\"text\":\"x\"},\"payload\":[]}",
            "{\"resourceType\":\"Communication\",\"subject\":"
                + identifier
                + ",\"topic\":{\"text\":\"x\"},\"payload\":[{\"contentString\":\" \"}]}",
            "{\"resourceType\":\"Communication\",\"topic\":{\"text\":\"x\"},"
                + "\"payload\":[{\"contentString\":\"Bonjour\"}]}",
            "[1, 2]")) {
      MesServiceException refused =
          catchThrowableOfType(
              MesServiceException.class,
              () ->
                  CoreAccess.executor(doctor)
                      .execute(
                          ApiRequest.builder("POST", "/fhir/Communication")
                              .body(body.getBytes(StandardCharsets.UTF_8), ApiRequest.FHIR_JSON)
                              .retryable(false)
                              .build()));
      assertThat(refused).as(body).isInstanceOf(InvalidRequestException.class);
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.causeCode()).isEqualTo("invalid-request");
      assertThat(refused.getMessage()).contains("Communication", "400");
    }
    // THEN nothing was stored or sent
    assertThat(conversationCount(holder, Fixtures.ADULT)).isZero();
    assertThat(messageNotices(server)).isEmpty();
  }

  @Test
  void everySendReadAndFiling_isTracedInTheHoldersHistory(
      @Identity(Fixtures.Ids.DOCTOR) MesClient doctor,
      @Identity(Fixtures.Ids.ADULT) MesClient holder) {
    // AU-1, AU-2: traces of messaging, refusals included, in the holder's history
    Messaging fromDoctor = Messaging.of(doctor);
    Messaging messaging = Messaging.of(holder);
    Conversation started =
        fromDoctor.startConversation(Fixtures.ADULT, "Suivi", withReport("Bonjour"));
    messaging.messages(started.id());
    messaging.markRead(started.id());
    messaging.reply(started.id(), Message.text("Merci"));
    String documentId =
        messaging.fileAttachment(started.id(), 0, DocumentType.LABORATORY_REPORT, null);
    fromDoctor.close(started.id());
    assertThatThrownBy(() -> messaging.reply(started.id(), Message.text("Encore")))
        .isInstanceOf(ConversationClosedException.class);

    List<Trace> traces =
        Dossier.of(holder)
            .history()
            .list(HistoryQuery.forPatient(Fixtures.ADULT).pageSize(100).build())
            .streamAll()
            .toList();

    assertThat(traces)
        .extracting(Trace::action)
        .contains(
            "CONVERSATION_START",
            "MESSAGE_READ",
            "MESSAGE_MARK_READ",
            "MESSAGE_SEND",
            "ATTACHMENT_FILE",
            "CONVERSATION_CLOSE");
    assertThat(traces)
        .filteredOn(t -> t.action().equals("ATTACHMENT_FILE"))
        .singleElement()
        .satisfies(t -> assertThat(t.document()).contains(documentId));
    assertThat(traces)
        .filteredOn(t -> t.action().equals("MESSAGE_SEND") && !t.succeeded())
        .singleElement()
        .satisfies(t -> assertThat(t.refusalCause()).isEqualTo("conversation-closed"));
  }
}
