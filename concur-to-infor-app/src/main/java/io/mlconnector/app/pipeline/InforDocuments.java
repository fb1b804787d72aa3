package io.mlconnector.app.pipeline;

import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.Payable;
import io.mlconnector.app.posting.PayableLine;
import io.mlconnector.app.posting.PostingChunk;
import io.mlconnector.infor.api.JournalEntry;
import io.mlconnector.infor.api.JournalEntryLine;
import io.mlconnector.infor.api.SupplierInvoice;

import java.math.BigDecimal;

/**
 * A planned chunk as the Infor connector's documents. The chunk id is the Infor document id, so a retried chunk is
 * the same BOD with the same messageId (see {@code ChunkIds}); a reversal carries its own {@code -rev} id.
 */
final class InforDocuments {
    private InforDocuments() {
    }

    static JournalEntry journalEntry(PostingChunk chunk) {
        JournalEntry.Builder entry = JournalEntry.builder()
                .accountingEntity(chunk.accountingEntity())
                .documentId(chunk.id())
                .variationId(1)
                .currency(chunk.currency())
                .postingDate(chunk.postingDate())
                .description(chunk.description());
        for (GlLine line : chunk.lines()) {
            entry.line(new JournalEntryLine(line.glAccount(), line.costCenter(), line.amount(),
                    line.side(),
                    line.description()));
        }
        return entry.build();
    }

    /** The AP invoice of a chunk; the invoice number is the chunk id so a resubmitted report never collides. */
    static SupplierInvoice supplierInvoice(PostingChunk chunk) {
        Payable payable = chunk.payable().orElseThrow(() -> new IllegalArgumentException(chunk.id() + " is not an AP chunk"));
        SupplierInvoice.Builder invoice = SupplierInvoice.builder()
                .accountingEntity(chunk.accountingEntity())
                .supplierPartyId(payable.supplierId())
                .invoiceNumber(chunk.id())
                .invoiceDate(payable.invoiceDate() != null ? payable.invoiceDate() : chunk.postingDate())
                .currency(chunk.currency())
                .total(payable.amount())
                .description(chunk.description())
                .variationId(1);
        for (PayableLine line : payable.lines()) {
            invoice.line(line.glAccount(), null, line.amount(), BigDecimal.ZERO, line.description());
        }
        return invoice.build();
    }
}
