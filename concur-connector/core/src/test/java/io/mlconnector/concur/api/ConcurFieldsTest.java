package io.mlconnector.concur.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.concur.internal.ConcurJson;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurFieldsTest {

    @Test
    void datesInEveryPublishedFormatAreRead() {
        // ISO dates, ISO timestamps with Z or +0000, and MM/dd/yyyy as in the published invoice sample
        assertThat(ConcurFields.date("2018-08-08")).isEqualTo(LocalDate.of(2018, 8, 8));
        assertThat(ConcurFields.date("08/08/2018")).isEqualTo(LocalDate.of(2018, 8, 8));
        assertThat(ConcurFields.date("2018-03-02T18:12:03.050Z")).isEqualTo(LocalDate.of(2018, 3, 2));
        assertThat(ConcurFields.date("2026-11-28T23:30:00+0000")).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(ConcurFields.date("2026-11-28T23:30:00-0500")).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(ConcurFields.date("soon")).isNull();
    }

    @Test
    void amountsArriveAsNumbersOrStringsAndStayPlain() throws Exception {
        // given
        JsonNode node = ConcurJson.MAPPER.readTree("{\"a\":\"0E-8\",\"b\":\"50.00000000\",\"c\":12.5,\"d\":null}");
        JsonNode stripped = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree("{\"e\":50.0}");

        // then
        assertThat(ConcurFields.amount(node, "a")).isZero();
        assertThat(ConcurFields.amount(node, "b").toPlainString()).isEqualTo("50.00000000");
        assertThat(ConcurFields.amount(node, "c").toPlainString()).isEqualTo("12.5");
        assertThat(ConcurFields.amount(node, "d")).isNull();
        assertThat(ConcurFields.amount(stripped, "e").toPlainString()).doesNotContain("E");
    }

    @Test
    void paddedCodesAreTrimmed() throws Exception {
        // an invoice expense type arrives as "2000   "
        JsonNode node = ConcurJson.MAPPER.readTree("{\"expenseTypeCode\":\"2000   \",\"blank\":\"  \"}");

        assertThat(ConcurFields.text(node, "expenseTypeCode")).isEqualTo("2000");
        assertThat(ConcurFields.text(node, "blank")).isNull();
    }
}
