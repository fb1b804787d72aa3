package io.mlconnector.infor.internal;

import io.mlconnector.infor.api.BodVerb;
import io.mlconnector.infor.api.SupplierInvoice;
import io.mlconnector.infor.api.SupplierInvoiceLine;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes {@code Process.SupplierInvoice} in the element order of the ION Mapper registry
 * ({@code process-supplierinvoice-registry-paths.tsv}, decoded from
 * https://github.com/Fellow-Consulting-AG/docbits/blob/main/readme/.gitbook/assets/CaptureDocument_to_ProcessSupplierInvoice.xml):
 * header with DocumentID, DocumentDateTime, TotalAmount, SupplierParty, Tax and the mandatory Status; one
 * SupplierInvoiceLine per cost line with a Distribution carrying GLAccount/GLNominalAccount and the cost center as
 * Classification code (the registry's Distribution has no DimensionCodes).
 */
public final class SupplierInvoiceBodWriter {
    public static final String NOUN = "SupplierInvoice";
    /** Status/Code of a new invoice; the values each ERP expects are not documented publicly. */
    public static final String STATUS_CODE = "Open";

    private final BodEnvelope envelope;

    public SupplierInvoiceBodWriter(BodEnvelope envelope) {
        this.envelope = envelope;
    }

    public String bodId(SupplierInvoice invoice) {
        return BodEnvelope.bodId(envelope.tenant(), invoice.accountingEntity(), invoice.invoiceNumber(), NOUN,
                BodVerb.PROCESS, invoice.variationId());
    }

    public void write(SupplierInvoice invoice, Instant created, OutputStream out) {
        try (BodXmlWriter xml = new BodXmlWriter(out)) {
            xml.startDocument(BodVerb.PROCESS.element() + NOUN, envelope.versionId());
            envelope.writeApplicationArea(xml, created, bodId(invoice));
            xml.start("DataArea");
            envelope.writeVerb(xml, BodVerb.PROCESS, invoice.accountingEntity());
            xml.start(NOUN);
            writeHeader(xml, invoice);
            int number = 1;
            for (SupplierInvoiceLine line : invoice.lines()) {
                writeLine(xml, invoice, line, number++);
            }
            xml.end().end();
            xml.endDocument();
        }
    }

    private static void writeHeader(BodXmlWriter xml, SupplierInvoice invoice) {
        String currency = invoice.currency();
        xml.start("SupplierInvoiceHeader");
        xml.idElement("DocumentID", invoice.invoiceNumber());
        xml.text("DocumentDateTime", invoice.invoiceDate().atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        xml.text("Description", invoice.description());
        xml.amount("TotalAmount", invoice.total(), currency);
        xml.start("SupplierParty").start("PartyIDs").text("ID", invoice.supplierPartyId()).end().end();
        BigDecimal tax = invoice.taxTotal();
        if (tax.signum() != 0) {
            xml.start("Tax").amount("Amount", tax, currency).end();
        }
        xml.start("Status").text("Code", STATUS_CODE).end();
        xml.end();
    }

    private static void writeLine(BodXmlWriter xml, SupplierInvoice invoice, SupplierInvoiceLine line, int number) {
        String currency = invoice.currency();
        xml.start("SupplierInvoiceLine");
        xml.text("LineNumber", Integer.toString(number));
        xml.text("Description", line.description());
        xml.amount("ExtendedAmount", line.amount(), currency);
        xml.amount("TotalAmount", line.grossAmount(), currency);
        if (line.taxAmount().signum() != 0) {
            xml.start("Tax").amount("Amount", line.taxAmount(), currency).end();
        }
        xml.start("Distribution");
        xml.amount("Amount", line.amount(), currency);
        xml.start("GLAccount").text("GLNominalAccount", line.glAccount())
                .idElement("AccountingChartReference", invoice.accountingEntity()).end();
        if (line.costCenter() != null) {
            xml.start("Classification").start("Codes").start("Code").attr("sequence", "1")
                    .chars("Code", line.costCenter()).end().end().end();
        }
        xml.end();
        xml.end();
    }
}
