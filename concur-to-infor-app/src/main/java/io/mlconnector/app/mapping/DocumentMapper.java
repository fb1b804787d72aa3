package io.mlconnector.app.mapping;

import io.mlconnector.app.mapping.MappingException.Kind;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.api.FisDocument;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns one FIS document into an {@link AccountingDocument} following {@link MappingRules}: the document's docType
 * picks its mapping ({@link ExpenseReportMapper}, {@link InvoiceMapper}, {@link CashAdvanceMapper}), which share the
 * look-ups and the balance check of {@link MappingRun}. One instance per mapping file; {@link #map} is thread-safe
 * (all state lives in the run created per document).
 */
final class DocumentMapper {
    private final MappingRules rules;
    private final Clock clock;

    DocumentMapper(MappingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    AccountingDocument map(FisDocument fis) {
        if (fis.id() == null || fis.json() == null || !fis.json().isObject()) {
            throw invalid(fis, "document", "a FIS item needs id, docType and a document object");
        }
        Optional<FisDocType> docType = FisDocType.find(fis.docType());
        if (docType.isEmpty()) {
            throw notMapped(fis);
        }
        MappingRun run = switch (docType.get()) {
            case EXPENSE -> new ExpenseReportMapper(rules, clock, fis);
            case INVOICE -> new InvoiceMapper(rules, clock, fis);
            case CASHADVANCE -> new CashAdvanceMapper(rules, clock, fis);
            case PAYROLL, REQUESTOBLIGATION, REPORTOBLIGATION -> throw notMapped(fis);
        };
        try {
            return run.map(docType.get());
        } finally {
            Expression.forgetOnThisThread();
        }
    }

    private static MappingException notMapped(FisDocument fis) {
        return invalid(fis, "docType", "docType '" + fis.docType() + "' is not mapped (expense, invoice, cashadvance)");
    }

    private static MappingException invalid(FisDocument fis, String code, String message) {
        return new MappingException(fis.id() == null ? "(no id)" : fis.id(),
                List.of(new MappingException.Problem(Kind.INVALID_DOCUMENT, code, message, Set.of())));
    }
}
