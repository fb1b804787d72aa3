package io.mlconnector.app.store;

import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.testing.TestDatabase;
import io.mlconnector.sandbox.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ParameterizedClass
@EnumSource(Dialect.class)
class PostingLedgerTest {
    @Parameter
    Dialect dialect;

    private TestDatabase testDb;
    private PostingLedger ledger;

    @BeforeEach
    void openDatabase() {
        testDb = TestDatabase.create(dialect, "ledger");
        ledger = new PostingLedger(testDb.open(), MutableClock.atSecondPrecision());
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (testDb != null) {
            testDb.close();
        }
    }

    @Test
    void planningTheSameChunkTwiceKeepsOneRowAndItsState() {
        // given a chunk planned and sent
        LedgerEntry first = ledger.plan(chunk("FIS-1", 1, "msg-FIS-1-GL-1"));
        ledger.markSent("msg-FIS-1-GL-1");
        // when the same chunk is planned again (a re-run after a crash)
        LedgerEntry again = ledger.plan(chunk("FIS-1", 1, "msg-FIS-1-GL-1"));
        // then it is the same row, still SENT, with its money intact
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.state()).isEqualTo(ChunkState.SENT);
        assertThat(again.plan().amount()).isEqualByComparingTo("1234.56");
        assertThat(again.plan().currency()).isEqualTo("EUR");
        assertThat(ledger.forDocument("FIS-1")).hasSize(1);
    }

    @Test
    void racingWorkersAdvanceAChunkExactlyOnce() throws Exception {
        // given a pending chunk and 8 workers who all try to mark it sent, then accepted
        ledger.plan(chunk("FIS-1", 1, "m1"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return ledger.markSent("m1");
                }));
            }
            start.countDown();
            // when / then exactly one of them moved it
            int winners = 0;
            for (Future<Boolean> f : sent) {
                winners += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.markAccepted("m1", "IMS-REF-1")).isTrue();
        assertThat(ledger.markAccepted("m1", "IMS-REF-2")).isFalse();
        assertThat(ledger.find("m1").orElseThrow().inforReference()).isEqualTo("IMS-REF-1");
    }

    @Test
    void aChunkCannotSkipStates() {
        // given a pending chunk
        ledger.plan(chunk("FIS-1", 1, "m1"));
        // when it is marked accepted without having been sent, or reversed without having been accepted
        boolean acceptedUnsent = ledger.markAccepted("m1", "X");
        boolean reversedUnaccepted = ledger.markReversed("m1");
        // then neither happens
        assertThat(acceptedUnsent).isFalse();
        assertThat(reversedUnaccepted).isFalse();
        assertThat(ledger.find("m1").orElseThrow().state()).isEqualTo(ChunkState.PENDING);
        // and the documented path does
        assertThat(ledger.markSent("m1")).isTrue();
        assertThat(ledger.markAccepted("m1", "REF")).isTrue();
        assertThat(ledger.markErpConfirmed("m1")).isTrue();
        assertThat(ledger.markReversed("m1")).isTrue();
        assertThat(ledger.find("m1").orElseThrow().state()).isEqualTo(ChunkState.REVERSED);
    }

    @Test
    void chunksInDoubtAreThoseSentButNotAccepted() {
        // given one pending, one sent, one accepted, one failed chunk
        ledger.plan(chunk("FIS-1", 1, "m1"));
        ledger.plan(chunk("FIS-1", 2, "m2"));
        ledger.plan(chunk("FIS-1", 3, "m3"));
        ledger.plan(chunk("FIS-2", 1, "m4"));
        ledger.markSent("m2");
        ledger.markSent("m3");
        ledger.markAccepted("m3", "REF");
        ledger.markSent("m4");
        ledger.markFailed("m4", "HTTP 413");
        // when / then
        assertThat(ledger.inDoubt()).extracting(LedgerEntry::messageId).containsExactly("m2");
        assertThat(ledger.countByState()).containsEntry(ChunkState.PENDING, 1L).containsEntry(ChunkState.SENT, 1L)
                .containsEntry(ChunkState.ACCEPTED, 1L).containsEntry(ChunkState.FAILED, 1L);
        assertThat(ledger.find("m4").orElseThrow().lastError()).isEqualTo("HTTP 413");
    }

    @Test
    void reversalsOfTheGlAndApChunksAreRecordedBesideTheirOriginals() {
        // given an accepted GL chunk 1 and an accepted AP chunk 1 of one document
        ChunkPlan gl = ledger.plan(chunk("FIS-1", 1, "gl-1")).plan();
        ChunkPlan ap = ledger.plan(ChunkPlan.posting("FIS-1", 1, 1, PostingKind.AP, "ap-1", "BOD-ap-1", "h",
                new BigDecimal("99.99"), "EUR")).plan();
        for (String m : new String[]{"gl-1", "ap-1"}) {
            ledger.markSent(m);
            ledger.markAccepted(m, "REF-" + m);
        }
        // when a later chunk fails and both are reversed
        for (ChunkPlan original : new ChunkPlan[]{gl, ap}) {
            String reversalId = original.messageId() + "-rev";
            ledger.plan(ChunkPlan.reversal(original, reversalId, "BOD-" + reversalId, "h-rev"));
            ledger.markSent(reversalId);
            ledger.markAccepted(reversalId, "REF-" + reversalId);
            ledger.markReversed(original.messageId());
        }
        // then the document shows both originals REVERSED and both reversals ACCEPTED, each naming its original
        assertThat(ledger.forDocument("FIS-1")).extracting(e -> e.messageId() + ":" + e.state() + ":" + e.plan().reversalOf())
                .containsExactly("gl-1:REVERSED:null", "ap-1:REVERSED:null", "gl-1-rev:ACCEPTED:gl-1", "ap-1-rev:ACCEPTED:ap-1");
        assertThat(ledger.find("ap-1-rev").orElseThrow().plan().amount()).isEqualByComparingTo("99.99");
    }

    @Test
    void postingConfirmationIsDecidedOnceAndSentOnce() {
        // given a document confirmed as success
        ConfirmationRecord decided = ledger.decideConfirmation("FIS-1", ConfirmationRecord.Outcome.SUCCESS, "{\"postingDocs\":[]}");
        // when a later run decides error, and two senders mark it sent
        ConfirmationRecord later = ledger.decideConfirmation("FIS-1", ConfirmationRecord.Outcome.ERROR, "other");
        boolean firstSend = ledger.markConfirmationSent("FIS-1");
        boolean secondSend = ledger.markConfirmationSent("FIS-1");
        // then the first decision stands and only one send is granted
        assertThat(decided.state()).isEqualTo(ConfirmationRecord.State.PENDING);
        assertThat(later.outcome()).isEqualTo(ConfirmationRecord.Outcome.SUCCESS);
        assertThat(firstSend).isTrue();
        assertThat(secondSend).isFalse();
        assertThat(ledger.confirmation("FIS-1").orElseThrow().state()).isEqualTo(ConfirmationRecord.State.SENT);
        // and a later run of the document's event finds nothing left to send (SkipFinishedDocument re-sends PENDING)
        assertThat(ledger.confirmation("FIS-1")).get().extracting(ConfirmationRecord::state)
                .isNotEqualTo(ConfirmationRecord.State.PENDING);
    }

    private static ChunkPlan chunk(String doc, int no, String messageId) {
        return ChunkPlan.posting(doc, no, 3, PostingKind.GL, messageId, "BOD-" + messageId, "sha256:abc",
                new BigDecimal("1234.56"), "EUR");
    }
}
