package io.mlconnector.app.posting;

import io.mlconnector.app.mapping.Mapping;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.infor.api.DebitCredit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReversalsTest {
    private static final PostingPlan PLAN = new ChunkPlanner(ChunkLimits.DEFAULT, ChunkSizeEstimator.rough()).plan(
            Mapping.defaultMapping().map(FisSamples.named("fis-expense-use-case-2.1-single-tax-item.json").fis()));

    @Test
    void reversalPostsEveryLineOnTheOtherSide() {
        // given an accepted GL chunk: debit 6120 8.4, debit 2310 1.6, credit 2100 10
        PostingChunk chunk = PLAN.glChunks().get(0);

        // when
        PostingChunk reversal = Reversals.of(chunk);

        // then same accounts, cost centers and amounts, sides swapped, so the two net to zero per account
        assertThat(reversal.lines()).hasSameSizeAs(chunk.lines());
        for (int i = 0; i < chunk.lines().size(); i++) {
            GlLine original = chunk.lines().get(i);
            GlLine reversed = reversal.lines().get(i);
            assertThat(reversed.side()).isEqualTo(original.side().opposite());
            assertThat(reversed.glAccount()).isEqualTo(original.glAccount());
            assertThat(reversed.costCenter()).isEqualTo(original.costCenter());
            assertThat(reversed.amount()).isEqualTo(original.amount());
            assertThat(reversed.signedAmount()).isEqualByComparingTo(original.signedAmount().negate());
        }
        assertThat(reversal.lines()).filteredOn(l -> l.glAccount().equals("2100")).singleElement()
                .satisfies(l -> assertThat(l.side()).isEqualTo(DebitCredit.DEBIT));
        assertThat(Balances.isBalanced(reversal.lines())).isTrue();
    }

    @Test
    void reversalIdIsTheChunkIdWithRevEveryTime() {
        // given
        PostingChunk chunk = PLAN.glChunks().get(0);

        // when
        PostingChunk first = Reversals.of(chunk);
        PostingChunk again = Reversals.of(chunk);

        // then
        assertThat(first.id()).isEqualTo("concur-f7a675d035bc44419cc0df2389c5b10c-gl-1-of-1-rev");
        assertThat(again).isEqualTo(first);
        assertThat(first.reversalOf()).contains(chunk.id());
        assertThat(first.isReversal()).isTrue();
    }

    @Test
    void apReversalIsACreditNoteForTheSameSupplierAndInvoice() {
        // given the AP chunk: 10 EUR owed to employee 49038128
        PostingChunk ap = PLAN.apChunk().orElseThrow();

        // when
        PostingChunk reversal = Reversals.of(ap);

        // then
        Payable payable = reversal.payable().orElseThrow();
        assertThat(payable.amount()).isEqualByComparingTo("-10");
        assertThat(payable.distribution()).extracting(l -> l.amount().toPlainString()).containsExactly("-8.4", "-1.6");
        assertThat(payable.supplierId()).isEqualTo("49038128");
        assertThat(payable.invoiceNumber()).isEqualTo(ap.payable().orElseThrow().invoiceNumber());
        assertThat(reversal.id()).isEqualTo(ap.id() + "-rev");
    }

    @Test
    void aReversalIsNeverReversed() {
        // given
        PostingChunk reversal = Reversals.of(PLAN.glChunks().get(0));

        // when / then
        assertThatThrownBy(() -> Reversals.of(reversal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never reversed");
    }
}
