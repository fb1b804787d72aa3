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
 * {@link ApplyErpAnswers}). A chunk the ERP rejected never gets here: {@link ChunkPoster} raises it as a rejection.
 */
final class AwaitErpAnswers implements Processor {
    private final Services services;

    AwaitErpAnswers(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        List<String> waiting = work.postedMessageIds.stream()
                .map(id -> services.store.ledger().find(id).orElseThrow())
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
