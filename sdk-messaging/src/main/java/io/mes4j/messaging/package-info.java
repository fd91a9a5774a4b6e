/**
 * mes4j's secure messaging with the holder of Mon espace santé (MSG-1 to MSG-5).
 *
 * <ul>
 *   <li>Entry point: {@link io.mes4j.messaging.Messaging}, {@code Messaging.of(mesClient)}.
 *   <li>What is sent: {@link io.mes4j.messaging.Message}, {@link
 *       io.mes4j.messaging.MessageAttachment}.
 *   <li>What is read: {@link io.mes4j.messaging.Conversation} (with its {@link
 *       io.mes4j.messaging.ConversationStatus}), {@link io.mes4j.messaging.ConversationMessage},
 *       {@link io.mes4j.messaging.Participant}.
 *   <li>How a holder's conversations are listed: {@link io.mes4j.messaging.ConversationQuery}.
 * </ul>
 *
 * <p>Refusals are the typed exceptions of {@link io.mes4j.core.error}, e.g. {@link
 * io.mes4j.core.error.ConversationClosedException} and {@link
 * io.mes4j.core.error.HolderCannotStartException}.
 */
@NullMarked
package io.mes4j.messaging;

import org.jspecify.annotations.NullMarked;
