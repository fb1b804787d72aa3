package io.mlconnector.concur.internal;

import io.mlconnector.concur.api.ConcurErrorType;
import io.mlconnector.concur.api.ConcurEvent;
import io.mlconnector.concur.api.ConcurException;
import io.mlconnector.concur.api.FisDocType;
import io.mlconnector.concur.support.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventParserTest {

    static Stream<String> webhookSamples() {
        return Samples.named("ess-webhook-").filter(n -> n.endsWith(".json"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("webhookSamples")
    void everyPublishedWebhookSampleParses(String sample) {
        // when
        ConcurEvent event = EventParser.parse(Samples.bytes(sample), "delivery-1");

        // then
        assertThat(event.id()).isNotBlank();
        assertThat(event.normalizedTopic()).startsWith("public.concur.");
        assertThat(event.eventType()).isNotBlank();
        assertThat(event.timeStamp()).isNotNull();
        assertThat(event.companyId()).isPresent();
        assertThat(event.rawBody()).isEqualTo(Samples.bytes(sample));
        assertThat(event.deliveryCorrelationId()).isEqualTo("delivery-1");
    }

    @Test
    void fisEventWithPlusZeroZeroZeroZeroOffsetAndNullData() {
        // when
        ConcurEvent event = EventParser.parse(Samples.bytes("ess-webhook-fis-expense-ready-for-integration.json"), null);

        // then
        assertThat(event.timeStamp()).isEqualTo(Instant.parse("2023-09-26T21:17:44.570Z"));
        assertThat(event.data()).isNull();
        assertThat(event.subtopic()).isEqualTo("p0608532bdtt");
        assertThat(event.correlationId()).isEqualTo("901bc0ccbaae426c54f3bcc650ae9ec4");
        assertThat(event.isReadyForIntegration()).isTrue();
        assertThat(event.fisDocType()).contains(FisDocType.EXPENSE);
        assertThat(event.documentId()).contains("5F8FC21234374B979809");
    }

    @Test
    void topicWithoutPublicPrefixIsNormalisedAndZuluTimeIsRead() {
        // when
        ConcurEvent event = EventParser.parse(Samples.bytes("ess-webhook-expense-report-updated.json"), null);

        // then
        assertThat(event.topic()).isEqualTo("concur.expense.report");
        assertThat(event.normalizedTopic()).isEqualTo(ConcurEvent.TOPIC_EXPENSE_REPORT);
        assertThat(event.timeStamp()).isEqualTo(Instant.EPOCH);
        assertThat(event.href()).hasValueSatisfying(h -> assertThat(h).contains("/expensereports/v4/users/"));
        assertThat(event.isReadyForIntegration()).isFalse();
    }

    @Test
    void storedRawBodyReadsBackToTheSameEvent() {
        ConcurEvent received = EventParser.parse(Samples.bytes("ess-webhook-fis-cashadvance-ready-for-integration.json"),
                "d-1");

        ConcurEvent again = ConcurEvent.parse(received.rawBody(), "d-1");

        assertThat(again).isEqualTo(received);
        assertThat(again.fisDocType()).contains(FisDocType.CASHADVANCE);
    }

    @Test
    void deletedReportHasNoHref() {
        ConcurEvent event = EventParser.parse(Samples.bytes("ess-webhook-expense-report-deleted.json"), null);

        assertThat(event.href()).isEmpty();
        assertThat(event.fact("actingUserId")).isPresent();
    }

    @Test
    void bodyThatIsNotJsonIsAnInvalidMessage() {
        assertThatThrownBy(() -> EventParser.parse("{\"id\": ".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.INVALID_MESSAGE));
    }

    @Test
    void eventWithoutIdIsAnInvalidMessage() {
        assertThatThrownBy(() -> EventParser.parse("{\"topic\":\"public.test\"}".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOfSatisfying(ConcurException.class,
                        e -> assertThat(e.type()).isEqualTo(ConcurErrorType.INVALID_MESSAGE));
    }

    @Test
    void unreadableTimestampKeepsTheEvent() {
        ConcurEvent event = EventParser.parse(
                "{\"id\":\"x1\",\"timeStamp\":\"yesterday\",\"facts\":null}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(event.timeStamp()).isNull();
        assertThat(event.facts().isObject()).isTrue();
    }
}
