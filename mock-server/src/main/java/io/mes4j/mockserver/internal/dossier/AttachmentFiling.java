package io.mes4j.mockserver.internal.dossier;

import io.mes4j.core.code.DocumentType;
import io.mes4j.core.identity.Ins;
import io.mes4j.mockserver.internal.Engine;
import io.mes4j.mockserver.internal.ServerState;
import io.mes4j.mockserver.internal.policy.Actor;
import io.mes4j.mockserver.internal.policy.Mode;
import io.mes4j.mockserver.internal.store.StoredDocument;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The way into the deposit path for other parts of the server: MSG-3's filing of a message's
 * attachment is a holder's upload (DOC-1), decided, stored, traced and notified by {@link Deposits}
 * exactly as one made through the documents API, so the dossier rules govern it from then on.
 */
public final class AttachmentFiling {
  private final Deposits deposits;

  public AttachmentFiling(Engine engine) {
    this.deposits = new Deposits(engine);
  }

  /**
   * Deposits {@code content} into {@code patient}'s dossier as {@code actor}, without labels.
   * Depositing the same {@code masterIdentifier} with the same content again answers the first
   * document (DOC-2).
   *
   * @throws io.mes4j.mockserver.internal.http.HttpError if the policy refuses it
   */
  public StoredDocument file(
      ServerState state,
      Actor actor,
      Mode mode,
      Ins patient,
      String masterIdentifier,
      DocumentType type,
      String contentType,
      byte[] content,
      @Nullable String title,
      @Nullable Instant creation) {
    DepositRequest request =
        new DepositRequest(
            patient, masterIdentifier, type, Set.of(), contentType, content, title, creation, null);
    return deposits.deposit(state, actor, mode, request).document();
  }
}
