/**
 * mes4j's secure messaging with the holder of Mon espace santé (MSG-1 to MSG-5).
 *
 * <ul>
 *   <li>{@link io.mes4j.messaging.Messaging}: the entry point, {@code Messaging.of(mesClient)};
 *   <li>{@link io.mes4j.messaging.Message}, {@link io.mes4j.messaging.MessageAttachment}: what is
 *       sent;
 *   <li>{@link io.mes4j.messaging.Conversation}, {@link io.mes4j.messaging.ConversationMessage},
 *       {@link io.mes4j.messaging.Participant}: what is read;
 *   <li>{@link io.mes4j.messaging.ConversationQuery}: how a holder's conversations are listed.
 * </ul>
 */
@NullMarked
package io.mes4j.messaging;

import org.jspecify.annotations.NullMarked;
