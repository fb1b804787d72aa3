package io.mlconnector.app.store;

/**
 * A chunk's posting state. PENDING (planned) → SENT (the send has started: set BEFORE the call, so a crash leaves it
 * "in doubt") → ACCEPTED (ION answered 202: ION has it, not yet the ERP) → ERP_CONFIRMED (the ERP's
 * Acknowledge/ConfirmBOD) or ERP_REJECTED (the ERP refused it: Acknowledge actionCode="Rejected" or a ConfirmBOD
 * error); or FAILED; an accepted chunk backed out by a reversal becomes REVERSED.
 */
public enum ChunkState {
    PENDING, SENT, ACCEPTED, ERP_CONFIRMED, ERP_REJECTED, FAILED, REVERSED
}
