package io.mes4j.mockserver.internal;

import io.mes4j.mockserver.internal.auth.ClientRegistry;
import io.mes4j.mockserver.internal.dossier.PageCursors;
import io.mes4j.mockserver.internal.http.IdempotencyCache;
import io.mes4j.mockserver.internal.notify.Outbox;
import io.mes4j.mockserver.internal.store.Catalogue;
import io.mes4j.mockserver.internal.store.Grants;
import io.mes4j.mockserver.internal.store.IdGenerator;
import io.mes4j.mockserver.internal.store.Pairings;
import io.mes4j.mockserver.internal.store.Store;

/**
 * Everything a reset replaces, together: the store, the outbox, the id generator, the registered
 * clients, the idempotency cache, the search page cursors, and the catalogue with its pairings and
 * grants (CAT-1 to CAT-3). A request reads the state once and works on that snapshot, so a reset
 * never mixes two states in one answer.
 */
public record ServerState(
    Store store,
    Outbox outbox,
    IdGenerator ids,
    ClientRegistry clients,
    IdempotencyCache idempotency,
    PageCursors cursors,
    Catalogue catalogue,
    Pairings pairings,
    Grants grants) {}
