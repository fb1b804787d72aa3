package io.mlconnector.app.m3;

import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.ChunkIds;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.posting.Payable;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.ChunkState;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.infor.api.InforIonConnection;
import io.mlconnector.infor.api.InforIonConnectionProvider;
import io.mlconnector.infor.api.InforIonSettings;
import io.mlconnector.infor.api.M3Operations;
import io.mlconnector.infor.api.SupplierInvoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chunk left SENT in the ledger (the app stopped after calling M3, before recording the answer) is resolved the
 * REST way on the next attempt: {@code LstInvBySupInv} first, and only an invoice M3 does not have is sent.
 */
class M3InDoubtResolutionTest {
    @TempDir
    Path dir;

    @Test
    void sentChunkThatM3AlreadyHasIsConfirmedByTheExistenceCheckWithoutASecondAddHead() {
        try (M3Harness h = new M3Harness(dir, Map.of())) {
            // given an expense report whose AP chunk the ledger holds as SENT, and which M3 already has
            String docId = h.concur.fis().seedPublishedSamples().get(0);
            AccountingDocument mapped = h.mapped(docId);
            Payable payable = mapped.payable().orElseThrow();
            String inbn = addToM3(h, mapped);
            markSent(h, mapped);
            int callsBefore = h.infor.m3().executedTransactions().size();

            // when the app runs and Concur approves the document
            h.start().approveAndAwaitConfirmations(List.of(docId));

            // then M3 was only asked, nothing was added again
            assertThat(h.infor.m3().executedTransactions().subList(callsBefore, h.infor.m3().executedTransactions().size()))
                    .filteredOn(t -> t.startsWith("APS450MI/")).containsExactly("APS450MI/LstInvBySupInv");
            assertThat(h.infor.m3().invoicesBySupplierInvoice(payable.supplierId(), payable.supplierId(),
                    payable.invoiceNumber())).hasSize(1);
            // and the ledger and audit trail say it was found, not sent
            LedgerEntry entry = h.store.ledger().find(messageId(docId)).orElseThrow();
            assertThat(entry.state()).isEqualTo(ChunkState.ERP_CONFIRMED);
            assertThat(entry.inforReference()).isEqualTo(inbn);
            List<String> steps = h.store.audit().trail(docId).stream().map(AuditEntry::step).toList();
            assertThat(steps).contains(AuditStep.CHUNK_FOUND_IN_ERP)
                    .doesNotContain(AuditStep.CHUNK_IN_DOUBT, AuditStep.CHUNK_CONFIRMED_BY_ERP);
            // and Concur is told success once, naming the invoice
            assertThat(h.concur.fis().postingConfirmations(docId)).singleElement().satisfies(c -> {
                assertThat(c.path("overallPostingStatusCode").asText()).isEqualTo("success");
                assertThat(c.path("postingDocs").get(0).path("documentNumber").asText())
                        .isEqualTo(payable.invoiceNumber());
            });
        }
    }

    @Test
    void sentChunkThatM3DoesNotHaveIsSentOnce() {
        try (M3Harness h = new M3Harness(dir, Map.of())) {
            // given the AP chunk SENT in the ledger, but the call never reached M3
            String docId = h.concur.fis().seedPublishedSamples().get(0);
            AccountingDocument mapped = h.mapped(docId);
            markSent(h, mapped);

            // when
            h.start().approveAndAwaitConfirmations(List.of(docId));

            // then it is posted exactly once, recorded as in doubt and then confirmed by M3
            assertThat(h.infor.m3().executedTransactions()).filteredOn("APS450MI/AddHead"::equals).hasSize(1);
            assertThat(h.store.ledger().find(messageId(docId)).orElseThrow().state())
                    .isEqualTo(ChunkState.ERP_CONFIRMED);
            assertThat(h.store.audit().trail(docId).stream().map(AuditEntry::step).toList())
                    .containsSubsequence(AuditStep.CHUNK_IN_DOUBT, AuditStep.CHUNK_CONFIRMED_BY_ERP)
                    .doesNotContain(AuditStep.CHUNK_FOUND_IN_ERP);
            assertThat(h.concur.fis().postingConfirmations(docId)).hasSize(1);
        }
    }

    @Test
    void chunkRecordedAcceptedButNotYetConfirmedIsCompletedWithoutCallingM3Again() {
        try (M3Harness h = new M3Harness(dir, Map.of())) {
            // given M3 answered and the ledger recorded ACCEPTED, but the app stopped before ERP_CONFIRMED
            String docId = h.concur.fis().seedPublishedSamples().get(0);
            AccountingDocument mapped = h.mapped(docId);
            String inbn = addToM3(h, mapped);
            markSent(h, mapped);
            assertThat(h.store.ledger().markAccepted(messageId(docId), inbn)).isTrue();
            int callsBefore = h.infor.m3().executedTransactions().size();

            // when
            h.start().approveAndAwaitConfirmations(List.of(docId));

            // then the row is completed from what M3 had answered, and M3 is not asked to add anything
            LedgerEntry entry = h.store.ledger().find(messageId(docId)).orElseThrow();
            assertThat(entry.state()).isEqualTo(ChunkState.ERP_CONFIRMED);
            assertThat(entry.inforReference()).isEqualTo(inbn);
            assertThat(h.infor.m3().executedTransactions().subList(callsBefore, h.infor.m3().executedTransactions().size()))
                    .noneMatch(t -> t.startsWith("APS450MI/"));
            assertThat(h.concur.fis().postingConfirmations(docId)).hasSize(1);
        }
    }

    /** The ledger key of a document's M3 invoice (README-posting.md): {@code mlc:m3:APS450MI:<AP chunk id>}. */
    private static String messageId(String docId) {
        return "mlc:m3:APS450MI:" + ChunkIds.of(docId, PostingKind.AP, 1, 1);
    }

    private static void markSent(M3Harness h, AccountingDocument mapped) {
        Payable payable = mapped.payable().orElseThrow();
        String messageId = messageId(mapped.fisDocumentId());
        h.store.ledger().plan(ChunkPlan.posting(mapped.fisDocumentId(), 1, 1, PostingKind.AP, messageId,
                "APS450MI " + mapped.accountingEntity() + "/" + payable.supplierId() + "/" + payable.invoiceNumber(),
                "sent before the crash", payable.amount(), mapped.currency()));
        assertThat(h.store.ledger().markSent(messageId)).isTrue();
    }

    /** What the interrupted attempt had already added to M3: the invoice with the document's cost lines. */
    private static String addToM3(M3Harness h, AccountingDocument mapped) {
        Payable payable = mapped.payable().orElseThrow();
        SupplierInvoice.Builder invoice = SupplierInvoice.builder().accountingEntity(mapped.accountingEntity())
                .supplierPartyId(payable.supplierId()).invoiceNumber(payable.invoiceNumber())
                .invoiceDate(payable.invoiceDate()).currency(mapped.currency()).total(payable.amount());
        payable.distribution().forEach(l -> invoice.line(l.glAccount(), l.costCenter(), l.amount(), BigDecimal.ZERO,
                l.description()));
        try (InforIonConnection connection = InforIonConnectionProvider.fromIonapiFile(h.infor.ionapiFile(),
                InforIonSettings.builder().build()).connect()) {
            return new M3Operations(connection).addSupplierInvoice(invoice.build()).invoiceBatchNumber();
        }
    }
}
