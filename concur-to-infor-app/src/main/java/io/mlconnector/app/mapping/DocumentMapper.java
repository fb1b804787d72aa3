package io.mlconnector.app.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.app.mapping.MappingException.Kind;
import io.mlconnector.app.mapping.MappingRules.CostCenterRules;
import io.mlconnector.app.mapping.MappingRules.CreditRule;
import io.mlconnector.app.mapping.MappingRules.GlLookup;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.Balances;
import io.mlconnector.infor.api.DebitCredit;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.app.posting.Payable;
import io.mlconnector.app.posting.PayableLine;
import io.mlconnector.app.posting.UnbalancedEntryException;
import io.mlconnector.concur.api.ConcurFields;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one FIS document into an {@link AccountingDocument} following {@link MappingRules}. One instance per mapping
 * file; {@link #map} is thread-safe (all state lives in a {@link Run}).
 *
 * <p>Every journal row gives its expense debit (net of reclaimable tax), its tax debits and its credit-side line
 * (gross) under the allocation's group key, so each allocation balances by itself and the planner can split between
 * allocations without a suspense line.
 */
final class DocumentMapper {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final MappingRules rules;
    private final Clock clock;

    DocumentMapper(MappingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    AccountingDocument map(FisDocument fis) {
        return new Run(fis).map();
    }

    private final class Run {
        private final FisDocument fis;
        private final JsonNode doc;
        private final Map<String, ProblemBuilder> problems = new LinkedHashMap<>();
        private final List<GlLine> lines = new ArrayList<>();
        private final Map<String, BigDecimal> owedByAccount = new LinkedHashMap<>();
        private final Map<List<String>, BigDecimal> distribution = new LinkedHashMap<>();
        private final Map<String, String> payableDescriptions = new HashMap<>();
        private final Map<String, PersonalCharge> personalChargeClearing = new LinkedHashMap<>();
        private String currency;
        private Map<String, Object> docForExpressions;
        private final Map<JsonNode, Map<String, Object>> converted = new java.util.IdentityHashMap<>();

        Run(FisDocument fis) {
            this.fis = fis;
            this.doc = fis.json();
        }

        AccountingDocument map() {
            if (fis.id() == null || doc == null || !doc.isObject()) {
                problem(Kind.INVALID_DOCUMENT, "document", "a FIS item needs id, docType and a document object",
                        null);
                throw failure();
            }
            Optional<FisDocType> docType = FisDocType.find(fis.docType());
            if (docType.isEmpty()) {
                notMapped();
                throw failure();
            }
            Header header = switch (docType.get()) {
                case EXPENSE -> expense();
                case INVOICE -> invoice();
                case CASHADVANCE -> cashAdvance();
                case PAYROLL, REQUESTOBLIGATION, REPORTOBLIGATION -> notMapped();
            };
            if (!problems.isEmpty()) {
                throw failure();
            }
            try {
                Balances.requireBalanced(lines, "FIS document " + fis.id());
            } catch (UnbalancedEntryException e) {
                throw new MappingException(fis.id(), List.of(new MappingException.Problem(Kind.UNBALANCED,
                        "balance", e.getMessage(), unbalancedLineItems())));
            }
            Optional<Payable> payable = payable(header);
            if (!problems.isEmpty()) {
                throw failure();
            }
            return new AccountingDocument(fis.id(), docType.get().value(), header.businessId, header.entity, currency,
                    header.postingDate, header.description, lines, payable);
        }

        private Header notMapped() {
            problem(Kind.INVALID_DOCUMENT, "docType", "docType '" + fis.docType()
                    + "' is not mapped (expense, invoice, cashadvance)", null);
            return null;
        }

        /** The Concur line items whose own lines do not balance: where the document's amounts disagree. */
        private Set<String> unbalancedLineItems() {
            Map<String, BigDecimal> byGroup = new LinkedHashMap<>();
            Map<String, String> itemOfGroup = new HashMap<>();
            for (GlLine line : lines) {
                byGroup.merge(line.groupKey(), line.signedAmount(), BigDecimal::add);
                itemOfGroup.putIfAbsent(line.groupKey(), line.sourceEntryId());
            }
            Set<String> items = new LinkedHashSet<>();
            byGroup.forEach((group, balance) -> {
                if (balance.signum() != 0 && itemOfGroup.get(group) != null) {
                    items.add(itemOfGroup.get(group));
                }
            });
            return items;
        }

        // --- expense report -----------------------------------------------------------------------------------

        private Header expense() {
            JsonNode report = doc.path("report");
            JsonNode employee = doc.path("employee");
            currency = requireText(report, "employeeCurrencyAlphaCode", "report.employeeCurrencyAlphaCode");
            String entity = entity(ConcurFields.text(report, "ledgerCode"));
            int entryIndex = 0;
            for (JsonNode entry : ConcurFields.elements(doc, "expenseEntry")) {
                entryIndex++;
                String entryId = orElse(ConcurFields.text(entry, "entryId"), "entry-" + entryIndex);
                String expenseType = ConcurFields.text(entry, "expenseTypeCode");
                int allocationIndex = 0;
                for (JsonNode allocation : ConcurFields.elements(entry, "allocation")) {
                    allocationIndex++;
                    expenseAllocation(new Scope(report, employee, entry, allocation, entryId, expenseType,
                            entryIndex - 1, allocationIndex - 1));
                }
            }
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
            String allocationId = ConcurFields.text(scope.allocation, "allocationId");
            String groupKey = scope.entryId + "/" + orElse(allocationId, "allocation-" + (scope.allocationIndex + 1));
            Map<String, JsonNode> taxRows = new HashMap<>();
            for (JsonNode tax : ConcurFields.elements(scope.allocation, "tax")) {
                String guid = ConcurFields.text(tax, "taxGuid");
                if (guid != null) {
                    taxRows.put(guid, tax);
                }
            }
            String costCenter = null;
            boolean costCenterLooked = false;
            int journalIndex = 0;
            for (JsonNode journal : ConcurFields.elements(scope.allocation, "journal")) {
                journalIndex++;
                BigDecimal gross = amount(journal, "amountGross", scope.entryId);
                if (gross == null || gross.signum() == 0) {
                    continue;
                }
                BigDecimal net = firstAmount(journal, scope.entryId, "amountNetOfReclaim", "amountNetOfTax");
                net = net == null ? gross : net;
                String journalCode = ConcurFields.text(journal, "journalAccountCode");
                LineContext context = new LineContext(scope, journal, journalIndex - 1);
                String text = lineDescription(context, expenseText(scope.entry));
                String payer = Party.code(journal, "journalPayer");
                String payee = Party.code(journal, "journalPayee");
                if (journalCode == null && (isPersonal(scope.entry)
                        || findGlAccount(scope.expenseType, null, context, scope.entryId) == null)) {
                    personalChargeRow(payer, payee, gross, text, scope.entryId, allocationId, groupKey);
                    continue;
                }
                if (!costCenterLooked) {
                    costCenter = costCenter(scope);
                    costCenterLooked = true;
                }
                String glAccount = glAccount(scope.expenseType, journalCode, context, scope.entryId);
                add(glAccount, costCenter, net, LineRole.EXPENSE, text, scope.entryId, allocationId, groupKey, false);
                taxLines(journal, taxRows, scope.entryId, allocationId, groupKey);
                creditSide(payer, payee, gross.negate(), text, scope.entryId, allocationId, groupKey);
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

        // --- invoice ------------------------------------------------------------------------------------------

        private Header invoice() {
            JsonNode header = doc.path("requestHeader");
            JsonNode owner = doc.path("ownerEmployee");
            currency = requireText(header, "currencyAlphaCode", "requestHeader.currencyAlphaCode");
            String entity = entity(ConcurFields.text(header, "ledgerCode"));
            int lineIndex = 0;
            for (JsonNode item : ConcurFields.elements(doc, "lineItem")) {
                lineIndex++;
                String lineId = orElse(ConcurFields.text(item, "externalLineItemId"),
                        "line-" + orElse(ConcurFields.text(item, "lineItemSequenceOrder"), String.valueOf(lineIndex)));
                String expenseType = ConcurFields.text(item, "expenseTypeCode");
                int allocationIndex = 0;
                for (JsonNode allocation : ConcurFields.elements(item, "allocation")) {
                    allocationIndex++;
                    invoiceAllocation(new Scope(header, owner, item, allocation, lineId, expenseType, lineIndex - 1,
                            allocationIndex - 1));
                }
            }
            String requestId = ConcurFields.text(header, "requestId");
            String invoiceNumber = orElse(ConcurFields.text(header, "vendorInvoiceNumber"), requestId);
            String vendorName = ConcurFields.text(doc.path("vendor"), "vendorName");
            return new Header(requestId, entity, postingDate(header, "postingDate", "invoiceDate", "submitDate"),
                    documentDescription("Concur invoice " + invoiceNumber + " " + orElse(vendorName, "")),
                    rules.payable().invoiceSupplierId(), invoiceNumber, vendorName,
                    ConcurFields.firstDate(header, "invoiceDate"));
        }

        private void invoiceAllocation(Scope scope) {
            String allocationKey = ConcurFields.text(scope.allocation, "allocationKey");
            String groupKey = scope.entryId + "/" + orElse(allocationKey, "allocation-" + (scope.allocationIndex + 1));
            String costCenter = null;
            boolean costCenterLooked = false;
            int journalIndex = 0;
            for (JsonNode journal : ConcurFields.elements(scope.allocation, "journal")) {
                journalIndex++;
                BigDecimal net = orZero(amount(journal, "amountNet", scope.entryId));
                BigDecimal shipping = orZero(amount(journal, "amountShipping", scope.entryId));
                JsonNode tax = journal.get("tax");
                BigDecimal taxAmount = tax == null || !tax.isObject() ? BigDecimal.ZERO
                        : orZero(amount(tax, "amountTax", scope.entryId));
                BigDecimal gross = amount(journal, "amountGross", scope.entryId);
                gross = gross == null ? net.add(shipping).add(taxAmount) : gross;
                if (gross.signum() == 0 && net.signum() == 0) {
                    continue;
                }
                if (!costCenterLooked) {
                    costCenter = costCenter(scope);
                    costCenterLooked = true;
                }
                String accountCode = orElse(ConcurFields.text(journal, "accountCode"),
                        ConcurFields.text(scope.allocation, "allocationAccountCode"));
                LineContext context = new LineContext(scope, journal, journalIndex - 1);
                String glAccount = glAccount(scope.expenseType, accountCode, context, scope.entryId);
                String text = lineDescription(context, orElse(ConcurFields.text(scope.entry, "lineItemDescription"),
                        orElse(ConcurFields.text(scope.entry, "expenseTypeName"), "Invoice line")));
                add(glAccount, costCenter, net.add(shipping), LineRole.EXPENSE, text, scope.entryId, allocationKey,
                        groupKey, false);
                if (taxAmount.signum() != 0) {
                    String account = taxAccount(ConcurFields.text(tax, "taxCode"), ConcurFields.text(tax, "taxField"),
                            scope.entryId);
                    add(account, null, taxAmount, LineRole.TAX, "Input tax", scope.entryId, allocationKey, groupKey,
                            false);
                }
                String creditAccount = rules.invoice().creditAccount();
                if (creditAccount == null) {
                    problem(Kind.UNKNOWN_PAYER_PAYEE, "invoice.creditAccount",
                            "no invoice.creditAccount for the supplier payable", scope.entryId);
                    continue;
                }
                add(creditAccount, null, gross.negate(), LineRole.CREDIT_SIDE, text, scope.entryId, allocationKey,
                        groupKey, rules.invoice().payable());
            }
        }

        // --- cash advance -------------------------------------------------------------------------------------

        private Header cashAdvance() {
            JsonNode data = doc.path("cashAdvanceData");
            JsonNode employee = doc.path("employeeData");
            currency = orElse(ConcurFields.text(data, "employeeCurrencyAlphaCode"),
                    requireText(data, "currencyAlphaCode", "cashAdvanceData.currencyAlphaCode"));
            String entity = entity(null);
            String advanceId = orElse(ConcurFields.text(data, "cashAdvanceId"), fis.id());
            int index = 0;
            for (JsonNode journal : ConcurFields.elements(doc, "journalData")) {
                index++;
                BigDecimal amount = amount(journal, "amount", advanceId);
                if (amount == null || amount.signum() == 0) {
                    continue;
                }
                BigDecimal signed = "CR".equalsIgnoreCase(ConcurFields.text(journal, "debitOrCredit"))
                        ? amount.negate() : amount;
                String groupKey = "cash-advance/" + advanceId + "/" + index;
                String text = "Cash advance " + orElse(ConcurFields.text(data, "name"), advanceId);
                String account = cashAdvanceAccount(ConcurFields.text(journal, "accountCode"), advanceId);
                add(account, null, signed, LineRole.CASH_ADVANCE, text, advanceId, null, groupKey, false);
                creditSide(ConcurFields.text(journal, "payer"), ConcurFields.text(journal, "payee"), signed.negate(), text,
                        advanceId, null, groupKey);
            }
            return new Header(advanceId, entity, postingDate(data, "issuedDate", "requestDate"),
                    documentDescription("Concur cash advance " + orElse(ConcurFields.text(data, "name"), "")
                            + " (" + advanceId + ")"),
                    rules.payable().cashAdvanceSupplierId(), advanceId, fullName(employee), null);
        }

        // --- look-ups -----------------------------------------------------------------------------------------

        private String entity(String ledgerCode) {
            var r = rules.accountingEntity();
            if (r.expression() != null) {
                String value = evaluate(r.expression(), documentContext(), "accountingEntity.expression", null);
                if (value != null) {
                    return value;
                }
            }
            String entity = fis.entityId() == null ? null : r.byConcurEntity().get(fis.entityId());
            if (entity == null && ledgerCode != null) {
                entity = r.byLedger().get(ledgerCode);
            }
            entity = entity == null ? r.defaultEntity() : entity;
            if (entity == null) {
                String code = "entity " + fis.entityId() + " / ledger " + ledgerCode;
                problem(Kind.UNKNOWN_ACCOUNTING_ENTITY, code, "no accounting entity for Concur " + code
                        + "; add it under accountingEntity.byLedger or accountingEntity.byConcurEntity", null);
            }
            return entity;
        }

        private String glAccount(String expenseType, String journalCode, LineContext context, String lineItemId) {
            String account = findGlAccount(expenseType, journalCode, context, lineItemId);
            if (account != null) {
                return account;
            }
            String code = orElse(expenseType, "(none)");
            problem(Kind.UNKNOWN_EXPENSE_TYPE, code, "no GL account for expense type " + code
                    + " (journal account code " + orElse(journalCode, "none")
                    + "); add it under glAccount.byExpenseType", lineItemId);
            return "?";
        }

        /** The GL account the mapping gives a journal row; null when none of its look-ups does. */
        private String findGlAccount(String expenseType, String journalCode, LineContext context, String lineItemId) {
            var r = rules.glAccount();
            if (r.expression() != null) {
                String value = evaluate(r.expression(), context.asMap(), "glAccount.expression", lineItemId);
                if (value != null) {
                    return value;
                }
            }
            for (GlLookup lookup : r.lookupOrder()) {
                String account = switch (lookup) {
                    case EXPENSE_TYPE -> expenseType == null ? null : r.byExpenseType().get(expenseType);
                    case JOURNAL_ACCOUNT_CODE -> journalCode == null ? null : r.byJournalAccountCode().get(journalCode);
                };
                if (account != null) {
                    return account;
                }
            }
            return r.defaultAccount();
        }

        private String costCenter(Scope scope) {
            CostCenterRules r = rules.costCenter();
            if (r.expression() != null) {
                String value = evaluate(r.expression(), new LineContext(scope, null, 0).asMap(),
                        "costCenter.expression", scope.entryId);
                if (value != null) {
                    return value;
                }
            }
            for (CostCenterRules.Source source : r.sources()) {
                String value = ConcurFields.text(scope.node(source.scope()), source.field());
                if (value == null) {
                    continue;
                }
                String mapped = r.map().get(value);
                if (mapped != null) {
                    return mapped;
                }
                return switch (r.whenUnmapped()) {
                    case KEEP -> value;
                    case DEFAULT -> r.defaultCostCenter();
                    case ERROR -> {
                        problem(Kind.UNKNOWN_COST_CENTER, value, "no cost center for " + source + " = " + value
                                + "; add it under costCenter.map", scope.entryId);
                        yield "?";
                    }
                };
            }
            if (r.defaultCostCenter() != null) {
                return r.defaultCostCenter();
            }
            if (r.required()) {
                problem(Kind.UNKNOWN_COST_CENTER, "(none)", "no cost center: none of costCenter.sources "
                        + r.sources() + " has a value, costCenter.default is not set and costCenter.required is "
                        + "true", scope.entryId);
                return "?";
            }
            return null; // many documents carry no cost object; the line posts without a cost center
        }

        private void creditSide(String payer, String payee, BigDecimal signedDebit, String text, String lineItemId,
                                String allocationId, String groupKey) {
            for (CreditRule rule : rules.creditSide()) {
                if (rule.matches(payer, payee)) {
                    String description = rule.description() == null ? text : rule.description();
                    add(rule.account(), null, signedDebit, LineRole.CREDIT_SIDE, description, lineItemId,
                            allocationId, groupKey, rule.payable());
                    if (rule.payable() && rule.description() != null) {
                        payableDescriptions.putIfAbsent(rule.account(), rule.description());
                    }
                    return;
                }
            }
            String code = "payer " + payer + " / payee " + payee;
            problem(Kind.UNKNOWN_PAYER_PAYEE, code, "no creditSide rule for " + code
                    + "; add one under creditSide", lineItemId);
        }

        private String taxAccount(String taxCode, String authority, String lineItemId) {
            var r = rules.tax();
            String account = taxCode == null ? null : r.byTaxCode().get(taxCode);
            account = account == null && authority != null ? r.byAuthority().get(authority) : account;
            account = account == null ? r.defaultAccount() : account;
            if (account == null) {
                String code = "tax code " + taxCode + " / authority " + authority;
                problem(Kind.UNKNOWN_TAX, code, "no tax account for " + code + "; add it under tax", lineItemId);
                return "?";
            }
            return account;
        }

        private String cashAdvanceAccount(String clearingCode, String lineItemId) {
            var r = rules.cashAdvance();
            String account = clearingCode == null ? null : r.byClearingAccountCode().get(clearingCode);
            account = account == null ? r.account() : account;
            if (account == null) {
                problem(Kind.UNKNOWN_CASH_ADVANCE_ACCOUNT, orElse(clearingCode, "cashAdvance.account"),
                        "no cash advance account; set cashAdvance.account", lineItemId);
                return "?";
            }
            return account;
        }

        // --- payable ------------------------------------------------------------------------------------------

        private Optional<Payable> payable(Header header) {
            List<PayableLine> payableLines = new ArrayList<>();
            owedByAccount.forEach((account, owed) -> {
                if (owed.signum() != 0) {
                    payableLines.add(new PayableLine(account, null, owed,
                            payableDescriptions.getOrDefault(account, header.description)));
                }
            });
            List<PayableLine> distributionLines = new ArrayList<>();
            distribution.forEach((key, amount) -> {
                if (amount.signum() != 0) {
                    distributionLines.add(new PayableLine(key.get(0), key.get(1), amount, header.description));
                }
            });
            if (payableLines.isEmpty()) {
                return Optional.empty();
            }
            String supplierId = evaluate(header.supplierIdExpression, documentContext(), "payable supplier id",
                    null);
            if (supplierId == null) {
                problem(Kind.UNKNOWN_SUPPLIER, header.supplierIdExpression.source(), "the supplier id expression '"
                        + header.supplierIdExpression.source() + "' gave nothing for this document", null);
                return Optional.empty();
            }
            if (header.invoiceNumber == null) {
                problem(Kind.INVALID_DOCUMENT, "invoice number", "no report id / invoice number for the payable",
                        null);
                return Optional.empty();
            }
            return Optional.of(new Payable(supplierId, header.supplierName, header.invoiceNumber,
                    header.invoiceDate == null ? header.postingDate : header.invoiceDate, currency, payableLines,
                    distributionLines));
        }

        // --- building blocks ----------------------------------------------------------------------------------

        /** Adds a line from a signed amount (positive = debit); zero amounts post nothing. */
        private void add(String account, String costCenter, BigDecimal signedDebit, LineRole role, String description,
                         String entryId, String allocationId, String groupKey, boolean payable) {
            if (signedDebit.signum() == 0 || currency == null) {
                return;
            }
            DebitCredit side = signedDebit.signum() > 0 ? DebitCredit.DEBIT : DebitCredit.CREDIT;
            lines.add(new GlLine(account, costCenter, signedDebit.abs(), side, currency, description, entryId,
                    allocationId, groupKey, role));
            if (payable) {
                owedByAccount.merge(account, signedDebit.negate(), BigDecimal::add);
            } else {
                distribution.merge(java.util.Arrays.asList(account, costCenter), signedDebit, BigDecimal::add);
            }
        }

        private String lineDescription(LineContext context, String fallback) {
            var expression = rules.descriptions().line();
            if (expression == null) {
                return fallback;
            }
            String value = evaluate(expression, context.asMap(), "descriptions.line", context.scope.entryId);
            return value == null ? fallback : value;
        }

        private String documentDescription(String fallback) {
            var expression = rules.descriptions().document();
            String value = expression == null ? null
                    : evaluate(expression, documentContext(), "descriptions.document", null);
            return value == null ? fallback.trim() : value;
        }

        private LocalDate postingDate(JsonNode header, String... fields) {
            LocalDate date = ConcurFields.firstDate(header, fields);
            return date != null ? date : LocalDate.now(clock);
        }

        private String evaluate(Expression expression, Object input, String key, String lineItemId) {
            try {
                return expression.evaluateToText(input);
            } catch (IllegalStateException e) {
                problem(Kind.EXPRESSION_FAILED, key, key + ": " + e.getMessage(), lineItemId);
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> documentContext() {
            if (docForExpressions == null) {
                docForExpressions = new LinkedHashMap<>(PLAIN.convertValue(doc, Map.class));
                Map<String, Object> fisInfo = new LinkedHashMap<>();
                fisInfo.put("id", fis.id());
                fisInfo.put("docType", fis.docType());
                fisInfo.put("entityId", fis.entityId());
                fisInfo.put("companyId", fis.companyId());
                docForExpressions.put("fis", fisInfo);
            }
            return docForExpressions;
        }

        /** JSONata works on Java maps; each JSON object is converted once per document. */
        @SuppressWarnings("unchecked")
        private Map<String, Object> asJava(JsonNode node) {
            if (node == null || !node.isObject()) {
                return null;
            }
            return converted.computeIfAbsent(node, n -> PLAIN.convertValue(n, Map.class));
        }

        private BigDecimal amount(JsonNode node, String field, String lineItemId) {
            try {
                return ConcurFields.amount(node, field);
            } catch (NumberFormatException e) {
                problem(Kind.INVALID_DOCUMENT, field, field + " is not a number: " + node.get(field), lineItemId);
                return null;
            }
        }

        private BigDecimal firstAmount(JsonNode node, String lineItemId, String... fields) {
            for (String field : fields) {
                BigDecimal value = amount(node, field, lineItemId);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }

        private String requireText(JsonNode node, String field, String path) {
            String value = ConcurFields.text(node, field);
            if (value == null) {
                problem(Kind.INVALID_DOCUMENT, path, "the document has no " + path, null);
            }
            return value;
        }

        private void problem(Kind kind, String code, String message, String lineItemId) {
            ProblemBuilder builder = problems.computeIfAbsent(kind + "|" + code,
                    k -> new ProblemBuilder(kind, code, message));
            if (lineItemId != null) {
                builder.lineItemIds.add(lineItemId);
            }
        }

        private MappingException failure() {
            return new MappingException(fis.id() == null ? "(no id)" : fis.id(), problems.values().stream().map(ProblemBuilder::build).toList());
        }

        private final class LineContext {
            private final Scope scope;
            private final JsonNode journal;
            private final int journalIndex;

            LineContext(Scope scope, JsonNode journal, int journalIndex) {
                this.scope = scope;
                this.journal = journal;
                this.journalIndex = journalIndex;
            }

            /** What line-level expressions see: header, employee, entry, allocation, journal, fis. */
            Map<String, Object> asMap() {
                Map<String, Object> document = documentContext();
                Map<String, Object> context = new HashMap<>();
                context.put("fis", document.get("fis"));
                context.put("header", asJava(scope.header));
                context.put("employee", asJava(scope.employee));
                context.put("entry", asJava(scope.entry));
                context.put("allocation", asJava(scope.allocation));
                context.put("journal", asJava(journal));
                context.put("journalIndex", journalIndex);
                context.put("expenseTypeCode", scope.expenseType);
                return context;
            }
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
            String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
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

    /** Where a journal row sits: header (report/requestHeader), employee, entry (or line item) and allocation. */
    private record Scope(JsonNode header, JsonNode employee, JsonNode entry, JsonNode allocation, String entryId,
                         String expenseType, int entryIndex, int allocationIndex) {
        JsonNode node(String scope) {
            return switch (scope) {
                case "allocation" -> allocation;
                case "entry" -> entry;
                case "employee" -> employee;
                case "header" -> header;
                default -> null;
            };
        }
    }

    private record Header(String businessId, String entity, LocalDate postingDate, String description,
                          Expression supplierIdExpression, String invoiceNumber, String supplierName,
                          LocalDate invoiceDate) {
    }

    private static final class ProblemBuilder {
        private final Kind kind;
        private final String code;
        private final String message;
        private final Set<String> lineItemIds = new LinkedHashSet<>();

        ProblemBuilder(Kind kind, String code, String message) {
            this.kind = kind;
            this.code = code;
            this.message = message;
        }

        MappingException.Problem build() {
            return new MappingException.Problem(kind, code, message, lineItemIds);
        }
    }

    private static String expenseText(JsonNode entry) {
        String type = orElse(ConcurFields.text(entry, "expenseTypeName"), ConcurFields.text(entry, "expenseTypeCode"));
        String vendor = orElse(ConcurFields.text(entry, "entryVendorDescription"), ConcurFields.text(entry, "entryVendorCode"));
        return vendor == null ? orElse(type, "Expense") : orElse(type, "Expense") + " – " + vendor;
    }

    private static String fullName(JsonNode employee) {
        String first = ConcurFields.text(employee, "employeeFirstName");
        String last = ConcurFields.text(employee, "employeeLastName");
        String name = (orElse(first, "") + " " + orElse(last, "")).trim();
        return name.isEmpty() ? null : name;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
