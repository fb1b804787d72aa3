package io.mlconnector.app.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.app.mapping.fixtures.FisSamples;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FisFieldsTest {

    @Test
    void datesInEveryPublishedFormatAreRead() {
        // concur-api.md §4.9 and §9: ISO dates, ISO timestamps with Z or +0000, and MM/dd/yyyy in the invoice example
        assertThat(FisFields.date("2018-08-08")).isEqualTo(LocalDate.of(2018, 8, 8));
        assertThat(FisFields.date("08/08/2018")).isEqualTo(LocalDate.of(2018, 8, 8));
        assertThat(FisFields.date("2018-03-02T18:12:03.050Z")).isEqualTo(LocalDate.of(2018, 3, 2));
        assertThat(FisFields.date("2026-11-28T23:30:00+0000")).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(FisFields.date("2026-11-28T23:30:00-0500")).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(FisFields.date("soon")).isNull();
    }

    @Test
    void amountsArriveAsNumbersOrStringsAndStayPlain() throws Exception {
        // given
        JsonNode node = FisSamples.JSON.readTree("{\"a\":\"0E-8\",\"b\":\"50.00000000\",\"c\":12.5,\"d\":null}");
        JsonNode stripped = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"e\":50.0}");

        // then
        assertThat(FisFields.amount(node, "a")).isZero();
        assertThat(FisFields.amount(node, "b").toPlainString()).isEqualTo("50.00000000");
        assertThat(FisFields.amount(node, "c").toPlainString()).isEqualTo("12.5");
        assertThat(FisFields.amount(node, "d")).isNull();
        assertThat(FisFields.amount(stripped, "e").toPlainString()).doesNotContain("E");
    }

    @Test
    void paddedCodesAreTrimmed() throws Exception {
        // concur-api.md §4.9: invoice expense type "2000   "
        JsonNode node = FisSamples.JSON.readTree("{\"expenseTypeCode\":\"2000   \",\"blank\":\"  \"}");

        assertThat(FisFields.text(node, "expenseTypeCode")).isEqualTo("2000");
        assertThat(FisFields.text(node, "blank")).isNull();
    }

    @Test
    void itemWithoutIdOrDocumentIsAnInvalidDocument() throws Exception {
        // given a FIS content item without its document
        JsonNode item = FisSamples.JSON.readTree("{\"id\":\"e7f810cabc8348cdb051dd9431c8cfbb\",\"docType\":\"expense\"}");

        // when
        MappingException e = org.assertj.core.api.Assertions.catchThrowableOfType(MappingException.class,
                () -> FisDocument.fromItem(item));

        // then
        assertThat(e.problems()).extracting(MappingException.Problem::kind)
                .containsExactly(MappingException.Kind.INVALID_DOCUMENT);
        assertThat(e.fisDocumentId()).isEqualTo("e7f810cabc8348cdb051dd9431c8cfbb");
    }
}
