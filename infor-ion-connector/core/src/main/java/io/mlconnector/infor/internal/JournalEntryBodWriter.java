package io.mlconnector.infor.internal;

import io.mlconnector.infor.api.BodVerb;
import io.mlconnector.infor.api.JournalEntry;
import io.mlconnector.infor.api.JournalEntryLine;

import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes {@code Sync/Process.SourceSystemJournalEntry} after the public OCA/connector-infor examples
 * (https://github.com/OCA/connector-infor): one JournalEntryLine per line with an unsigned Amount and its
 * DebitCreditFlag, the GL account as GLNominalAccount and the cost center as the first DimensionCode.
 */
public final class JournalEntryBodWriter {
    public static final String NOUN = "SourceSystemJournalEntry";
    /**
     * The DimensionCode listID for the cost center; which dimension holds it is ERP set-up, not documented publicly.
     */
    public static final String COST_CENTER_LIST_ID = "CostCenter";

    private final BodEnvelope envelope;

    public JournalEntryBodWriter(BodEnvelope envelope) {
        this.envelope = envelope;
    }

    public String bodId(JournalEntry entry, BodVerb verb) {
        return BodEnvelope.bodId(envelope.tenant(), entry.accountingEntity(), entry.documentId(), NOUN, verb,
                entry.variationId());
    }

    public void write(JournalEntry entry, BodVerb verb, Instant created, OutputStream out) {
        try (BodXmlWriter xml = new BodXmlWriter(out)) {
            xml.startDocument(verb.element() + NOUN, envelope.versionId());
            envelope.writeApplicationArea(xml, created, bodId(entry, verb));
            xml.start("DataArea");
            envelope.writeVerb(xml, verb, entry.accountingEntity());
            xml.start(NOUN);
            writeHeader(xml, entry);
            int sequence = 1;
            for (JournalEntryLine line : entry.lines()) {
                writeLine(xml, entry, line, sequence++);
            }
            xml.end().end();
            xml.endDocument();
        }
    }

    private static void writeHeader(BodXmlWriter xml, JournalEntry entry) {
        xml.start("JournalEntryHeader");
        xml.start("JournalID").attr("accountingEntity", entry.accountingEntity())
                .attr("variationID", Long.toString(entry.variationId())).chars("JournalID", entry.documentId()).end();
        xml.text("DisplayID", entry.documentId());
        xml.start("BaseJournalEntryHeader").text("LedgerType", "Actual");
        xml.start("JournalStatus").text("Code", "Final").end();
        xml.end();
        xml.end();
    }

    private static void writeLine(BodXmlWriter xml, JournalEntry entry, JournalEntryLine line, int sequence) {
        xml.start("JournalEntryLine").attr("sequence", Integer.toString(sequence));
        xml.amount("Amount", line.amount(), entry.currency());
        xml.start("GLAccount").text("GLNominalAccount", line.glAccount())
                .idElement("AccountingChartReference", entry.accountingEntity()).end();
        if (line.costCenter() != null) {
            xml.start("DimensionCodes").start("DimensionCode").attr("sequence", "1")
                    .attr("listID", COST_CENTER_LIST_ID).chars("DimensionCode", line.costCenter()).end().end();
        }
        xml.text("DebitCreditFlag", line.side().flag());
        xml.start("SourceAccountingDate")
                .text("PostDateTime", entry.postingDate().atStartOfDay().toInstant(ZoneOffset.UTC).toString()).end();
        xml.text("TransactionReferenceText", entry.documentId());
        String description = line.description() != null ? line.description() : entry.description();
        xml.text("Description", description);
        xml.end();
    }
}
