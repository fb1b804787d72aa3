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
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * One run of the mapping over one FIS document: what every document type shares. A subclass per docType walks its
 * document and adds lines through the shared look-ups (accounting entity, GL account, cost center, credit side, tax
 * and cash-advance accounts); this class collects the problems, requires the lines to balance and builds the payable.
 * Not thread-safe: {@link DocumentMapper} creates one per document.
 */
abstract class MappingRun {
    private static final ObjectMapper PLAIN = new ObjectMapper();

    final MappingRules rules;
    private final Clock clock;
    final FisDocument fis;
    final JsonNode doc;
    private final Map<String, ProblemBuilder> problems = new LinkedHashMap<>();
    private final List<GlLine> lines = new ArrayList<>();
    private final Map<String, BigDecimal> owedByAccount = new LinkedHashMap<>();
    private final Map<List<String>, BigDecimal> distribution = new LinkedHashMap<>();
    private final Map<String, String> payableDescriptions = new HashMap<>();
    /** Set by the document type's mapping from its header; lines are only added once it is known. */
    String currency;
    private Map<String, Object> docForExpressions;
    private final Map<JsonNode, Map<String, Object>> converted = new IdentityHashMap<>();
    /** One object per distinct line amount and description: a report repeats them on many lines. */
    private final Map<Object, Object> shared = new HashMap<>();
    /** This document's own compiled expressions: they hold on to what they were last given, see {@link Expression}. */
    private final Map<Expression, Expression> compiled = new IdentityHashMap<>();

    MappingRun(MappingRules rules, Clock clock, FisDocument fis) {
        this.rules = rules;
        this.clock = clock;
        this.fis = fis;
        this.doc = fis.json();
    }

    /**
     * Walks the document, adds its lines and says what the accounting document's header and payable need.
     * Problems are reported with {@link #problem} rather than thrown, so a document names every one of them.
     */
    abstract Header mapLines();

