package io.mes4j.conformance.internal;

import io.mes4j.conformance.Role;
import io.mes4j.core.error.ErrorCause;
import io.mes4j.messaging.Conversation;
import io.mes4j.messaging.ConversationMessage;
import io.mes4j.messaging.Message;
import java.util.ArrayList;
import java.util.List;

/** MSG-1, MSG-2: who starts a conversation, and closing it. */
final class MessagingChecks {
  private MessagingChecks() {}

  static Conversation start(Probe p, String subject) {
    Conversation c =
        p.step(
            "DOCTOR starts a conversation",
            () ->
                p.messaging(Role.DOCTOR)
                    .startConversation(p.holder(), subject, Message.text("Bonjour, " + subject)));
    p.cleanup(() -> p.messaging(Role.DOCTOR).close(c.id()));
    return c;
  }

  static List<Check> all() {
    List<Check> checks = new ArrayList<>();
    checks.add(
        Check.define(
                "MSG-1.professional-starts",
                "MSG-1",
                "A professional starts a conversation at <INS>@patient.mssante.fr; the holder finds"
                    + " it")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  Conversation c = start(p, "Conformance MSG-1");
                  // the INS stays out of the report: compare, then say which side differs
                  String address = p.holder().value() + "@patient.mssante.fr";
                  p.expect(
                      "holder address = <holder's INS>@patient.mssante.fr",
                      c.holderAddress().equals(address)
                          ? "holder address = <holder's INS>@patient.mssante.fr"
                          : "holder address = another address",
                      c.holderAddress().equals(address));
                  boolean listed =
                      p.step(
                          "HOLDER lists the conversations",
                          () ->
                              p.messaging(Role.HOLDER)
                                  .conversations(p.holder())
                                  .streamAll()
                                  .limit(500)
                                  .anyMatch(x -> x.id().equals(c.id())));
                  p.equal("in the holder's list", true, listed);
                }));
    checks.add(
        Check.define(
                "MSG-1.holder-cannot-start",
                "MSG-1",
                "The holder starting a conversation is refused 403 holder-cannot-start")
            .as(Role.HOLDER)
            .run(
                p ->
                    p.refused(
                        "HOLDER starts a conversation",
                        403,
                        ErrorCause.HOLDER_CANNOT_START,
                        () ->
                            p.messaging(Role.HOLDER)
                                .startConversation(
                                    p.holder(), "Conformance", Message.text("Bonjour")))));
    checks.add(
        Check.define(
                "MSG-1.holder-replies",
                "MSG-1",
                "The holder replies inside an open conversation; the professional reads the reply")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  Conversation c = start(p, "Conformance reply");
                  ConversationMessage reply =
                      p.step(
                          "HOLDER replies",
                          () -> p.messaging(Role.HOLDER).reply(c.id(), Message.text("Merci")));
                  p.equal("reply's conversation", c.id(), reply.conversationId());
                  List<String> texts =
                      p.step(
                          "DOCTOR reads the messages",
                          () ->
                              p.messaging(Role.DOCTOR)
                                  .messages(c.id())
                                  .streamAll()
                                  .map(m -> m.text().orElse(""))
                                  .toList());
                  p.equal("messages' texts", List.of("Bonjour, Conformance reply", "Merci"), texts);
                }));
    checks.add(
        Check.define(
                "MSG-2.closed-conversation",
                "MSG-2",
                "Once the professional closed a conversation, the holder's reply is refused 409"
                    + " conversation-closed")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  Conversation c = start(p, "Conformance MSG-2");
                  Conversation closed =
                      p.step("DOCTOR closes it", () -> p.messaging(Role.DOCTOR).close(c.id()));
                  p.equal("closed", true, closed.isClosed());
                  p.refused(
                      "HOLDER replies",
                      409,
                      ErrorCause.CONVERSATION_CLOSED,
                      () -> p.messaging(Role.HOLDER).reply(c.id(), Message.text("Merci")));
                }));
    checks.add(
        Check.define(
                "MSG-2.holder-cannot-close",
                "MSG-2",
                "The holder closing a conversation is refused 403 forbidden")
            .as(Role.HOLDER, Role.DOCTOR)
            .run(
                p -> {
                  Conversation c = start(p, "Conformance close");
                  p.refused(
                      "HOLDER closes it",
                      403,
                      ErrorCause.FORBIDDEN,
                      () -> p.messaging(Role.HOLDER).close(c.id()));
                }));
    return checks;
  }
}
