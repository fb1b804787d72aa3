package io.mlconnector.app.admin;

import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.store.AuditEntry;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.AuditStep;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.ConfirmationRecord;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.ExceptionRecord;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.store.InboxState;
import io.mlconnector.app.posting.PostingKind;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Replay and resolve of exception records: what runs again, what is refused and why, what the audit trail keeps. */
@ParameterizedClass
@EnumSource(Dialect.class)
class ExceptionActionsTest {
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private Store store;
    private AdminService admin;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "exceptions");
        MutableClock clock = MutableClock.atSecondPrecision();
        store = new Store(testDb.open(), clock, new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        admin = new AdminService(store, Set.of(), clock);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void aRejectedReportWithNothingConfirmedOrPostedRunsAgainAndTheReplayIsAudited() {
        // given an expense report (no FIS) rejected for an unknown account: its event DONE, an exception open
        long id = rejected("evt-1", "RPT-1", "report-RPT-1");

        // when the finance user replays it
        ExceptionAction action = admin.replayException(id, "Ada");

        // then its event is back in the inbox, the exception stays open until it posts, and who replayed is audited
        assertThat(action.done()).as(action.message()).isTrue();
        assertThat(store.inbox().findByEssEventId("evt-1").orElseThrow().state()).isEqualTo(InboxState.NEW);
        assertThat(store.exceptions().find(id).orElseThrow().state()).isEqualTo(ExceptionRecord.State.OPEN);
        assertThat(store.audit().trail("RPT-1")).filteredOn(e -> e.step().equals(AuditStep.REPLAY_REQUESTED))
                .singleElement().satisfies(e -> assertThat(e.detail().path("by").asText()).isEqualTo("Ada"));
        // and a second press while it waits is refused
        assertThat(admin.replayException(id, "Ada").result()).isEqualTo(ExceptionAction.Result.REFUSED);
    }

    @Test
    void aDocumentConcurHoldsAnErrorConfirmationForIsNotReplayed() {
        // given a FIS document rejected and confirmed to Concur as error
        long id = rejected("evt-1", "RPT-1", "FIS-1");
        store.ledger().decideConfirmation("FIS-1", ConfirmationRecord.Outcome.ERROR, "GL account 6120 does not exist");
        store.ledger().markConfirmationSent("FIS-1");

        // when it is replayed
        ExceptionAction action = admin.replayException(id, "Ada");

        // then refused, saying why, and its event stays done
        assertThat(action.result()).isEqualTo(ExceptionAction.Result.REFUSED);
        assertThat(action.message()).contains("Concur closed FIS-1 with an error confirmation");
        assertThat(store.inbox().findByEssEventId("evt-1").orElseThrow().state()).isEqualTo(InboxState.DONE);
    }

    @Test
    void aDocumentWithReversedChunksIsNotReplayed() {
        // given a document one of whose chunks ION accepted and a reversal then backed out
        long id = rejected("evt-1", "RPT-1", "report-RPT-1");
        store.ledger().plan(ChunkPlan.posting("report-RPT-1", 1, 1, PostingKind.GL, "m-1", "b-1", "h", BigDecimal.TEN,
                "EUR"));
        store.ledger().markSent("m-1");
        store.ledger().markAccepted("m-1", "ref");
        store.ledger().markReversed("m-1");

        // when it is replayed
        ExceptionAction action = admin.replayException(id, "Ada");

        // then refused: a new run would reuse messageId m-1, which Infor already has and which is reversed
        assertThat(action.result()).isEqualTo(ExceptionAction.Result.REFUSED);
        assertThat(action.message()).contains("refused or reversed in Infor");
        assertThat(store.inbox().findByEssEventId("evt-1").orElseThrow().state()).isEqualTo(InboxState.DONE);
    }

    @Test
    void resolvingNeedsANoteAndRecordsWhoAndWhy() {
        // given an open exception
        long id = rejected("evt-1", "RPT-1", "FIS-1");

        // when resolved without a note, then with one, then once more
        ExceptionAction withoutNote = admin.resolveException(id, "Ada", " ");
        ExceptionAction withNote = admin.resolveException(id, "Ada", "posted by hand in Infor, journal 4711");
        ExceptionAction again = admin.resolveException(id, "Ada", "again");

        // then
        assertThat(withoutNote.result()).isEqualTo(ExceptionAction.Result.REFUSED);
        assertThat(withNote.done()).isTrue();
        assertThat(again.result()).isEqualTo(ExceptionAction.Result.REFUSED);
        assertThat(store.exceptions().find(id).orElseThrow().state()).isEqualTo(ExceptionRecord.State.RESOLVED);
        List<AuditEntry> resolved = store.audit().trail("RPT-1").stream()
                .filter(e -> e.step().equals(AuditStep.EXCEPTION_RESOLVED)).toList();
        assertThat(resolved).singleElement().satisfies(e -> {
            assertThat(e.detail().path("by").asText()).isEqualTo("Ada");
            assertThat(e.detail().path("note").asText()).isEqualTo("posted by hand in Infor, journal 4711");
        });
        assertThat(admin.resolveException(999, "Ada", "x").result()).isEqualTo(ExceptionAction.Result.NOT_FOUND);
    }

    /** An event worked off (DONE) whose document was rejected: what RejectDocument leaves behind. */
    private long rejected(String essEventId, String reportId, String documentId) {
        new Intake(store).accept(new InboxEvent(essEventId, "public.concur.expense.report", "statusChanged", null,
                reportId, "{}"));
        long row = store.inbox().claim(1, "worker-1", LEASE).get(0).id();
        store.inbox().complete(row, "worker-1");
        return store.exceptions().open(new AuditKeys(essEventId, reportId, documentId, null), "unknown-account",
                List.of("6999"), "GL account 6999 does not exist in Infor accounting entity 100");
    }
}
