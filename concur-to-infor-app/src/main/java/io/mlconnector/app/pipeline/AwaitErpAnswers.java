package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.LedgerEntry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;
import java.util.Map;

/**
 * Holds the posting confirmation back while a chunk whose posting kind waits for the ERP
 * ({@code infor.confirm-after.*=ERP_ACKNOWLEDGED}) is only accepted by ION: ION's 202 means ION has the message, not
 * that the ERP posted it (https://docs.infor.com/ion/2022.x/en-us/ioncedg_cloud_osm/zpy1582711928170.html). The
 * inbox event is then done; the ERP's answer, when ION pushes it, brings the document back (see
 * {@link ApplyErpAnswers}). A chunk the ERP rejected is a rejection of the document, as when ION refuses a chunk.
 */
final class AwaitErpAnswers implements Processor {
    private final Services services;

    AwaitErpAnswers(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = DocumentWork.of(exchange);
        List<LedgerEntry> posted = work.postedMessageIds.stream()
                .map(id -> services.store.ledger().find(id).orElseThrow()).toList();
        for (LedgerEntry entry : posted) {
            if (entry.state() == ChunkState.ERP_REJECTED) {
                // the ERP's rejection overtook the recording of ION's 202 while the chunk was being posted
                throw ChunkPoster.rejectedByErp(entry.messageId(), entry.lastError());
            }
        }
        List<String> waiting = posted.stream()
                .filter(this::waitsForErp)
                .map(LedgerEntry::messageId)
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        work.awaitingErp = true;
        services.store.audit().append(work.keys, AuditStep.AWAITING_ERP, Map.of("chunks", waiting,
                "timeout", services.erp.answerTimeout().toString()));
    }

    private boolean waitsForErp(LedgerEntry entry) {
        return entry.state() == ChunkState.ACCEPTED && services.erp.waitsForErp(entry.plan().kind());
    }
}
