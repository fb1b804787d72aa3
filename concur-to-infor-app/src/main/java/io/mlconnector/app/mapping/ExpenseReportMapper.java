package io.mlconnector.app.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.MappingException.Kind;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.concur.api.ConcurFields;
import io.mlconnector.concur.api.FisDocument;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mapping of a FIS expense report ({@code report}, {@code employee}, {@code expenseEntry[]} with their
 * allocations, journal rows and tax rows, {@code cashAdvanceApplication[]}), as described on
 * https://developer.concur.com/api-reference/financial-integration/v4.financial-documents-schema.html.
 *
 * <p>Every journal row gives its expense debit (net of reclaimable tax), its tax debits and its credit-side line
 * (gross) under the allocation's group key, so each allocation balances by itself and the planner can split between
 * allocations without a suspense line.
 */
final class ExpenseReportMapper extends MappingRun {
    /** The clearing sides of each allocation's personal-charge rows, by group key. */
    private final Map<String, PersonalCharge> personalChargeClearing = new LinkedHashMap<>();

    ExpenseReportMapper(MappingRules rules, Clock clock, FisDocument fis) {
        super(rules, clock, fis);
    }

    @Override
    Header mapLines() {
        JsonNode report = doc.path("report");
        JsonNode employee = doc.path("employee");
        currency = requireText(report, "employeeCurrencyAlphaCode", "report.employeeCurrencyAlphaCode");
        String entity = entity(ConcurFields.text(report, "ledgerCode"));
        eachAllocation(report, employee, "expenseEntry",
                (entry, number) -> orElse(ConcurFields.text(entry, "entryId"), "entry-" + number),
                this::expenseAllocation);
        requireCancellingPersonalCharges();
        cashAdvanceApplications();
        String reportId = ConcurFields.text(report, "reportId");
        String description = "Concur expense report " + orElse(ConcurFields.text(report, "reportName"), "")
                + " (" + reportId + ")";
        return new Header(reportId, entity, postingDate(report, "reportPaymentProcessingDate",
                "reportSubmitDate", "reportUserDefinedDate"), documentDescription(description),
                rules.payable().expenseSupplierId(), reportId,
                fullName(employee), null);
    }

    private void expenseAllocation(Scope scope) {
        String allocationId = ConcurFields.text(scope.allocation(), "allocationId");
        String groupKey = scope.entryId() + "/" + orElse(allocationId, "allocation-" + (scope.allocationIndex() + 1));
        Map<String, JsonNode> taxRows = new HashMap<>();
        for (JsonNode tax : ConcurFields.elements(scope.allocation(), "tax")) {
            String guid = ConcurFields.text(tax, "taxGuid");
            if (guid != null) {
                taxRows.put(guid, tax);
            }
        }
        String costCenter = null;
        boolean costCenterLooked = false;
        int journalIndex = 0;
        for (JsonNode journal : ConcurFields.elements(scope.allocation(), "journal")) {
            journalIndex++;
            BigDecimal gross = amount(journal, "amountGross", scope.entryId());
            if (gross == null || gross.signum() == 0) {
                continue;
            }
            BigDecimal net = firstAmount(journal, scope.entryId(), "amountNetOfReclaim", "amountNetOfTax");
            net = net == null ? gross : net;
            String journalCode = ConcurFields.text(journal, "journalAccountCode");
            LineContext context = new LineContext(scope, journal, journalIndex - 1);
            String text = lineDescription(context, expenseText(scope.entry()));
            String payer = Party.code(journal, "journalPayer");
            String payee = Party.code(journal, "journalPayee");
            if (journalCode == null && (isPersonal(scope.entry())
                    || findGlAccount(scope.expenseType(), null, context, scope.entryId()) == null)) {
                personalChargeRow(payer, payee, gross, text, scope.entryId(), allocationId, groupKey);
                continue;
            }
            if (!costCenterLooked) {
                costCenter = costCenter(scope);
                costCenterLooked = true;
            }
            String glAccount = glAccount(scope.expenseType(), journalCode, context, scope.entryId());
            add(glAccount, costCenter, net, LineRole.EXPENSE, text, scope.entryId(), allocationId, groupKey, false);
            taxLines(journal, taxRows, scope.entryId(), allocationId, groupKey);
            creditSide(payer, payee, gross.negate(), text, scope.entryId(), allocationId, groupKey);
        }
    }

    /**
     * A journal row without an account code on a personal entry: the personal part of a company-paid card
     * charge, a pair of rows saying who owes whom. SAP's posting records for these use cases put it on party
     * accounts only (employee vendor, card clearing, card vendor; "CBCP Corporate Card Charge for Entirely
     * Personal Expense" on
     * https://developer.concur.com/api-reference/financial-integration/v4.financial-integration-service-use-cases.html):
     * the payer/payee's creditSide account, and the clearing account for the row's own side.
     */
    private void personalChargeRow(String payer, String payee, BigDecimal gross, String text, String entryId,
                                   String allocationId, String groupKey) {
        creditSide(payer, payee, gross.negate(), text, entryId, allocationId, groupKey);
        String clearing = rules.personalCharges().clearingAccount();
        if (clearing != null) {
            add(clearing, null, gross, LineRole.CREDIT_SIDE, text, entryId, allocationId, groupKey, false);
            return;
        }
        // without a clearing account the pair's two clearing lines, which cancel, are left out
        personalChargeClearing.computeIfAbsent(groupKey, k -> new PersonalCharge(entryId))
                .add(gross);
    }

