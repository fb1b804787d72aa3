package io.mlconnector.infor.internal;

import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void delayDoublesPerAttemptWithJitterWithinTheStep() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1, null).toMillis()).isBetween(50L, 100L);
            assertThat(backoff.delay(3, null).toMillis()).isBetween(200L, 400L);
        }
    }

    @Test
    void delayIsCappedAtMaxBackoff() {
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(30, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        }
    }

    @Test
    void delayIsNeverShorterThanRetryAfter() {
        assertThat(backoff.delay(1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");
        assertThat(Backoff.retryAfter(headers("7"), now)).contains(Duration.ofSeconds(7));
        assertThat(Backoff.retryAfter(headers("Sat, 28 Nov 2026 08:00:30 GMT"), now)).contains(Duration.ofSeconds(30));
        assertThat(Backoff.retryAfter(headers("soon"), now)).isEmpty();
        assertThat(Backoff.retryAfter(HttpHeaders.of(Map.of(), (a, b) -> true), now)).isEmpty();
    }

    private static HttpHeaders headers(String retryAfter) {
        return HttpHeaders.of(Map.of("Retry-After", List.of(retryAfter)), (a, b) -> true);
    }
}
