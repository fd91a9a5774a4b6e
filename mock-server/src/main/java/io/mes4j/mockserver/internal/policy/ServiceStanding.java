package io.mes4j.mockserver.internal.policy;

/**
 * What the server knows of a service token's standing at the time of a call (CAT-1 to CAT-3, ES-6):
 * whether its grant and its pairing are still in force, whether its service is suspended or
 * delisted, and whether its pairing waits for the holder's re-approval.
 */
public record ServiceStanding(
    boolean grantActive,
    boolean pairingActive,
    boolean serviceRefused,
    boolean reapprovalRequired) {}
