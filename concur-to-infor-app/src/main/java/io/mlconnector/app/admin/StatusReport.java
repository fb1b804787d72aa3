package io.mlconnector.app.admin;

import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.InboxState;

import java.util.Map;

/**
 * Counts per state: inbox rows, ledger chunks, open exception records, quarantined deliveries; chunks ION accepted
 * whose ERP acknowledgement Concur's confirmation waits for.
 */
public record StatusReport(Map<InboxState, Long> inbox, Map<ChunkState, Long> ledger, long openExceptions,
                           long quarantined, long chunksInDoubt, long chunksAwaitingErp) {
}