    /** The clearing sides left out must cancel per allocation; otherwise the mapping has to name the account. */
    private void requireCancellingPersonalCharges() {
        personalChargeClearing.forEach((groupKey, charge) -> {
            if (charge.balance.signum() != 0) {
                problem(Kind.UNKNOWN_PAYER_PAYEE, "personalCharges.clearingAccount", "journal rows without an "
                        + "account code do not net to zero (" + charge.balance.toPlainString()
                        + "); set personalCharges.clearingAccount", charge.entryId);
            }
        });
    }

    private void taxLines(JsonNode journal, Map<String, JsonNode> taxRows, String entryId, String allocationId,
                          String groupKey) {
        for (JsonNode guidNode : ConcurFields.elements(journal, "taxGuid")) {
            String guid = guidNode.asText();
            JsonNode tax = taxRows.get(guid);
            if (tax == null) {
                problem(Kind.INVALID_DOCUMENT, "taxGuid " + guid, "journal row refers to tax row " + guid
                        + " that the allocation does not contain", entryId);
                continue;
            }
            BigDecimal reclaim = amount(tax, "amountReclaim", entryId);
            if (reclaim == null || reclaim.signum() == 0) {
                continue;
            }
            String taxCode = ConcurFields.text(tax, "taxCode");
            String authority = ConcurFields.text(tax, "taxAuthorityLabel");
            String account = taxAccount(taxCode, authority, entryId);
            add(account, null, reclaim, LineRole.TAX, "Input tax " + orElse(authority, orElse(taxCode, "")),
                    entryId, allocationId, groupKey, false);
        }
    }

    /** Applied cash advances move the amount from the advance account to the employee's payable. */
    private void cashAdvanceApplications() {
        int index = 0;
        for (JsonNode application : ConcurFields.elements(doc, "cashAdvanceApplication")) {
            index++;
            String advanceId = orElse(ConcurFields.text(application, "cashAdvanceId"), "cash-advance-" + index);
            BigDecimal amount = amount(application, "cashAdvanceApplicationAmount", advanceId);
            if (amount == null || amount.signum() == 0) {
                continue;
            }
            String groupKey = "cash-advance/" + advanceId + "/" + index;
            String advanceAccount = cashAdvanceAccount(ConcurFields.text(application, "cashAdvanceClearingAccountCode"),
                    advanceId);
            String settlement = rules.cashAdvance().settlementAccount();
            if (settlement == null) {
                problem(Kind.UNKNOWN_CASH_ADVANCE_ACCOUNT, "cashAdvance.settlementAccount",
                        "no cashAdvance.settlementAccount for applying cash advance " + advanceId, advanceId);
                continue;
            }
            // Concur sends the applied amount negative: it reduces what the company owes the employee.
            String text = "Cash advance " + advanceId + " applied";
            add(advanceAccount, null, amount, LineRole.CASH_ADVANCE, text, advanceId, null, groupKey, false);
            add(settlement, null, amount.negate(), LineRole.CASH_ADVANCE, text, advanceId, null, groupKey,
                    rules.cashAdvance().settlementPayable());
        }
    }

    /** The clearing sides of one allocation's personal-charge rows, left out when they cancel. */
    private static final class PersonalCharge {
        private final String entryId;
        private BigDecimal balance = BigDecimal.ZERO;

        PersonalCharge(String entryId) {
            this.entryId = entryId;
        }

        void add(BigDecimal amount) {
            balance = balance.add(amount);
        }
    }

    /** Who pays whom on a journal row: the payment code, else its payment type name read as a code. */
    private static final class Party {
        private Party() {
        }

        /**
         * {@code journalPayer}/{@code journalPayee} carry codes (COMP, EMPL, CBCP …); where only the
         * {@code …PaymentTypeName} is given, its Standard Accounting Extract spelling (COMPANY, EMPLOYEE, CBCP CORP …)
         * is read as the code.
         */
        static String code(JsonNode journal, String field) {
            String code = ConcurFields.text(journal, field);
            if (code != null) {
                return code;
            }
            String name = ConcurFields.text(journal, field + "PaymentTypeName");
            if (name == null) {
                return null;
            }
            String upper = name.trim().toUpperCase(Locale.ROOT);
            return switch (upper) {
                case "COMPANY" -> "COMP";
                case "EMPLOYEE" -> "EMPL";
                default -> upper.split("\\s+")[0];
            };
        }
    }

    private static boolean isPersonal(JsonNode entry) {
        return "Y".equalsIgnoreCase(ConcurFields.text(entry, "entryIsPersonal"));
    }

    private static String expenseText(JsonNode entry) {
        String type = orElse(ConcurFields.text(entry, "expenseTypeName"), ConcurFields.text(entry, "expenseTypeCode"));
        String vendor = orElse(ConcurFields.text(entry, "entryVendorDescription"),
                ConcurFields.text(entry, "entryVendorCode"));
        return vendor == null ? orElse(type, "Expense") : orElse(type, "Expense") + " – " + vendor;
    }
}
