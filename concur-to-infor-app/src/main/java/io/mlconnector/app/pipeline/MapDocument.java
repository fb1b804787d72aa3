package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.mapping.MappingException;
import io.mlconnector.app.posting.AccountingDocument;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the FIS document with the customer's current mapping file to a balanced accounting document. A code the
 * mapping does not know rejects the document with every missing code named.
 */
final class MapDocument implements Processor {
    private final Services services;

    MapDocument(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        AccountingDocument accounting;
        try {
            accounting = services.mapping.current().map(work.fisDocument);
        } catch (MappingException e) {
            throw new DocumentRejected(RejectionReason.UNMAPPED, e.problems().stream().map(MappingException.Problem::code).toList(),
                    e.problems().stream().map(MappingException.Problem::message).toList(),
                    e.problems().stream().map(p -> p.lineItemIds().stream().sorted().toList()).toList());
        }
        work.accounting = accounting;
        // the later steps read only the envelope (status, business id); the document's tree is not kept while posting
        work.fisDocument = work.fisDocument.withoutContent();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("accountingEntity", accounting.accountingEntity());
        detail.put("currency", accounting.currency());
        detail.put("debits", accounting.totalDebits().toPlainString());
        detail.put("credits", accounting.totalCredits().toPlainString());
        detail.put("glLines", accounting.glLines().stream().map(l -> Map.of(
                "glAccount", l.glAccount(), "costCenter", l.costCenter() == null ? "" : l.costCenter(),
                "side", l.side().name(), "amount", l.amount().toPlainString())).limit(200).toList());
        detail.put("payable", accounting.payable().map(p -> p.amount().toPlainString()).orElse(null));
        detail.put("mapping", services.mapping.current().source());
        services.store.audit().append(work.keys, AuditStep.MAPPED, detail);
    }

}
