package io.mlconnector.app.mapping;

import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.concur.api.FisDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.app.mapping.MappingException.Kind;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.infor.api.DebitCredit;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.app.posting.Payable;
import io.mlconnector.app.posting.PayableLine;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MappingRulesTest {
    private static final String ITEMIZED = "fis-expense-use-case-3.1-itemized-expense.json";
    private static final String ALLOCATIONS = "fis-expense-use-case-4.1-multiple-cost-allocations.json";
    private static final String CARD = "fis-expense-use-case-6.2.2-cbcp-card-itemized-personal.json";
    private static final String CASH_ADVANCE_APPLIED = "fis-expense-use-case-5.2.1-cash-advance-application.json";
    private static final String VAT = "fis-expense-use-case-2.1-single-tax-item.json";

    @Test
    void expenseTypeMapsToTheConfiguredGlAccount() {
        // given a mapping that sends hotel (LODNG) to 6125
        Mapping mapping = edited("    LODNG: \"6120\"", "    LODNG: \"6125\"");

        // when
        AccountingDocument mapped = mapping.map(sample(ITEMIZED));

        // then the room rate is on 6125, the breakfast stays on 6130
        assertThat(expense(mapped, "DC6B16DF")).extracting(GlLine::glAccount).containsExactly("6125");
        assertThat(expense(mapped, "36915BC4")).extracting(GlLine::glAccount).containsExactly("6130");
    }

    @Test
    void journalAccountCodeIsUsedWhenItIsLookedUpFirst() {
        // given a mapping that looks at Concur's journal account code before the expense type
        Mapping mapping = edited("  lookupOrder: [expenseType, journalAccountCode]",
                "  lookupOrder: [journalAccountCode, expenseType]", "    MATER: \"6190\"",
                "    MATER: \"6190\"\n    \"474230\": \"6100\"");

        // when
        AccountingDocument mapped = mapping.map(sample(ITEMIZED));

        // then every expense of use case 3.1 (journal account 474230) lands on 6100
        assertThat(mapped.glLines()).filteredOn(l -> l.role() == LineRole.EXPENSE)
                .extracting(GlLine::glAccount).containsOnly("6100");
    }

    @Test
    void eachAllocationCarriesItsOwnCostCenter() {
        // given use case 4.1: breakfast split 50/50 between 21-BELLEV1 and 1000
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample(ALLOCATIONS));

        // then
        assertThat(expense(mapped, "B187531F")).extracting(GlLine::costCenter, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CC200", "12.5"),
                        org.assertj.core.groups.Tuple.tuple("CC400", "12.5"));
        assertThat(mapped.glLines()).filteredOn(l -> l.role() != LineRole.EXPENSE)
                .extracting(GlLine::costCenter).containsOnlyNulls();
    }

    @Test
    void costCenterFallsBackToTheEmployeeOrgUnitWhenTheAllocationHasNone() {
        // given use case 3.1 without allocation or entry cost objects, the employee in org unit 21-KING
        FisDocument fis = modified(sample(ITEMIZED), doc -> {
            doc.path("expenseEntry").forEach(e -> {
                ((ObjectNode) e).remove("entryOrgUnit4Code");
                e.path("allocation").forEach(a -> ((ObjectNode) a).remove("allocationCustom4Code"));
            });
            ((ObjectNode) doc.path("employee")).put("employeeOrgUnit4Code", "21-KING");
        });

        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(fis);

        // then
        assertThat(mapped.glLines()).filteredOn(l -> l.role() == LineRole.EXPENSE)
                .extracting(GlLine::costCenter).containsOnly("CC100");
    }

    @Test
    void lineWithoutAnyCostObjectPostsWithoutACostCenter() {
        // given use case 3.1 with no cost object anywhere, and a mapping without costCenter.default
        FisDocument fis = withoutCostObjects(sample(ITEMIZED));
        Mapping mapping = edited("  default: CC900        # unassigned\n", "");

        // when
        AccountingDocument mapped = mapping.map(fis);

        // then every expense line posts, none with a cost center
        assertThat(mapped.glLines()).filteredOn(l -> l.role() == LineRole.EXPENSE).hasSize(3)
                .extracting(GlLine::costCenter).containsOnlyNulls();
    }

    @Test
    void lineWithoutAnyCostObjectIsRefusedWhenTheMappingRequiresACostCenter() {
        // given
        FisDocument fis = withoutCostObjects(sample(ITEMIZED));
        Mapping mapping = edited("  default: CC900        # unassigned\n", "  required: true\n");

        // when
        MappingException e = catchThrowableOfType(MappingException.class, () -> mapping.map(fis));

        // then
        assertThat(e.codes(Kind.UNKNOWN_COST_CENTER)).containsExactly("(none)");
        assertThat(e.getMessage()).contains("costCenter.required");
    }

    @Test
    void personalCardChargeWithoutAccountCodePostsOnThePartyAccountsOnly() {
        // given use case 6.2.3's pair for a 300 personal dinner on the company card, no journal account code:
        // the employee owes the company 300, the company owes the card issuer 300
        FisDocument fis = modified(sample(ITEMIZED), doc -> {
            ObjectNode entry = (ObjectNode) doc.path("expenseEntry").get(0);
            entry.put("expenseTypeCode", "UNMAP").put("entryIsPersonal", "Y");
            com.fasterxml.jackson.databind.node.ArrayNode journal =
                    ((ObjectNode) entry.path("allocation").get(0)).putArray("journal");
            journal.addObject().put("journalAccountCode", "").putNull("journalPayer").putNull("journalPayee")
                    .put("journalPayerPaymentTypeName", "EMPLOYEE").put("journalPayeePaymentTypeName", "COMPANY")
                    .put("amountGross", new BigDecimal("-300")).putArray("taxGuid");
            journal.addObject().put("journalAccountCode", "").put("journalPayer", "COMP").put("journalPayee", "CBCP")
                    .put("amountGross", new BigDecimal("300")).putArray("taxGuid");
            ((com.fasterxml.jackson.databind.node.ArrayNode) doc.path("expenseEntry")).remove(2);
            ((com.fasterxml.jackson.databind.node.ArrayNode) doc.path("expenseEntry")).remove(1);
        });

        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(fis);

        // then: employee vendor debited 300, card vendor (clearing 2110 under the default creditSide) credited 300;
        // the two clearing sides cancel and are left out; no expense account is touched
        assertThat(mapped.glLines()).extracting(GlLine::glAccount, GlLine::side, l -> l.amount().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2100", DebitCredit.DEBIT, "300"),
                        org.assertj.core.groups.Tuple.tuple("2110", DebitCredit.CREDIT, "300"));
        assertThat(mapped.payable()).get().extracting(Payable::amount)
                .satisfies(a -> assertThat(a).isEqualByComparingTo("-300"));
    }

    @Test
    void personalCardChargePostsEachClearingSideWhenTheMappingNamesTheClearingAccount() {
        // given the same pair and personalCharges.clearingAccount 2120
        FisDocument fis = modified(sample(ITEMIZED), doc -> {
            ObjectNode entry = (ObjectNode) doc.path("expenseEntry").get(0);
            entry.put("entryIsPersonal", "Y");
            com.fasterxml.jackson.databind.node.ArrayNode journal =
                    ((ObjectNode) entry.path("allocation").get(0)).putArray("journal");
            journal.addObject().put("journalPayer", "EMPL").put("journalPayee", "COMP")
                    .put("amountGross", new BigDecimal("-300")).putArray("taxGuid");
            journal.addObject().put("journalPayer", "COMP").put("journalPayee", "CBCP")
                    .put("amountGross", new BigDecimal("300")).putArray("taxGuid");
        });
        Mapping mapping = edited("personalCharges: {}", "personalCharges:\n  clearingAccount: \"2120\"");

        // when
        AccountingDocument mapped = mapping.map(fis);

        // then SAP's posting record: Dr employee / Cr clearing, Dr clearing / Cr card vendor
        assertThat(mapped.glLines()).filteredOn(l -> l.sourceEntryId().equals(
                        fis.json().path("expenseEntry").get(0).path("entryId").asText()))
                .extracting(GlLine::glAccount, GlLine::side, l -> l.amount().toPlainString())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("2100", DebitCredit.DEBIT, "300"),
                        org.assertj.core.groups.Tuple.tuple("2120", DebitCredit.CREDIT, "300"),
                        org.assertj.core.groups.Tuple.tuple("2120", DebitCredit.DEBIT, "300"),
                        org.assertj.core.groups.Tuple.tuple("2110", DebitCredit.CREDIT, "300"));
    }

    @Test
    void unmappedCostCenterValueIsReportedWithItsLineItem() {
        // given an allocation whose cost object the mapping does not know
        FisDocument fis = modified(sample(ITEMIZED), doc -> ((ObjectNode) doc.path("expenseEntry").get(0)
                .path("allocation").get(0)).put("allocationCustom4Code", "99-NOWHERE"));

        // when
        MappingException e = catchThrowableOfType(MappingException.class, () -> Mapping.defaultMapping().map(fis));

        // then
        assertThat(e.codes(Kind.UNKNOWN_COST_CENTER)).containsExactly("99-NOWHERE");
        assertThat(e.problems().get(0).lineItemIds()).containsExactly("DC6B16DF936B50419DA500FE5C479CAB");
    }

    @Test
    void companyCardChargesCreditTheCardClearingAccountAndPersonalChargesReduceTheReimbursement() {
        // given use case 6.2.2: 35 cash, 284 on the company-billed card of which 14 personal
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample(CARD));

        // then the card issuer is owed 284 through 2110, the employee 35 − 14 = 21 through 2100
        assertThat(net(mapped, l -> l.glAccount().equals("2110"))).isEqualByComparingTo("-284");
        assertThat(net(mapped, l -> l.glAccount().equals("2100"))).isEqualByComparingTo("-21");
        assertThat(mapped.payable()).get().extracting(Payable::amount)
                .satisfies(a -> assertThat(a).isEqualByComparingTo("21"));
    }

    @Test
    void payableDistributionCarriesTheCostLinesForTargetsWithoutAJournal() {
        // given use case 6.2.2 (21 owed to the employee after 284 on the company card)
        // when
        Payable payable = Mapping.defaultMapping().map(sample(CARD)).payable().orElseThrow();

        // then the AP invoice's cost lines are the expenses per account and cost center less the card clearing
        assertThat(payable.distribution()).extracting(PayableLine::glAccount, PayableLine::costCenter,
                l -> l.amount().toPlainString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("6100", "CC200", "35"),
                org.assertj.core.groups.Tuple.tuple("6120", "CC200", "250"),
                org.assertj.core.groups.Tuple.tuple("2110", null, "-284"),
                org.assertj.core.groups.Tuple.tuple("6130", "CC200", "20"));
        assertThat(payable.lines()).extracting(PayableLine::glAccount).containsExactly("2100");
    }

    @Test
    void payerPayeeRuleDecidesTheCreditAccount() {
        // given a mapping that clears company-billed card charges through 2120
        Mapping mapping = edited("    payee: CBCP\n    account: \"2110\"", "    payee: CBCP\n    account: \"2120\"");

        // when
        AccountingDocument mapped = mapping.map(sample(CARD));

        // then
        assertThat(net(mapped, l -> l.glAccount().equals("2120"))).isEqualByComparingTo("-284");
        assertThat(mapped.glAccounts()).contains("2120").doesNotContain("2110");
    }

    @Test
    void wildcardRuleCatchesAnyPayer() {
        // given only a catch-all rule for money owed to the employee, whoever pays
        Mapping mapping = edited("  - payer: COMP\n    payee: EMPL\n", "  - payer: \"*\"\n    payee: EMPL\n",
                "    account: \"2100\"     # out of pocket: owed to the employee", "    account: \"2190\"");

        // when
        AccountingDocument mapped = mapping.map(sample(VAT));

        // then
        assertThat(mapped.glLines()).filteredOn(l -> l.role() == LineRole.CREDIT_SIDE)
                .extracting(GlLine::glAccount).containsExactly("2190");
    }

    @Test
    void documentListsTheAccountsAndCostCentersToValidate() {
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample(ALLOCATIONS));

        // then
        assertThat(mapped.glAccounts()).containsExactly("6120", "2100", "6130");
        assertThat(mapped.costCenters()).containsExactly("CC200", "CC400");
    }

    @Test
    void appliedCashAdvanceMovesFromTheAdvanceAccountToTheEmployeePayable() {
        // given use case 5.2.1: 315 spent, 300 covered by a cash advance
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample(CASH_ADVANCE_APPLIED));

        // then
        assertThat(net(mapped, l -> l.glAccount().equals("1410"))).isEqualByComparingTo("-300");
        Payable payable = mapped.payable().orElseThrow();
        assertThat(payable.amount()).isEqualByComparingTo("15");
        assertThat(payable.supplierId()).isEqualTo("tuan@dstaabfi-pro.com");
        assertThat(payable.invoiceNumber()).isEqualTo("14A40453BED6493EB53F");
        assertThat(mapped.currency()).isEqualTo("GBP");
    }

    @Test
    void issuedCashAdvanceDebitsTheAdvanceAccountAndIsOwedToTheEmployee() {
        // given the published cash advance document (150 USD to employee 12345ID)
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample("fis-cash-advance-document.json"));

        // then
        assertThat(mapped.glLines()).extracting(GlLine::side, GlLine::glAccount, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DebitCredit.DEBIT, "1410", "150"),
                        org.assertj.core.groups.Tuple.tuple(DebitCredit.CREDIT, "2100", "150"));
        assertThat(mapped.payable().orElseThrow().supplierId()).isEqualTo("12345ID");
    }

    @Test
    void reclaimableTaxIsDebitedToTheTaxAccount() {
        // given use case 2.1: laundry 10 EUR of which 1.6 reclaimable German VAT
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample(VAT));

        // then
        assertThat(mapped.glLines()).extracting(GlLine::side, GlLine::glAccount, l -> l.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(DebitCredit.DEBIT, "6120", "8.4"),
                        org.assertj.core.groups.Tuple.tuple(DebitCredit.DEBIT, "2310", "1.6"),
                        org.assertj.core.groups.Tuple.tuple(DebitCredit.CREDIT, "2100", "10"));
    }

    @Test
    void invoiceIsOwedToTheVendorUnderItsInvoiceNumber() {
        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(sample("fis-invoice-document.json"));

        // then
        Payable payable = mapped.payable().orElseThrow();
        assertThat(payable.supplierId()).isEqualTo("94F538F2C3224C6E871CFED9F0F8333A");
        assertThat(payable.invoiceNumber()).isEqualTo("25688");
        assertThat(payable.amount()).isEqualByComparingTo("50");
        assertThat(mapped.glLines()).filteredOn(l -> l.role() == LineRole.EXPENSE)
                .extracting(GlLine::glAccount).containsExactly("6190");
    }

    @Test
    void accountingEntityFollowsTheLedgerWhenTheFisEntityIsUnknown() {
        // given use case 5.2.1 (ledger GP) delivered without its FIS entity id
        FisDocument fis = FisDocuments.of("d4c622915cf24771a0269bc82711b50b", "expense",
                sample(CASH_ADVANCE_APPLIED).json());

        // when / then
        assertThat(Mapping.defaultMapping().map(fis).accountingEntity()).isEqualTo("200");
        assertThat(edited("    GP: \"200\"", "    GP: \"300\"").map(fis).accountingEntity()).isEqualTo("300");
    }

    @Test
    void jsonataExpressionDecidesWhatTheTablesCannot() {
        // given German expenses go to 6125 whatever their type; the expression gives nothing for others
        Mapping mapping = edited("  lookupOrder: [expenseType, journalAccountCode]",
                "  lookupOrder: [expenseType, journalAccountCode]\n"
                        + "  expression: \"entry.entryCountryCode = 'DE' ? '6125'\"");

        // when / then
        assertThat(expense(mapping.map(sample(VAT)), "2C14A430")).extracting(GlLine::glAccount)
                .containsExactly("6125");
        assertThat(expense(mapping.map(sample(ITEMIZED)), "DC6B16DF")).extracting(GlLine::glAccount)
                .containsExactly("6120");
    }

    @Test
    void everyUnknownCodeIsReportedNotOnlyTheFirst() {
        // given a mapping without hotel, dinner and company-billed card rules
        Mapping mapping = edited("    LODNG: \"6120\"       # Hotel\n", "", "    DINNR: \"6130\"       # Dinner\n", "",
                "  - payer: COMP\n    payee: CBCP\n", "  - payer: COMP\n    payee: NONE\n");

        // when
        MappingException e = catchThrowableOfType(MappingException.class, () -> mapping.map(sample(CARD)));

        // then
        assertThat(e.fisDocumentId()).isEqualTo("a26a8b1c20a74d608128aaa2a75648d2");
        assertThat(e.codes(Kind.UNKNOWN_EXPENSE_TYPE)).containsExactlyInAnyOrder("LODNG", "DINNR");
        assertThat(e.codes(Kind.UNKNOWN_PAYER_PAYEE)).containsExactly("payer COMP / payee CBCP");
        assertThat(e.problems()).filteredOn(p -> p.code().equals("LODNG")).singleElement()
                .satisfies(p -> assertThat(p.lineItemIds()).containsExactlyInAnyOrder(
                        "95C3C97F4149CF45949DECE8C5171478", "88812B1956D9504FBEFCC832198C6BA0"));
        assertThat(e.getMessage()).contains("LODNG", "DINNR", "CBCP", "a26a8b1c20a74d608128aaa2a75648d2");
    }

    @Test
    void unbalancedDocumentIsAClearErrorNamingTheDocument() {
        // given use case 2.1 whose net amount no longer adds up with its VAT to the gross
        FisDocument fis = modified(sample(VAT), doc -> ((ObjectNode) doc.path("expenseEntry").get(0)
                .path("allocation").get(0).path("journal").get(0)).put("amountNetOfReclaim", new BigDecimal("8.0")));

        // when
        MappingException e = catchThrowableOfType(MappingException.class, () -> Mapping.defaultMapping().map(fis));

        // then
        assertThat(e.problems()).extracting(MappingException.Problem::kind).containsExactly(Kind.UNBALANCED);
        assertThat(e.problems().get(0).lineItemIds()).containsExactly("2C14A4301BD26741B7244388A5E10941");
        assertThat(e.getMessage()).contains("f7a675d035bc44419cc0df2389c5b10c", "does not balance", "9.6", "10");
    }

    @Test
    void documentDeliveredAsJsonTextIsMapped() throws Exception {
        // given a FIS content item whose document is a JSON string (DocumentFormatAs: text)
        ObjectNode item = FisSamples.JSON.createObjectNode().put("id", "e7f810cabc8348cdb051dd9431c8cfbb")
                .put("docType", "expense").put("document", FisSamples.JSON.writeValueAsString(sample(VAT).json()));

        // when
        AccountingDocument mapped = Mapping.defaultMapping().map(FisDocument.read(item, null));

        // then
        assertThat(mapped.totalDebits()).isEqualByComparingTo("10");
    }

    @Test
    void itemWithoutIdOrDocumentIsAnInvalidDocument() throws Exception {
        // given a FIS answer whose content item has no document
        JsonNode answer = FisSamples.JSON.readTree(
                "{\"content\":[{\"id\":\"e7f810cabc8348cdb051dd9431c8cfbb\",\"docType\":\"expense\"}]}");

        // when
        MappingException e = catchThrowableOfType(MappingException.class,
                () -> Mapping.defaultMapping().map(FisDocument.read(answer, null)));

        // then
        assertThat(e.problems()).extracting(MappingException.Problem::kind)
                .containsExactly(MappingException.Kind.INVALID_DOCUMENT);
        assertThat(e.fisDocumentId()).isEqualTo("e7f810cabc8348cdb051dd9431c8cfbb");
    }

    @Test
    void unsupportedDocTypeIsAnInvalidDocument() {
        // given
        FisDocument payroll = FisDocuments.of("0123456789abcdef0123456789abcdef", "payroll", sample(VAT).json());

        // when
        MappingException e = catchThrowableOfType(MappingException.class, () -> Mapping.defaultMapping().map(payroll));

        // then
        assertThat(e.problems()).extracting(MappingException.Problem::kind).containsExactly(Kind.INVALID_DOCUMENT);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static FisDocument sample(String file) {
        return FisSamples.named(file).fis();
    }

    /** No org unit, custom field or allocation value anywhere: nothing a cost center could come from. */
    private static FisDocument withoutCostObjects(FisDocument fis) {
        return modified(fis, doc -> {
            stripCostObjects(doc.path("employee"));
            doc.path("expenseEntry").forEach(e -> {
                stripCostObjects(e);
                e.path("allocation").forEach(MappingRulesTest::stripCostObjects);
            });
        });
    }

    private static void stripCostObjects(JsonNode node) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(fields::add);
        fields.stream().filter(f -> f.contains("OrgUnit") || f.contains("Custom"))
                .forEach(f -> ((ObjectNode) node).putNull(f));
    }

    private static FisDocument modified(FisDocument fis, Consumer<JsonNode> change) {
        JsonNode copy = fis.json().deepCopy();
        change.accept(copy);
        return FisDocuments.of(fis.id(), fis.docType(), copy, fis.entityId(), fis.companyId());
    }

    /** The default mapping with text replacements (pairs of from, to); each must apply. */
    static Mapping edited(String... fromTo) {
        String yaml = Mapping.defaultMappingText();
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(yaml).contains(fromTo[i]);
            yaml = yaml.replace(fromTo[i], fromTo[i + 1]);
        }
        return Mapping.parse(yaml, "edited.yaml", Clock.systemUTC());
    }

    private static java.util.List<GlLine> expense(AccountingDocument mapped, String entryIdPrefix) {
        return mapped.glLines().stream()
                .filter(l -> l.role() == LineRole.EXPENSE && l.sourceEntryId().startsWith(entryIdPrefix)).toList();
    }

    /** Debit positive, credit negative, over the lines matching. */
    private static BigDecimal net(AccountingDocument mapped, Predicate<GlLine> filter) {
        return mapped.glLines().stream().filter(filter).map(GlLine::signedAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
