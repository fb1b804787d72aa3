package io.mlconnector.app.posting;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A mapped FIS document, ready to validate and post: one balanced GL journal plus, when someone is owed money, the
 * payable part. Construction fails with {@link UnbalancedEntryException} when Σ debit ≠ Σ credit, and with
 * {@link IllegalArgumentException} when a line is in another currency than the document.
 *
 * @param fisDocumentId     FIS document id ({@code content[].id}), the key of acknowledgement and confirmation
 * @param docType           {@code expense}, {@code invoice} or {@code cashadvance}
 * @param businessId        report id, invoice request id or cash advance id (the event's {@code facts.documentId})
 * @param accountingEntity  Infor accounting entity
 * @param currency          ISO currency code of every line
 * @param postingDate       accounting date
 * @param description       journal header text
 * @param glLines           the journal; lines of one allocation are adjacent and share a group key
 * @param payable           the AP invoice part, empty when nobody is owed anything
 */
public record AccountingDocument(String fisDocumentId, String docType, String businessId, String accountingEntity,
                                 String currency, LocalDate postingDate, String description, List<GlLine> glLines,
                                 Optional<Payable> payable) {

    public AccountingDocument {
        Objects.requireNonNull(fisDocumentId, "fisDocumentId");
        Objects.requireNonNull(accountingEntity, "accountingEntity");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(postingDate, "postingDate");
        glLines = List.copyOf(glLines);
        payable = Objects.requireNonNullElse(payable, Optional.empty());
        for (GlLine line : glLines) {
            if (!currency.equals(line.currency())) {
                throw new IllegalArgumentException("FIS document " + fisDocumentId + ": line in " + line.currency()
                        + " but the document is in " + currency);
            }
        }
        payable.ifPresent(p -> {
            if (!currency.equals(p.currency())) {
                throw new IllegalArgumentException("FIS document " + fisDocumentId + ": payable in " + p.currency()
                        + " but the document is in " + currency);
            }
        });
        Balances.requireBalanced(glLines, "FIS document " + fisDocumentId);
    }

    /**
     * Every GL account the document posts to (journal and payable lines), in first-use order: what the validation
     * step checks against Infor before anything is posted.
     */
    public Set<String> glAccounts() {
        Set<String> accounts = new LinkedHashSet<>();
        glLines.forEach(line -> accounts.add(line.glAccount()));
        payable.ifPresent(p -> p.lines().forEach(line -> accounts.add(line.glAccount())));
        return Collections.unmodifiableSet(accounts);
    }

    /** Every cost center the document posts to, in first-use order. */
    public Set<String> costCenters() {
        Set<String> costCenters = new LinkedHashSet<>();
        glLines.stream().map(GlLine::costCenter).filter(Objects::nonNull).forEach(costCenters::add);
        return Collections.unmodifiableSet(costCenters);
    }

    public java.math.BigDecimal totalDebits() {
        return Balances.debits(glLines);
    }

    public java.math.BigDecimal totalCredits() {
        return Balances.credits(glLines);
    }
}