    /** The balanced accounting document, or a {@link MappingException} naming every problem found. */
    AccountingDocument map(FisDocType docType) {
        Header header = mapLines();
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
        return new AccountingDocument(fis.id(), docType.value(), header.businessId(), header.entity(), currency,
                header.postingDate(), header.description(), lines, payable);
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

    /**
     * Walks the document's line items ({@code expenseEntry[]} or {@code lineItem[]}) and each one's
     * {@code allocation[]}, mapping every allocation in its scope.
     *
     * @param itemId the line item's id from the item and its number (from 1), for the lines and the problems
     */
    void eachAllocation(JsonNode header, JsonNode person, String itemsField,
                        BiFunction<JsonNode, Integer, String> itemId, Consumer<Scope> allocationMapping) {
        int itemIndex = 0;
        for (JsonNode item : ConcurFields.elements(doc, itemsField)) {
            itemIndex++;
            String id = itemId.apply(item, itemIndex);
            String expenseType = ConcurFields.text(item, "expenseTypeCode");
            int allocationIndex = 0;
            for (JsonNode allocation : ConcurFields.elements(item, "allocation")) {
                allocationIndex++;
                allocationMapping.accept(new Scope(header, person, item, allocation, id, expenseType, itemIndex - 1,
                        allocationIndex - 1));
            }
        }
    }

    // --- look-ups -----------------------------------------------------------------------------------------

    String entity(String ledgerCode) {
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

    String glAccount(String expenseType, String journalCode, LineContext context, String lineItemId) {
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
    String findGlAccount(String expenseType, String journalCode, LineContext context, String lineItemId) {
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

    String costCenter(Scope scope) {
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

    void creditSide(String payer, String payee, BigDecimal signedDebit, String text, String lineItemId,
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

    String taxAccount(String taxCode, String authority, String lineItemId) {
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

    String cashAdvanceAccount(String clearingCode, String lineItemId) {
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
                        payableDescriptions.getOrDefault(account, header.description())));
            }
        });
        List<PayableLine> distributionLines = new ArrayList<>();
        distribution.forEach((key, amount) -> {
            if (amount.signum() != 0) {
                distributionLines.add(new PayableLine(key.get(0), key.get(1), amount, header.description()));
            }
        });
        if (payableLines.isEmpty()) {
            return Optional.empty();
        }
        String supplierId = evaluate(header.supplierIdExpression(), documentContext(), "payable supplier id",
                null);
        if (supplierId == null) {
            problem(Kind.UNKNOWN_SUPPLIER, header.supplierIdExpression().source(), "the supplier id expression '"
                    + header.supplierIdExpression().source() + "' gave nothing for this document", null);
            return Optional.empty();
        }
        if (header.invoiceNumber() == null) {
            problem(Kind.INVALID_DOCUMENT, "invoice number", "no report id / invoice number for the payable",
                    null);
            return Optional.empty();
        }
        return Optional.of(new Payable(supplierId, header.supplierName(), header.invoiceNumber(),
                header.invoiceDate() == null ? header.postingDate() : header.invoiceDate(), currency, payableLines,
                distributionLines));
    }

    // --- building blocks ----------------------------------------------------------------------------------

    /** Adds a line from a signed amount (positive = debit); zero amounts post nothing. */
    void add(String account, String costCenter, BigDecimal signedDebit, LineRole role, String description,
                     String entryId, String allocationId, String groupKey, boolean payable) {
        if (signedDebit.signum() == 0 || currency == null) {
            return;
        }
        DebitCredit side = signedDebit.signum() > 0 ? DebitCredit.DEBIT : DebitCredit.CREDIT;
        lines.add(new GlLine(account, costCenter, shared(signedDebit.abs()), side, currency, shared(description),
                entryId, allocationId, groupKey, role));
        if (payable) {
            owedByAccount.merge(account, signedDebit.negate(), BigDecimal::add);
        } else {
            distribution.merge(Arrays.asList(account, costCenter), signedDebit, BigDecimal::add);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    String lineDescription(LineContext context, String fallback) {
        var expression = rules.descriptions().line();
        if (expression == null) {
            return fallback;
        }
        String value = evaluate(expression, context.asMap(), "descriptions.line", context.scope.entryId);
        return value == null ? fallback : value;
    }

    String documentDescription(String fallback) {
        var expression = rules.descriptions().document();
        String value = expression == null ? null
                : evaluate(expression, documentContext(), "descriptions.document", null);
        return value == null ? fallback.trim() : value;
    }

    LocalDate postingDate(JsonNode header, String... fields) {
        LocalDate date = ConcurFields.firstDate(header, fields);
        return date != null ? date : LocalDate.now(clock);
    }

    private String evaluate(Expression expression, Object input, String key, String lineItemId) {
        try {
            return compiled.computeIfAbsent(expression, Expression::compiledAgain).evaluateToText(input);
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

    BigDecimal amount(JsonNode node, String field, String lineItemId) {
        try {
            return ConcurFields.amount(node, field);
        } catch (NumberFormatException e) {
            problem(Kind.INVALID_DOCUMENT, field, field + " is not a number: " + node.get(field), lineItemId);
            return null;
        }
    }

    BigDecimal firstAmount(JsonNode node, String lineItemId, String... fields) {
        for (String field : fields) {
            BigDecimal value = amount(node, field, lineItemId);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    String requireText(JsonNode node, String field, String path) {
        String value = ConcurFields.text(node, field);
        if (value == null) {
            problem(Kind.INVALID_DOCUMENT, path, "the document has no " + path, null);
        }
        return value;
    }

    void problem(Kind kind, String code, String message, String lineItemId) {
        ProblemBuilder builder = problems.computeIfAbsent(kind + "|" + code,
                k -> new ProblemBuilder(kind, code, message));
        if (lineItemId != null) {
            builder.lineItemIds.add(lineItemId);
        }
    }

    private MappingException failure() {
        return new MappingException(fis.id(), problems.values().stream().map(ProblemBuilder::build).toList());
    }

    /** One journal row in its scope, as line-level expressions see it. */
    final class LineContext {
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

    /** Where a journal row sits: header (report/requestHeader), employee, entry (or line item) and allocation. */
    record Scope(JsonNode header, JsonNode employee, JsonNode entry, JsonNode allocation, String entryId,
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

    /** What the document type's mapping tells the accounting document and its payable. */
    record Header(String businessId, String entity, LocalDate postingDate, String description,
                  Expression supplierIdExpression, String invoiceNumber, String supplierName, LocalDate invoiceDate) {
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

    static String fullName(JsonNode employee) {
        String first = ConcurFields.text(employee, "employeeFirstName");
        String last = ConcurFields.text(employee, "employeeLastName");
        String name = (orElse(first, "") + " " + orElse(last, "")).trim();
        return name.isEmpty() ? null : name;
    }

    static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
