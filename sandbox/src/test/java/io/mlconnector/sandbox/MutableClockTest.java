package io.mlconnector.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {

    @Test
    void standsStillUntilAdvancedByHand() {
        // given a clock at a fixed start
        MutableClock clock = MutableClock.atSecondPrecision();
        Instant start = clock.instant();

        // when it is read again, then advanced
        Instant reread = clock.instant();
        clock.advance(Duration.ofMinutes(54));

        // then it did not move by itself, and moved exactly as far as it was advanced
        assertThat(start).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
        assertThat(reread).isEqualTo(start);
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(54)));
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void advancesFromSeveralThreadsAreNotLost() {
        // given a clock
        MutableClock clock = new MutableClock(Instant.EPOCH);

        // when many threads advance it one second each
        IntStream.range(0, 10_000).parallel().forEach(i -> clock.advance(Duration.ofSeconds(1)));

        // then every second counted
        assertThat(clock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(10_000));
    }
}
