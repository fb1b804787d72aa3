package io.mlconnector.infor.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A balanced journal entry for one accounting entity, in one currency: the input of the GL BOD builder
 * ({@code Sync/Process.SourceSystemJournalEntry}). It cannot be built unbalanced.
 *
 * @param accountingEntity the accounting entity (M3 division, LN company), e.g. {@code 100}
 * @param documentId       the entry's document id; with variationId it identifies the BOD and the IMS message
 * @param variationId      revision of the same document; higher wins in ION (default 1)
 * @param currency         ISO 4217 code of every amount
 * @param postingDate      the accounting date
 * @param description      header text, also used for lines without their own
 * @param lines            two or more lines whose debits equal their credits
 */
public record JournalEntry(String accountingEntity, String documentId, long variationId, String currency,
                           LocalDate postingDate, String description, List<JournalEntryLine> lines) {

    public JournalEntry {
        Inputs.required("accountingEntity", accountingEntity);
        Inputs.required("documentId", documentId);
        Inputs.currency("currency", currency);
        Inputs.required("postingDate", postingDate);
        lines = List.copyOf(Inputs.required("lines", lines));
        if (variationId < 0) {
            throw Inputs.invalid("variationId must not be negative");
        }
        if (lines.isEmpty()) {
            throw Inputs.invalid("journal entry " + documentId + " has no lines");
        }
        BigDecimal debit = total(lines, DebitCredit.DEBIT);
        BigDecimal credit = total(lines, DebitCredit.CREDIT);
        if (debit.compareTo(credit) != 0) {
            throw Inputs.invalid("journal entry " + documentId + " is unbalanced: debits " + debit.toPlainString()
                    + " " + currency + " vs credits " + credit.toPlainString() + " " + currency);
        }
        if (debit.signum() == 0) {
            throw Inputs.invalid("journal entry " + documentId + " has a zero total");
        }
    }

    /** Σ of the lines on one side. */
    public BigDecimal total(DebitCredit side) {
        return total(lines, side);
    }

    private static BigDecimal total(List<JournalEntryLine> lines, DebitCredit side) {
        return lines.stream().filter(l -> l.side() == side).map(JournalEntryLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the lines; {@link #build()} refuses an unbalanced entry with INVALID_INPUT. */
    public static final class Builder {
        private String accountingEntity;
        private String documentId;
        private long variationId = 1;
        private String currency;
        private LocalDate postingDate;
        private String description;
        private final List<JournalEntryLine> lines = new ArrayList<>();

        public Builder accountingEntity(String v) { accountingEntity = v; return this; }
        public Builder documentId(String v) { documentId = v; return this; }
        public Builder variationId(long v) { variationId = v; return this; }
        public Builder currency(String v) { currency = v; return this; }
        public Builder postingDate(LocalDate v) { postingDate = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder line(JournalEntryLine line) { lines.add(line); return this; }
        public Builder lines(List<JournalEntryLine> more) { lines.addAll(more); return this; }

        public Builder debit(String glAccount, String costCenter, BigDecimal amount, String text) {
            return line(JournalEntryLine.debit(glAccount, costCenter, amount, text));
        }

        public Builder credit(String glAccount, String costCenter, BigDecimal amount, String text) {
            return line(JournalEntryLine.credit(glAccount, costCenter, amount, text));
        }

        public JournalEntry build() {
            return new JournalEntry(accountingEntity, documentId, variationId, currency, postingDate, description, lines);
        }
    }
}
