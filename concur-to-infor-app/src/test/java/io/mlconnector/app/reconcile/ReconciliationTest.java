package io.mlconnector.app.reconcile;

import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.store.Intake;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reconciliation's arithmetic over real inbox, audit, ledger and confirmation rows, on H2 and PostgreSQL. */
@ParameterizedClass
@EnumSource(Dialect.class)
class ReconciliationTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private MutableClock clock;
    private Store store;
    private Reconciliation reconciliation;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "reconcile");
        clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
        store = new Store(testDb.open(), clock, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        reconciliation = new Reconciliation(store);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void aCleanPeriodShowsNoDifferencesAndItsTotals() {
        // given two documents posted in full and confirmed: one in two GL chunks, one with an AP invoice beside
        Doc hotel = received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "250.00").mapped("100", "250.00", null);
        hotel.chunk(PostingKind.GL, 1, 2, "150.00").chunk(PostingKind.GL, 2, 2, "100.00").confirmed();
        Doc taxi = received("evt-2", "RPT-2").fetched("FIS-2", "EUR", "40.50").mapped("100", "40.50", "40.50");
        taxi.chunk(PostingKind.GL, 1, 1, "40.50").chunk(PostingKind.AP, 1, 1, "40.50").confirmed();
        // and, outside the period, a document never posted
        clock.advance(Duration.ofDays(1));
        received("evt-3", "RPT-3").fetched("FIS-3", "EUR", "10.00");

        // when November 30 is reconciled
        ReconciliationReport report = reconciliation.between(DAY, DAY);

        // then both documents reconcile, the one of December 1 is not in it, and the totals add up
        assertThat(report.hasDifferences()).isFalse();
        assertThat(report.documents()).extracting(DocumentReconciliation::documentId).containsExactly("FIS-1", "FIS-2");
        assertThat(report.documents()).allSatisfy(d -> assertThat(d.outcome()).isEqualTo(DocumentOutcome.CONFIRMED));
        assertThat(report.totals()).singleElement().satisfies(t -> {
            assertThat(t.currency()).isEqualTo("EUR");
            assertThat(t.accountingEntity()).isEqualTo("100");
            assertThat(t.documents()).isEqualTo(2);
            assertThat(t.postedAmount()).isEqualByComparingTo("290.50");
            assertThat(t.concurAmount()).isEqualByComparingTo("290.50");
            assertThat(t.confirmed()).isEqualTo(2);
            assertThat(t.withDifferences()).isZero();
        });
    }

    @Test
    void aDocumentPostedTwiceIsADifference() {
        // given a document whose only GL chunk ION accepted under two messageIds
        Doc doc = received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "80.00").mapped("100", "80.00", null);
        doc.chunk(PostingKind.GL, 1, 1, "80.00", "concur-FIS-1-gl-1-of-1").chunk(PostingKind.GL, 1, 1, "80.00", "m3-FIS-1-1")
                .confirmed();

        // when reconciled
        DocumentReconciliation line = only(reconciliation.between(DAY, DAY));

        // then it is posted twice, and twice the money
        assertThat(line.has(DifferenceKind.POSTED_TWICE)).isTrue();
        assertThat(line.differences()).filteredOn(d -> d.kind() == DifferenceKind.POSTED_TWICE).singleElement()
                .satisfies(d -> assertThat(d.detail()).contains("GL chunk 1 posted 2 times"));
        assertThat(line.postedAmount()).isEqualByComparingTo("160.00");
        assertThat(line.has(DifferenceKind.AMOUNT_MISMATCH)).isTrue();
    }

    @Test
    void aReportPostedUnderTwoFisDocumentsIsPostedTwice() {
        // given report RPT-1 posted and confirmed under FIS-1, and again under FIS-2
        received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "80.00").mapped("100", "80.00", null)
                .chunk(PostingKind.GL, 1, 1, "80.00").confirmed();
        received("evt-2", "RPT-1").fetched("FIS-2", "EUR", "80.00").mapped("100", "80.00", null)
                .chunk(PostingKind.GL, 1, 1, "80.00").confirmed();

        // when reconciled
        ReconciliationReport report = reconciliation.between(DAY, DAY);

        // then the second is posted twice, naming the first
        assertThat(report.withDifferences()).singleElement().satisfies(d -> {
            assertThat(d.documentId()).isEqualTo("FIS-2");
            assertThat(d.differences()).singleElement().satisfies(diff -> {
                assertThat(diff.kind()).isEqualTo(DifferenceKind.POSTED_TWICE);
                assertThat(diff.detail()).contains("FIS-1");
            });
        });
    }

    @Test
    void aMissingChunkIsADifference() {
        // given a document in three GL chunks of which the second was never accepted
        Doc doc = received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "300.00").mapped("100", "300.00", null);
        doc.chunk(PostingKind.GL, 1, 3, "100.00").plannedOnly(PostingKind.GL, 2, 3, "100.00")
                .chunk(PostingKind.GL, 3, 3, "100.00");

        // when reconciled
        DocumentReconciliation line = only(reconciliation.between(DAY, DAY));

        // then chunk 2 is missing, 200 of 300 are posted and Concur was not told
        assertThat(line.differences()).extracting(Difference::kind).contains(DifferenceKind.MISSING_CHUNK,
                DifferenceKind.AMOUNT_MISMATCH, DifferenceKind.POSTED_NOT_CONFIRMED);
        assertThat(line.differences()).filteredOn(d -> d.kind() == DifferenceKind.MISSING_CHUNK)
                .extracting(Difference::detail).containsExactly("GL chunk 2 of 3 is not posted (PENDING)");
        assertThat(line.postedAmount()).isEqualByComparingTo("200.00");
        assertThat(line.chunksPosted()).isEqualTo(2);
        assertThat(line.chunksPlanned()).isEqualTo(3);
    }

    @Test
    void anAmountMismatchBetweenTheDocumentAndItsChunksIsADifference() {
        // given a document whose journal is 125.00 but whose one posted chunk carries 120.00
        received("evt-1", "RPT-1").fetched("FIS-1", "USD", "125.00").mapped("200", "125.00", null)
                .chunk(PostingKind.GL, 1, 1, "120.00").confirmed();

        // when reconciled
        DocumentReconciliation line = only(reconciliation.between(DAY, DAY));

        // then exactly that difference, with its amount
        assertThat(line.differences()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DifferenceKind.AMOUNT_MISMATCH);
            assertThat(d.detail()).contains("posted 120.00 USD", "journal is 125.00", "difference -5.00");
        });
    }

    @Test
    void aDocumentSeenButNeverPostedIsADifference() throws Exception {
        // given one document fetched then dead-lettered, and one event dead before its document was even fetched
        received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "60.00");
        received("evt-2", "RPT-2");
        store.inbox().claim(10, "worker-1", LEASE).forEach(e ->
                store.inbox().deadLetter(e.id(), "worker-1", "FIS answered 500"));

        // when reconciled
        ReconciliationReport report = reconciliation.between(DAY, DAY);

        // then both are seen but not posted, with the reason
        assertThat(report.documents()).hasSize(2).allSatisfy(d -> {
            assertThat(d.outcome()).isEqualTo(DocumentOutcome.NOT_POSTED);
            assertThat(d.differences()).singleElement().satisfies(diff -> {
                assertThat(diff.kind()).isEqualTo(DifferenceKind.SEEN_NOT_POSTED);
                assertThat(diff.detail()).isEqualTo("dead-lettered: FIS answered 500");
            });
        });
        assertThat(report.documents()).extracting(DocumentReconciliation::businessId).containsExactly("RPT-1", "RPT-2");
    }

    @Test
    void anErrorConfirmedDocumentIsADifferenceAndARecalledOneIsNot() {
        // given one document Concur was told failed, and one recalled before it was acknowledged
        Doc failed = received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "70.00").mapped("100", "70.00", null);
        store.ledger().decideConfirmation("FIS-1", ConfirmationRecord.Outcome.ERROR, "GL account 6120 does not exist");
        store.ledger().markConfirmationSent("FIS-1");
        Doc recalled = received("evt-2", "RPT-2").fetched("FIS-2", "EUR", "5.00");
        store.audit().append(recalled.keys, AuditStep.RECALLED, Map.of());

        // when reconciled
        ReconciliationReport report = reconciliation.between(DAY, DAY);

        // then
        assertThat(report.withDifferences()).singleElement().satisfies(d -> {
            assertThat(d.documentId()).isEqualTo(failed.documentId);
            assertThat(d.outcome()).isEqualTo(DocumentOutcome.ERROR_CONFIRMED);
            assertThat(d.differences()).extracting(Difference::toString)
                    .containsExactly("error-confirmed: GL account 6120 does not exist");
        });
        assertThat(report.documents()).filteredOn(d -> "FIS-2".equals(d.documentId())).singleElement()
                .satisfies(d -> assertThat(d.outcome()).isEqualTo(DocumentOutcome.RECALLED));
    }

    @Test
    void totalsAreKeptPerCurrencyAndAccountingEntity() {
        // given documents in two currencies and two accounting entities
        received("evt-1", "RPT-1").fetched("FIS-1", "EUR", "10.00").mapped("100", "10.00", null)
                .chunk(PostingKind.GL, 1, 1, "10.00").confirmed();
        received("evt-2", "RPT-2").fetched("FIS-2", "EUR", "20.00").mapped("200", "20.00", null)
                .chunk(PostingKind.GL, 1, 1, "20.00").confirmed();
        received("evt-3", "RPT-3").fetched("FIS-3", "USD", "30.00").mapped("100", "30.00", null)
                .chunk(PostingKind.GL, 1, 1, "30.00").confirmed();
        received("evt-4", "RPT-4").fetched("FIS-4", "EUR", "5.00").mapped("100", "5.00", null);

        // when reconciled
        ReconciliationReport report = reconciliation.between(DAY, DAY);

        // then one total per currency and entity, the unposted one counted as a difference of EUR/100
        assertThat(report.totals()).extracting(t -> t.currency() + "/" + t.accountingEntity() + " " + t.documents()
                        + " docs, posted " + Money.format(t.postedAmount()) + ", with differences " + t.withDifferences())
                .containsExactly("EUR/100 2 docs, posted 10.00, with differences 1",
                        "EUR/200 1 docs, posted 20.00, with differences 0",
                        "USD/100 1 docs, posted 30.00, with differences 0");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> reconciliation.between(DAY, DAY.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends (2026-11-29) before it starts");
    }

    private static DocumentReconciliation only(ReconciliationReport report) {
        assertThat(report.documents()).hasSize(1);
        return report.documents().get(0);
    }

    private Doc received(String essEventId, String reportId) {
        new Intake(store).accept(new InboxEvent(essEventId, "public.concur.financialintegration",
                "expense.readyForIntegration", reportId, null, "{}"));
        return new Doc(AuditKeys.event(essEventId).withReportId(reportId));
    }

    /** One document being given its history, step by step, as the pipeline would record it. */
    private final class Doc {
        AuditKeys keys;
        String documentId;

        Doc(AuditKeys keys) {
            this.keys = keys;
        }

        Doc fetched(String fisDocumentId, String currency, String amount) {
            documentId = fisDocumentId;
            keys = keys.withFisDocumentId(fisDocumentId);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("docType", "expense");
            detail.put("businessId", keys.reportId());
            detail.put("amount", amount);
            detail.put("currency", currency);
            store.audit().append(keys, AuditStep.DOCUMENT_FETCHED, detail);
            return this;
        }

        Doc mapped(String accountingEntity, String debits, String payable) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("accountingEntity", accountingEntity);
            detail.put("debits", debits);
            detail.put("credits", debits);
            detail.put("payable", payable);
            store.audit().append(keys, AuditStep.MAPPED, detail);
            return this;
        }

        Doc chunk(PostingKind kind, int n, int m, String amount) {
            return chunk(kind, n, m, amount, "concur-" + documentId + "-" + kind.name().toLowerCase() + "-" + n + "-of-" + m);
        }

        Doc chunk(PostingKind kind, int n, int m, String amount, String messageId) {
            plannedOnly(kind, n, m, amount, messageId);
            store.ledger().markSent(messageId);
            store.ledger().markAccepted(messageId, "ref-" + messageId);
            return this;
        }

        Doc plannedOnly(PostingKind kind, int n, int m, String amount) {
            return plannedOnly(kind, n, m, amount,
                    "concur-" + documentId + "-" + kind.name().toLowerCase() + "-" + n + "-of-" + m);
        }

        private Doc plannedOnly(PostingKind kind, int n, int m, String amount, String messageId) {
            store.ledger().plan(ChunkPlan.posting(documentId, n, m, kind, messageId, messageId, "hash-" + messageId,
                    new BigDecimal(amount), "EUR"));
            return this;
        }

        void confirmed() {
            store.ledger().decideConfirmation(documentId, ConfirmationRecord.Outcome.SUCCESS, "");
            store.ledger().markConfirmationSent(documentId);
        }
    }
}
