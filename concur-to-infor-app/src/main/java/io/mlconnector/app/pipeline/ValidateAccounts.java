package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.infor.api.AccountCode;
import io.mlconnector.infor.api.ValidationResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks every GL account and cost center of the document against Infor (answers cached) before anything is posted.
 * Unknown codes reject the whole document, each one named. A rejection is decided on fresh answers only: the finance
 * user's fix for an earlier rejection is adding the code in Infor, and a cached "unknown" would otherwise reject the
 * next document on that code for the cache's lifetime.
 */
final class ValidateAccounts implements Processor {
    private final Services services;

    ValidateAccounts(Services services) {
        this.services = services;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        DocumentWork work = exchange.getMessage().getMandatoryBody(DocumentWork.class);
        AccountingDocument accounting = work.accounting;
        ValidationResult result = services.validation.validate(accounting.accountingEntity(), codes(accounting));
        if (!result.valid()) {
            services.validation.clearCache();
            result = services.validation.validate(accounting.accountingEntity(), codes(accounting));
        }
        if (!result.valid()) {
            throw new DocumentRejected(RejectionReason.UNKNOWN_ACCOUNT, result.unknown().stream().map(AccountCode::code).toList(),
                    result.unknown().stream().map(c -> describe(c, accounting.accountingEntity())).toList(),
                    result.unknown().stream().map(c -> lineItemsUsing(c, accounting)).toList());
        }
        services.store.audit().append(work.keys, AuditStep.VALIDATED, Map.of("accountingEntity", accounting.accountingEntity(),
                "codesChecked", result.checked().size()));
    }

    static Set<AccountCode> codes(AccountingDocument accounting) {
        Set<AccountCode> codes = new LinkedHashSet<>();
        for (GlLine line : accounting.glLines()) {
            codes.add(AccountCode.glAccount(line.glAccount()));
            if (line.costCenter() != null) {
                codes.add(AccountCode.costCenter(line.costCenter()));
            }
        }
        accounting.payable().ifPresent(p -> p.lines().forEach(l -> codes.add(AccountCode.glAccount(l.glAccount()))));
        return codes;
    }

    /** The Concur lines whose GL line carries the code, so Concur can show the error on them. */
    private static List<String> lineItemsUsing(AccountCode code, AccountingDocument accounting) {
        return accounting.glLines().stream()
                .filter(l -> switch (code.type()) {
                    case GL_ACCOUNT -> code.code().equals(l.glAccount());
                    case COST_CENTER -> code.code().equals(l.costCenter());
                })
                .map(GlLine::sourceEntryId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    private static String describe(AccountCode code, String accountingEntity) {
        return code.type().label() + " " + code.code() + " does not exist in Infor accounting entity " + accountingEntity;
    }
}
