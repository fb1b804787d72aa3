package io.mlconnector.app.mapping;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A FIS document that cannot be mapped. Lists every problem, not only the first: each unknown code once, with the
 * Concur line items that use it (for the posting confirmation's {@code systemMessages},
 * https://developer.concur.com/api-reference/financial-integration/v4.financial-integration.html). Nothing
 * of the document may be posted; a finance user fixes the mapping and replays.
 */
public class MappingException extends RuntimeException {

    /** What kind of problem; callers branch on this, never on message text. */
    public enum Kind {
        /** No Infor accounting entity for the Concur entity / ledger. */
        UNKNOWN_ACCOUNTING_ENTITY,
        /** No GL account for an expense type / journal account code. */
        UNKNOWN_EXPENSE_TYPE,
        /** No cost center for an allocation's value. */
        UNKNOWN_COST_CENTER,
        /** No credit-side rule for a payer/payee pair. */
        UNKNOWN_PAYER_PAYEE,
        /** No tax account for a tax code / authority. */
        UNKNOWN_TAX,
        /** No cash advance account configured. */
        UNKNOWN_CASH_ADVANCE_ACCOUNT,
        /** No supplier id for the payable. */
        UNKNOWN_SUPPLIER,
        /** A mapping expression failed or returned something unusable. */
        EXPRESSION_FAILED,
        /** The document itself lacks or garbles a required field. */
        INVALID_DOCUMENT,
        /** The mapped lines do not balance. */
        UNBALANCED
    }

    /**
     * @param kind        kind of problem
     * @param code        the Concur code that could not be mapped (expense type, payer/payee, …), or the field name
     * @param message     explanation with the mapping key to edit
     * @param lineItemIds Concur entry / line item ids affected (for {@code concurTransactionLineItemId})
     */
    public record Problem(Kind kind, String code, String message, Set<String> lineItemIds) {
        public Problem {
            lineItemIds = Set.copyOf(lineItemIds);
        }
    }

    private final String fisDocumentId;
    private final List<Problem> problems;

    public MappingException(String fisDocumentId, List<Problem> problems) {
        super("FIS document " + fisDocumentId + " cannot be mapped: "
                + problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        this.fisDocumentId = fisDocumentId;
        this.problems = List.copyOf(problems);
    }

    public String fisDocumentId() {
        return fisDocumentId;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The distinct codes of one kind, e.g. every unknown expense type. */
    public Set<String> codes(Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).map(Problem::code)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }
}
