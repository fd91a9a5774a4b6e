package io.mes4j.mockserver.internal;

import io.mes4j.mockserver.internal.auth.ClientRegistry;
import io.mes4j.mockserver.internal.dossier.PageCursors;
import io.mes4j.mockserver.internal.http.IdempotencyCache;
import io.mes4j.mockserver.internal.notify.Outbox;
import io.mes4j.mockserver.internal.store.IdGenerator;
import io.mes4j.mockserver.internal.store.Store;

/**
 * Everything a reset replaces, together: the store, the outbox, the id generator, the registered
 * clients, the idempotency cache and the search page cursors. A request reads the state once and
 * works on that snapshot, so a reset never mixes two states in one answer.
 */
public record ServerState(
    Store store,
    Outbox outbox,
    IdGenerator ids,
    ClientRegistry clients,
    IdempotencyCache idempotency,
    PageCursors cursors) {}
