package io.mlconnector.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.sandbox.concur.ConcurSandboxSettings;
import io.mlconnector.sandbox.concur.Delivery;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.infor.ImsMessage;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every published FIS sample through the real app, end to end: Concur approves, ESS delivers to the webhook, the app
 * fetches, acknowledges, maps, validates, posts through ION and confirms. Assertions are on what the two sandboxes
 * recorded. Runs on H2 (a file database) and on PostgreSQL.
 */
class PublishedSamplesEndToEndTest extends EndToEndTest {
    @Test
    void everyPublishedSampleIsPostedBalancedWithTheDocumentsAmountOnTheMappedAccounts() {
        // given the app running against both sandboxes, and the nine published FIS samples in Concur
        start();
        List<String> docIds = harness.concur.fis().seedPublishedSamples();

        // when Concur final-approves each of them
        docIds.forEach(harness::approve);
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));

        // then each document reached ION as balanced journal entries worth exactly what Concur's journal rows say
        for (String docId : docIds) {
            JsonNode doc = harness.concur.fis().document(docId);
            String docType = FisDocuments.docType(doc);
            List<RecordedBod> bods = harness.messagesOf(docId).stream().map(RecordedBod::parse).toList();
            List<RecordedBod> journals = bods.stream().filter(RecordedBod::isJournalEntry).toList();
            assertThat(journals).as("journal entries of %s", docId).isNotEmpty();
            journals.forEach(bod -> assertThat(bod.debits()).as("Σ debit = Σ credit in %s", bod.documentId())
                    .isEqualByComparingTo(bod.credits()));
            assertThat(journals).flatExtracting(RecordedBod::lines).extracting(RecordedBod.Line::currency)
                    .containsOnly(FisDocuments.currency(docType, doc));
            assertThat(postedAmount(docType, journals)).as("amount posted for %s %s", docType, docId)
                    .isEqualByComparingTo(FisDocuments.journalTotal(docType, doc));
            // and the AP invoice owes the employee / supplier exactly what the journal credits to the payable account
            bods.stream().filter(RecordedBod::isSupplierInvoice).forEach(invoice ->
                    assertThat(invoice.invoiceTotal()).as("AP invoice of %s", docId)
                            .isEqualByComparingTo(netCredit(journals, "2100")));
        }
    }

    @Test
    void theDefaultMappingPutsTheSamplesOnTheExpectedGlAccountsAndCostCenters() {
        // given the getting-started expense report (a hotel bill of 150 + 50 paid by the employee, no cost object
        // anywhere, 50 of an earlier cash advance applied) and
        // use case 4.1 (hotel, hotel tax and a breakfast split between the cost objects 21-BELLEV1 and 1000, COPD)
        start();
        List<String> docIds = harness.concur.fis().seedPublishedSamples();
        String hotelReport = byBusinessId(docIds, "D0719B539ED64FE612AB");
        String allocated = byBusinessId(docIds, "460EFDDC98634EA9A0AD");

        // when both are approved and posted
        harness.approve(hotelReport);
        harness.approve(allocated);
        harness.awaitFisState(hotelReport, FisState.POSTED);
        harness.awaitFisState(allocated, FisState.POSTED);

        // then LODNG → 6120 on the default cost center CC900, each row credited to 2100 (owed to the employee), and
        // the applied advance reduces what is owed (2100) and clears the advance receivable (1410); entity 100
        assertThat(journalLines(hotelReport)).extracting(l -> l.side(), l -> l.glAccount(), l -> l.costCenter(),
                        l -> l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("D", "6120", "CC900", "150"), tuple("C", "2100", null, "150"),
                        tuple("D", "6120", "CC900", "50"), tuple("C", "2100", null, "50"),
                        tuple("D", "2100", null, "50"), tuple("C", "1410", null, "50"));
        assertThat(harness.messagesOf(hotelReport)).extracting(ImsMessage::accountingEntity).containsOnly("100");
        // and 21-BELLEV1 → CC200, 1000 → CC400; LODNG/LODTX → 6120, BRKFT → 6130; COPD credits 2100
        assertThat(journalLines(allocated)).filteredOn(l -> l.side().equals("D"))
                .extracting(l -> l.glAccount(), l -> l.costCenter(), l -> l.amount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(tuple("6120", "CC200", "250"), tuple("6120", "CC200", "50"),
                        tuple("6130", "CC200", "12.5"), tuple("6130", "CC400", "12.5"));
        assertThat(journalLines(allocated)).filteredOn(l -> l.side().equals("C")).extracting(l -> l.glAccount())
                .containsOnly("2100");
    }

    @Test
    void everyDocumentIsAcknowledgedBeforeItsFirstMessageReachesIon() {
        // given the published samples
        start();
        List<String> docIds = harness.concur.fis().seedPublishedSamples();

        // when they are approved and posted
        docIds.forEach(harness::approve);
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));

        // then Concur received each acknowledgement before ION received the first message of that document
        for (String docId : docIds) {
            Instant acknowledged = acknowledgementRequests(docId).stream().map(SimRequest::receivedAt)
                    .min(Comparator.naturalOrder()).orElseThrow(() -> new AssertionError(docId + " never acknowledged"));
            Instant firstPosted = harness.messagesOf(docId).stream().map(ImsMessage::receivedAt)
                    .min(Comparator.naturalOrder()).orElseThrow(() -> new AssertionError(docId + " never posted"));
            assertThat(acknowledged).as("acknowledgement of %s", docId).isBefore(firstPosted);
        }
    }

    @Test
    void eachDocumentGetsExactlyOneSuccessConfirmationNamingItsJournalEntries() {
        // given the published samples
        start();
        List<String> docIds = harness.concur.fis().seedPublishedSamples();

        // when they are approved, posted, and the app has nothing left to do
        docIds.forEach(harness::approve);
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        harness.awaitQuiet();

        // then Concur received one posting confirmation per document: success, naming the journal entries ION got
        for (String docId : docIds) {
            List<JsonNode> confirmations = harness.concur.fis().postingConfirmations(docId);
            assertThat(confirmations).as("posting confirmations of %s", docId).hasSize(1);
            JsonNode confirmation = confirmations.get(0);
            assertThat(confirmation.path("overallPostingStatusCode").asText()).isEqualTo("success");
            assertThat(harness.concur.fis().state(docId)).isEqualTo(FisState.POSTED);
            List<String> journalIds = harness.messagesOf(docId).stream()
                    .filter(m -> m.documentName().equals("Sync.SourceSystemJournalEntry"))
                    .map(ImsMessage::documentId).toList();
            assertThat(confirmation.path("postingDocs").findValuesAsText("documentNumber"))
                    .containsExactlyInAnyOrderElementsOf(journalIds);
        }
    }

    @Test
    void duplicateAndReorderedDeliveriesArePostedOnce() {
        // given an ESS that delivers every event twice, each delivery after a random delay (so they overtake)
        start(app -> app.concur(ConcurSandboxSettings.defaults().toBuilder()
                .duplicateRate(1.0).reorder(true).seed(7L).build()));
        List<String> docIds = harness.concur.fis().seedPublishedSamples();

        // when one sample is approved twice in a row (two events for one document, while it is still READY) and then
        // all the others
        harness.approve(docIds.get(0));
        harness.approve(docIds.get(0));
        docIds.subList(1, docIds.size()).forEach(harness::approve);
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        harness.awaitQuiet();

        // then ESS did deliver duplicates, and the app audited them instead of doing the work again
        List<Delivery> delivered = harness.concur.events().deliveries().stream()
                .filter(d -> d.outcome() == Delivery.Outcome.DELIVERED).toList();
        assertThat(delivered).filteredOn(d -> d.copy() == 1).hasSizeGreaterThanOrEqualTo(docIds.size());
        assertThat(docIds.stream().flatMap(id -> harness.store().audit().trail(id).stream())
                .filter(e -> e.step().equals(AuditStep.DUPLICATE_DELIVERY))).isNotEmpty();
        // and every chunk reached ION exactly once (distinct messageIds, none repeated), one confirmation each
        for (String docId : docIds) {
            Map<String, Long> perMessageId = harness.messagesOf(docId).stream()
                    .collect(Collectors.groupingBy(ImsMessage::messageId, Collectors.counting()));
            assertThat(perMessageId).as("ION messages of %s", docId).isNotEmpty();
            assertThat(perMessageId.values()).as("copies per messageId of %s", docId).containsOnly(1L);
            assertThat(harness.concur.fis().postingConfirmations(docId)).hasSize(1);
        }
    }

    private String byBusinessId(List<String> docIds, String businessId) {
        return docIds.stream().filter(id -> harness.concur.fis().businessId(id).equals(businessId)).findFirst()
                .orElseThrow(() -> new AssertionError("no published sample " + businessId));
    }

    private List<RecordedBod.Line> journalLines(String docId) {
        return harness.messagesOf(docId).stream().map(RecordedBod::parse).filter(RecordedBod::isJournalEntry)
                .flatMap(b -> b.lines().stream()).toList();
    }

    private List<SimRequest> acknowledgementRequests(String docId) {
        return harness.concur.requests().stream().filter(r -> r.path().endsWith("/transactions/acknowledgements"))
                .filter(r -> containsId(r.json().path("ids"), docId)).toList();
    }

    private static boolean containsId(JsonNode ids, String docId) {
        for (JsonNode id : ids) {
            if (id.asText().equals(docId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the journal entries post for the document's own rows: the expense and tax accounts (6xxx, input VAT 2310)
     * for reports and invoices, the cash advance receivable 1410 for an issued advance. The credit side balances it.
     */
    private static BigDecimal postedAmount(String docType, List<RecordedBod> journals) {
        Function<String, Boolean> posted = docType.equals("cashadvance") ? "1410"::equals
                : account -> account.startsWith("6") || account.equals("2310");
        return journals.stream().flatMap(b -> b.lines().stream()).filter(l -> posted.apply(l.glAccount()))
                .map(RecordedBod.Line::signed).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal netCredit(List<RecordedBod> journals, String account) {
        return journals.stream().flatMap(b -> b.lines().stream()).filter(l -> l.glAccount().equals(account))
                .map(RecordedBod.Line::signed).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
    }
}
