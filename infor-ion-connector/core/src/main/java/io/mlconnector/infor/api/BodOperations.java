package io.mlconnector.infor.api;

import io.mlconnector.infor.internal.BodEnvelope;
import io.mlconnector.infor.internal.JournalEntryBodWriter;
import io.mlconnector.infor.internal.SupplierInvoiceBodWriter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * BOD builders (InforOAGIS 2, releaseID 9.2;
 * https://docs.infor.com/ln/10.8/en-us/lnolh/help/tl/lnstudiointegration/tps1504267854022.html). Output is streamed
 * with StAX, XML-escaped, and deterministic: the same input gives the same bytes apart from {@code CreationDateTime}.
 * No network access.
 */
public final class BodOperations {
    private final BodEnvelope envelope;
    private final Clock clock;

    /**
     * @param tenant   the tenant ({@code ti} of the .ionapi file), written as TenantID and in the BODID
     * @param settings sender logical id ({@code fromLogicalId}, required), component id, confirmation code, versionID
     * @param clock    source of CreationDateTime
     * @throws InforIonException CONFIGURATION when tenant or fromLogicalId is missing
     */
    public BodOperations(String tenant, InforIonSettings settings, Clock clock) {
        if (tenant == null || tenant.isBlank() || settings.fromLogicalId() == null || settings.fromLogicalId().isBlank()) {
            throw new InforIonException(InforIonErrorType.CONFIGURATION,
                    "building BODs needs the tenant and fromLogicalId (the IMS connection point's logical id)");
        }
        this.envelope = new BodEnvelope(tenant, settings.fromLogicalId(), settings.senderComponentId(),
                settings.confirmationCode(), settings.bodVersionId());
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Builders for the connection's tenant and settings, with the system clock. */
    public static BodOperations forConnection(InforIonConnection connection) {
        return new BodOperations(connection.tenant(), connection.settings(), connection.clock());
    }

    /** {@code Sync.SourceSystemJournalEntry}; see {@link #journalEntry(JournalEntry, BodVerb)}. */
    public Bod syncJournalEntry(JournalEntry entry) {
        return journalEntry(entry, BodVerb.SYNC);
    }

    /** {@code Process.SourceSystemJournalEntry}; see {@link #journalEntry(JournalEntry, BodVerb)}. */
    public Bod processJournalEntry(JournalEntry entry) {
        return journalEntry(entry, BodVerb.PROCESS);
    }

    /**
     * Builds a {@code <verb>.SourceSystemJournalEntry} BOD of a balanced entry.
     *
     * @throws InforIonException INVALID_INPUT when a text holds a character XML cannot carry
     */
    public Bod journalEntry(JournalEntry entry, BodVerb verb) {
        JournalEntryBodWriter writer = new JournalEntryBodWriter(envelope);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + entry.lines().size() * 512);
        writer.write(entry, verb, clock.instant(), out);
        return new Bod(verb.element() + "." + JournalEntryBodWriter.NOUN, writer.bodId(entry, verb),
                entry.documentId(), entry.accountingEntity(), entry.variationId(), out.toByteArray());
    }

    /** Streams the journal entry BOD to {@code out} without holding it in memory (the caller closes the stream). */
    public void writeJournalEntry(JournalEntry entry, BodVerb verb, OutputStream out) {
        new JournalEntryBodWriter(envelope).write(entry, verb, clock.instant(), nonClosing(out));
    }

    /**
     * Builds {@code Process.SupplierInvoice} (structure of the ION Mapper registry,
     * https://github.com/Fellow-Consulting-AG/docbits/blob/main/readme/.gitbook/assets/CaptureDocument_to_ProcessSupplierInvoice.xml).
     *
     * @throws InforIonException INVALID_INPUT when a text holds a character XML cannot carry
     */
    public Bod processSupplierInvoice(SupplierInvoice invoice) {
        SupplierInvoiceBodWriter writer = new SupplierInvoiceBodWriter(envelope);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + invoice.lines().size() * 512);
        writer.write(invoice, clock.instant(), out);
        return new Bod(BodVerb.PROCESS.element() + "." + SupplierInvoiceBodWriter.NOUN, writer.bodId(invoice),
                invoice.invoiceNumber(), invoice.accountingEntity(), invoice.variationId(), out.toByteArray());
    }

    /**
     * The serialized size in bytes of the journal entry's BOD, measured by streaming into a counter (nothing is
     * kept). The app compares it with {@link InforIonSettings#maxMessageBytes()} to split a large document.
     */
    public long serializedSize(JournalEntry entry, BodVerb verb) {
        CountingOutputStream counter = new CountingOutputStream();
        new JournalEntryBodWriter(envelope).write(entry, verb, clock.instant(), counter);
        return counter.count;
    }

    /** The serialized size in bytes of the supplier invoice's BOD; see {@link #serializedSize(JournalEntry, BodVerb)}. */
    public long serializedSize(SupplierInvoice invoice) {
        CountingOutputStream counter = new CountingOutputStream();
        new SupplierInvoiceBodWriter(envelope).write(invoice, clock.instant(), counter);
        return counter.count;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new OutputStream() {
            @Override public void write(int b) throws java.io.IOException { out.write(b); }
            @Override public void write(byte[] b, int off, int len) throws java.io.IOException { out.write(b, off, len); }
            @Override public void flush() throws java.io.IOException { out.flush(); }
        };
    }

    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
