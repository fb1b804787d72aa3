package io.mlconnector.app.pipeline;

import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.Inbox;
import io.mlconnector.app.store.InboxEntry;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.Intake;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The heartbeat keeps the leases of held rows alive, and only of those, on a real database. */
@ParameterizedClass
@EnumSource(Dialect.class)
class LeaseHeartbeatTest {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration BEAT = Duration.ofSeconds(10);

    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private MutableClock clock;
    private Inbox inbox;
    private LeaseHeartbeat heartbeat;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "heartbeat");
        clock = MutableClock.atSecondPrecision();
        Store store = new Store(testDb.open(), clock, new RetryPolicy(8, Duration.ofSeconds(5), Duration.ofMinutes(1)));
        inbox = store.inbox();
        heartbeat = new LeaseHeartbeat(inbox, "alive", LEASE, BEAT, () -> { });
        new Intake(store).accept(new InboxEvent("evt-1", "public.concur.financialintegration", "readyForIntegration",
                null, "R-1", "{}"));
    }

    @AfterEach
    void dropDatabase() throws Exception {
        heartbeat.close();
        testDb.close();
    }

    @Test
    void aHeldRowIsNeverTakenOverWhileItsWorkerIsAlive() {
        // given the row claimed by a live worker whose heartbeat holds it
        InboxEntry claimed = inbox.claim(1, "alive", LEASE).get(0);
        heartbeat.hold(claimed.id());
        // when its work takes four times the lease, the heartbeat beating every 10 s
        for (int beat = 0; beat < 12; beat++) {
            clock.advance(BEAT);
            heartbeat.renew();
            // then no other instance can claim it meanwhile
            assertThat(inbox.claim(1, "other", LEASE)).as("claim after %d beats", beat + 1).isEmpty();
        }
        assertThat(inbox.complete(claimed.id(), "alive")).isTrue();
    }

    @Test
    void aRowNoLongerHeldComesBackWithinTheLease() {
        // given a row whose worker died (its instance no longer beats for it)
        InboxEntry claimed = inbox.claim(1, "alive", LEASE).get(0);
        heartbeat.hold(claimed.id());
        heartbeat.renew();
        heartbeat.release(claimed.id());
        // when one lease passes
        clock.advance(LEASE.plusSeconds(1));
        heartbeat.renew();
        // then another worker takes it
        List<InboxEntry> taken = inbox.claim(1, "other", LEASE);
        assertThat(taken).extracting(InboxEntry::id).containsExactly(claimed.id());
    }

    @Test
    void aLeaseLostBeforeTheBeatIsNotRevived() {
        // given a held row whose lease ran out (a long pause) and which another worker then claimed
        InboxEntry claimed = inbox.claim(1, "alive", LEASE).get(0);
        heartbeat.hold(claimed.id());
        clock.advance(LEASE.plusSeconds(1));
        assertThat(inbox.claim(1, "other", LEASE)).hasSize(1);
        // when the heartbeat beats
        heartbeat.renew();
        // then it lets the row go, and the new owner keeps it
        assertThat(heartbeat.held()).isEmpty();
        assertThat(inbox.find(claimed.id()).orElseThrow().claimedBy()).isEqualTo("other");
    }
}
