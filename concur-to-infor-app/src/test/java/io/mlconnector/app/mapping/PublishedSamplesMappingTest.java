package io.mlconnector.app.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.api.FisDocument;
import io.mlconnector.app.posting.AccountingDocument;
import io.mlconnector.app.posting.GlLine;
import io.mlconnector.app.posting.LineRole;
import io.mlconnector.app.mapping.fixtures.FisDocuments;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import io.mlconnector.app.mapping.fixtures.FisSamples.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedSamplesMappingTest {
    private static final Mapping DEFAULT = Mapping.defaultMapping();

    static List<Sample> samples() {
        return FisSamples.all();
    }

    @Test
    void everyPublishedFisDocumentSampleIsFound() {
        // given the nine published financial documents
        // then the parameterised test below covers all three docTypes and every use case
        assertThat(samples()).hasSize(9);
        assertThat(samples()).extracting(s -> s.fis().docType())
                .containsOnly("expense", "invoice", "cashadvance")
                .contains("invoice", "cashadvance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void publishedSampleMapsToABalancedDocumentWhoseAmountsEqualTheDocuments(Sample sample) {
        // when
        AccountingDocument mapped = DEFAULT.map(sample.fis());

        // then: balanced, in the document's currency, and the posted amounts are the document's
        assertThat(mapped.totalDebits()).isEqualByComparingTo(mapped.totalCredits());
        assertThat(mapped.glLines()).isNotEmpty()
                .allSatisfy(line -> assertThat(line.currency()).isEqualTo(FisDocuments.currency(sample.fis())));
        BigDecimal documentTotal = FisDocuments.journalTotal(sample.fis());
        assertThat(signedTotal(mapped, postedRoles(sample.fis()))).isEqualByComparingTo(documentTotal);
        assertThat(signedTotal(mapped, Set.of(LineRole.CREDIT_SIDE))).isEqualByComparingTo(documentTotal.negate());
        headerTotal(sample.fis()).forEach(total -> assertThat(documentTotal).isEqualByComparingTo(total));
        mapped.payable().ifPresent(payable -> assertThat(payable.distribution().stream()
                .map(io.mlconnector.app.posting.PayableLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(payable.amount()));
        assertThat(mapped.fisDocumentId()).isEqualTo(sample.fis().id());
        assertThat(mapped.accountingEntity()).isIn("100", "200");
    }

    @Test
    void amountsKeepTheScaleConcurSent() {
        // given use case 2.1, whose journal row is 8.4 net of 1.6 reclaimable VAT
        Sample sample = FisSamples.named("fis-expense-use-case-2.1-single-tax-item.json");

        // when
        AccountingDocument mapped = DEFAULT.map(sample.fis());

        // then
        assertThat(mapped.glLines()).filteredOn(l -> l.role() == LineRole.EXPENSE)
                .extracting(GlLine::amount).containsExactly(new BigDecimal("8.4"));
    }

    @Test
    void invoiceAmountsArePostedAsWrittenNotNormalised() {
        // given the invoice sample, whose journal amounts are written 50.00
        Sample sample = FisSamples.named("fis-invoice-document.json");

        // when
        AccountingDocument mapped = DEFAULT.map(sample.fis());

        // then
        assertThat(mapped.glLines()).extracting(l -> l.amount().toPlainString()).containsExactly("50.00", "50.00");
    }

    private static Set<LineRole> postedRoles(FisDocument fis) {
        return fis.docType().equals("cashadvance") ? Set.of(LineRole.CASH_ADVANCE)
                : Set.of(LineRole.EXPENSE, LineRole.TAX);
    }

    private static BigDecimal signedTotal(AccountingDocument document, Set<LineRole> roles) {
        return document.glLines().stream().filter(l -> roles.contains(l.role())).map(GlLine::signedAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The header total where the document has one (use case 1.1 has none). */
    private static List<BigDecimal> headerTotal(FisDocument fis) {
        JsonNode total = switch (fis.docType()) {
            case "expense" -> fis.json().path("report").path("totalApprovedAmount");
            case "invoice" -> fis.json().path("requestHeader").path("requestTotal");
            default -> fis.json().path("cashAdvanceData").path("requestAmount");
        };
        return total.isNumber() ? List.of(total.decimalValue()) : List.of();
    }
}
