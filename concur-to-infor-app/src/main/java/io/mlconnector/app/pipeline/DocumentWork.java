package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.PostingPlan;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;
import org.apache.camel.Exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * One inbox event on its way through the route: what each step learned, so the next step and the audit trail can use
 * it. Lives only for one attempt; everything that must survive a crash is in the store.
 */
final class DocumentWork {
    /**
     * The exchange property that carries the work through the route, while the body carries what a step sends to
     * Concur or Infor (a posting confirmation, a BOD) and what they answer.
     */
    static final String PROPERTY = "mlcDocumentWork";

    final InboxEntry entry;
    final ConcurEvent event;
    final String workerId;
    /** Tells the workers' health check that this attempt moved on. */
    private final Runnable progressed;
    AuditKeys keys;
    FisDocType docType;
    FisDocument fisDocument;
    AccountingDocument accounting;
    PostingPlan plan;
    boolean recalled;
    /** The step found nothing to post (e.g. a report Concur also sends through FIS); it audited why. */
    boolean nothingToPost;
    /** Already confirmed to Concur as error: nothing more may be posted for it. */
    boolean finished;
    /** Posted, but a chunk waits for the ERP's answer before Concur may hear success. */
    boolean awaitingErp;
    final List<String> postedMessageIds = new ArrayList<>();

    DocumentWork(InboxEntry entry, ConcurEvent event, String workerId, Runnable progressed) {
        this.entry = entry;
        this.event = event;
        this.workerId = workerId;
        this.progressed = progressed;
        this.keys = AuditKeys.event(entry.essEventId()).withReportId(businessId());
    }

    /** The work of the exchange's event (set when the event enters the route). */
    static DocumentWork of(Exchange exchange) {
        DocumentWork work = exchange.getProperty(PROPERTY, DocumentWork.class);
        if (work == null) {
            throw new IllegalStateException("exchange " + exchange.getExchangeId() + " carries no document work");
        }
        return work;
    }

    /** Puts the work back into the body once a step has read Concur's or Infor's answer. */
    static DocumentWork resume(Exchange exchange) {
        DocumentWork work = of(exchange);
        exchange.getMessage().setBody(work);
        return work;
    }

    /**
     * Extends this attempt's inbox lease before a step with an effect outside (an ION message, a posting
     * confirmation). Raises when the lease already ran out: another worker may own the document now, and two
     * attempts at once would re-send each other's in-doubt chunks and confirm twice.
     */
    void holdLease(Services services, String before) {
        if (!services.store.inbox().renewLease(entry.id(), workerId, services.settings.worker().lease())) {
            throw new RetryLater("the inbox lease of event " + entry.essEventId() + " ran out before "
                    + before + ": left to the worker that holds it now");
        }
        progressed.run();
    }

    String fisDocumentId() {
        return fisDocument == null ? null : fisDocument.id();
    }

    /** The business id: report id, payment request id or cash advance id (FIS facts.documentId, else reportId/requestId). */
    String businessId() {
        return event.businessId().orElse(null);
    }
}
