package io.mlconnector.infor.api;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryBodTest {
    private static final InforIonSettings SETTINGS = InforIonSettings.builder()
            .fromLogicalId("lid://infor.ims.mlconnector").build();
    private static final Clock T1 = Clock.fixed(Instant.parse("2026-11-28T08:00:00.123Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2026-11-29T17:30:00Z"), ZoneOffset.UTC);

    static JournalEntry expenseReport() {
        return JournalEntry.builder().accountingEntity("100").documentId("EXP-4711").currency("EUR")
                .postingDate(LocalDate.of(2026, 11, 27)).description("Trip to Berlin")
                .debit("6110", "CC100", new BigDecimal("420.50"), "Airfare")
                .debit("6120", "CC200", new BigDecimal("199.99"), "Hotel")
                .debit("6130", "CC100", new BigDecimal("35.01"), null)
                .credit("2100", null, new BigDecimal("655.50"), "Payable to employee")
                .build();
    }

    @Test
    void syncJournalEntryIsNamespaceCorrectAndBalanced() {
        // given a balanced entry
        Bod bod = new BodOperations("MLCONNECTOR_TST", SETTINGS, T1).syncJournalEntry(expenseReport());

        // when ION would parse it
        Document doc = Xml.parse(bod.payload());

        // then the root is SyncSourceSystemJournalEntry in the InforOAGIS 2 namespace, release 9.2
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://schema.infor.com/InforOAGIS/2");
        assertThat(root.getLocalName()).isEqualTo("SyncSourceSystemJournalEntry");
        assertThat(root.getAttribute("releaseID")).isEqualTo("9.2");
        assertThat(Xml.paths(doc)).isNotEmpty(); // every element is in the namespace (checked while collecting)
        assertThat(bod.documentName()).isEqualTo("Sync.SourceSystemJournalEntry");

        // and Σ debit = Σ credit over the written lines
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        List<Element> lines = Xml.all(doc, "JournalEntryLine");
        assertThat(lines).hasSize(4);
        for (Element line : lines) {
            Element amount = Xml.all(line, "Amount").get(0);
            assertThat(amount.getAttribute("currencyID")).isEqualTo("EUR");
            BigDecimal value = new BigDecimal(amount.getTextContent());
            assertThat(value.signum()).isPositive();
            if (Xml.text(line, "DebitCreditFlag").equals("D")) {
                debit = debit.add(value);
            } else {
                assertThat(Xml.text(line, "DebitCreditFlag")).isEqualTo("C");
                credit = credit.add(value);
            }
        }
        assertThat(debit).isEqualByComparingTo(credit).isEqualByComparingTo("655.50");
    }

    @Test
    void everyWrittenPathOccursInThePublicSyncSourceSystemJournalEntryExample() throws Exception {
        // given the OCA/connector-infor example (samples/SOURCES.md)
        java.nio.file.Path sample = InforSamples.path("oca-connector-infor-SyncSourceSystemJournalEntry-move_summarized.xml");
        java.util.Set<String> known = java.util.Set.copyOf(Xml.paths(Xml.parse(java.nio.file.Files.readAllBytes(sample))));

        // when our BOD is written
        List<String> written = Xml.paths(Xml.parse(new BodOperations("T", SETTINGS, T1).syncJournalEntry(expenseReport()).payload()));

        // then it uses no element or attribute the example does not have
        assertThat(written).allSatisfy(p -> assertThat(known).as("path " + p).contains(p));
        assertThat(written).contains("/SyncSourceSystemJournalEntry/DataArea/SourceSystemJournalEntry/JournalEntryLine/DebitCreditFlag",
                "/SyncSourceSystemJournalEntry/DataArea/SourceSystemJournalEntry/JournalEntryLine/DimensionCodes/DimensionCode/@listID");
    }

    @Test
    void applicationAreaCarriesSenderAndInforNidBodId() {
        Bod bod = new BodOperations("MLCONNECTOR_TST", SETTINGS, T1).processJournalEntry(expenseReport());
        Document doc = Xml.parse(bod.payload());

        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("ProcessSourceSystemJournalEntry");
        assertThat(Xml.text(doc, "LogicalID")).isEqualTo("lid://infor.ims.mlconnector");
        assertThat(Xml.text(doc, "ComponentID")).isEqualTo("ml-connector");
        assertThat(Xml.text(doc, "ConfirmationCode")).isEqualTo("OnError");
        assertThat(Xml.text(doc, "CreationDateTime")).isEqualTo("2026-11-28T08:00:00.123Z");
        assertThat(Xml.text(doc, "BODID")).isEqualTo(bod.bodId())
                .isEqualTo("infor-nid:MLCONNECTOR_TST:100::EXP-4711:0?SourceSystemJournalEntry&verb=Process&variationID=1");
        assertThat(bod.payloadString()).contains("SourceSystemJournalEntry&amp;verb=Process");
        assertThat(Xml.text(doc, "TenantID")).isEqualTo("MLCONNECTOR_TST");
        assertThat(Xml.text(doc, "AccountingEntityID")).isEqualTo("100");
        assertThat(Xml.all(doc, "ActionExpression").get(0).getAttribute("actionCode")).isEqualTo("Add");
    }

    @Test
    void linesCarryGlAccountCostCenterDimensionAndDescriptions() {
        Document doc = Xml.parse(new BodOperations("T", SETTINGS, T1).syncJournalEntry(expenseReport()).payload());
        List<Element> lines = Xml.all(doc, "JournalEntryLine");

        Element first = lines.get(0);
        assertThat(first.getAttribute("sequence")).isEqualTo("1");
        assertThat(Xml.text(first, "GLNominalAccount")).isEqualTo("6110");
        Element dimension = Xml.all(first, "DimensionCode").get(0);
        assertThat(dimension.getTextContent()).isEqualTo("CC100");
        assertThat(dimension.getAttribute("listID")).isEqualTo("CostCenter");
        assertThat(Xml.text(first, "Description")).isEqualTo("Airfare");
        assertThat(Xml.text(lines.get(2), "Description")).isEqualTo("Trip to Berlin"); // falls back to the header
        assertThat(Xml.all(lines.get(3), "DimensionCodes")).isEmpty(); // no cost center on the payable line
        assertThat(Xml.all(doc, "JournalID").get(0).getTextContent()).isEqualTo("EXP-4711");
        assertThat(Xml.text(first, "PostDateTime")).isEqualTo("2026-11-27T00:00:00Z");
    }

    @Test
    void sameInputGivesSameBytesApartFromCreationDateTime() {
        Bod a = new BodOperations("T", SETTINGS, T1).syncJournalEntry(expenseReport());
        Bod b = new BodOperations("T", SETTINGS, T2).syncJournalEntry(expenseReport());

        assertThat(a.payload()).isNotEqualTo(b.payload());
        assertThat(withoutCreationDateTime(a)).isEqualTo(withoutCreationDateTime(b));
        assertThat(a.bodId()).isEqualTo(b.bodId());
        assertThat(a.messageId()).isEqualTo(b.messageId());
        assertThat(new BodOperations("T", SETTINGS, T1).syncJournalEntry(expenseReport())).isEqualTo(a);
    }

    private static String withoutCreationDateTime(Bod bod) {
        return bod.payloadString().replaceFirst("<CreationDateTime>[^<]*</CreationDateTime>", "");
    }

    @Test
    void markupInTextIsEscapedAndReadsBackUnchanged() {
        String nasty = "Dinner <b>&</b> \"drinks\" 'R&D' ]]> €";
        JournalEntry entry = JournalEntry.builder().accountingEntity("A&B").documentId("DOC<1>").currency("USD")
                .postingDate(LocalDate.of(2026, 1, 2)).description(nasty)
                .debit("6130", "CC\"1\"", new BigDecimal("10.00"), nasty)
                .credit("2100", null, new BigDecimal("10.00"), null).build();

        Bod bod = new BodOperations("T", SETTINGS, T1).syncJournalEntry(entry);
        Document doc = Xml.parse(bod.payload());

        assertThat(Xml.text(doc, "Description")).isEqualTo(nasty);
        assertThat(Xml.text(doc, "AccountingEntityID")).isEqualTo("A&B");
        assertThat(Xml.text(doc, "DimensionCode")).isEqualTo("CC\"1\"");
        assertThat(Xml.all(doc, "JournalID").get(0).getAttribute("accountingEntity")).isEqualTo("A&B");
        assertThat(bod.payloadString()).doesNotContain("<b>").contains("&lt;b&gt;");
    }

    @Test
    void characterXmlCannotCarryIsRefusedNamingTheField() {
        JournalEntry entry = JournalEntry.builder().accountingEntity("100").documentId("D1").currency("USD")
                .postingDate(LocalDate.of(2026, 1, 2)).debit("6130", null, BigDecimal.ONE, "bell\u0007")
                .credit("2100", null, BigDecimal.ONE, null).build();

        assertThatThrownBy(() -> new BodOperations("T", SETTINGS, T1).syncJournalEntry(entry))
                .isInstanceOfSatisfying(InforIonException.class,
                        e -> assertThat(e.type()).isEqualTo(InforIonErrorType.INVALID_INPUT))
                .hasMessageContaining("Description").hasMessageContaining("U+0007");
    }

    @Test
    void unbalancedEntryRefusesToBuild() {
        JournalEntry.Builder builder = JournalEntry.builder().accountingEntity("100").documentId("EXP-1").currency("EUR")
                .postingDate(LocalDate.of(2026, 11, 27))
                .debit("6110", "CC100", new BigDecimal("100.00"), null)
                .credit("2100", null, new BigDecimal("99.99"), null);

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InforIonException.class, e -> {
            assertThat(e.type()).isEqualTo(InforIonErrorType.INVALID_INPUT);
            assertThat(e.getMessage()).contains("EXP-1", "unbalanced", "100.00", "99.99");
        });
    }

    @Test
    void balanceIgnoresScale() {
        JournalEntry entry = JournalEntry.builder().accountingEntity("100").documentId("E").currency("EUR")
                .postingDate(LocalDate.of(2026, 1, 1)).debit("6110", null, new BigDecimal("10.5"), null)
                .credit("2100", null, new BigDecimal("10.50"), null).build();
        assertThat(entry.total(DebitCredit.DEBIT)).isEqualByComparingTo(entry.total(DebitCredit.CREDIT));
    }

    @Test
    void negativeAmountsAndUnknownCurrenciesAreRefused() {
        assertThatThrownBy(() -> JournalEntryLine.debit("6110", null, new BigDecimal("-1"), null))
                .isInstanceOf(InforIonException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> JournalEntry.builder().accountingEntity("1").documentId("d").currency("EURO")
                .postingDate(LocalDate.now()).debit("1", null, BigDecimal.ONE, null)
                .credit("2", null, BigDecimal.ONE, null).build())
                .isInstanceOf(InforIonException.class).hasMessageContaining("currency");
    }

    @Test
    void serializedSizeIsTheExactPayloadLengthWithoutBuildingIt() {
        BodOperations ops = new BodOperations("T", SETTINGS, T1);
        JournalEntry big = bigEntry(5_000);

        long measured = ops.serializedSize(big, BodVerb.SYNC);
        Bod built = ops.syncJournalEntry(big);

        assertThat(measured).isEqualTo(built.size());
        assertThat(ops.serializedSize(expenseReport(), BodVerb.PROCESS))
                .isEqualTo(ops.processJournalEntry(expenseReport()).size());
    }

    @Test
    void streamingWriteGivesTheSameBytesAsTheBuiltBod() {
        BodOperations ops = new BodOperations("T", SETTINGS, T1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ops.writeJournalEntry(expenseReport(), BodVerb.SYNC, out);

        assertThat(out.toByteArray()).isEqualTo(ops.syncJournalEntry(expenseReport()).payload());
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    }

    static JournalEntry bigEntry(int debitLines) {
        JournalEntry.Builder b = JournalEntry.builder().accountingEntity("100").documentId("BIG-1").currency("USD")
                .postingDate(LocalDate.of(2026, 11, 1)).description("large report");
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < debitLines; i++) {
            BigDecimal amount = new BigDecimal(i % 97 + 1).movePointLeft(2).add(BigDecimal.TEN);
            b.debit("6190", "CC" + (100 + i % 4 * 100), amount, "entry " + i);
            sum = sum.add(amount);
        }
        return b.credit("2110", null, sum, "card clearing").build();
    }
}
