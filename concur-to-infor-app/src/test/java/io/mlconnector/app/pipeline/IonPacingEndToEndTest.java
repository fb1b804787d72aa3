package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.LedgerEntry;
import io.mlconnector.sandbox.concur.ConcurDocumentGenerator;
import io.mlconnector.sandbox.concur.FisState;
import io.mlconnector.sandbox.infor.GatewayThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app against a gateway that refuses calls above 5 per second, as ION's quota policy does: told the rate
 * ({@code infor.rate-limit}), the app keeps to it, alone and as two instances on one PostgreSQL, so ION never has to
 * refuse a call. Without pacing, three workers posting generated documents run far above 5 calls per second.
 */
class IonPacingEndToEndTest {
    private static final int FIVE_PER_SECOND = 5;
    private static final String FIVE_PER_SECOND_AS_PER_MINUTE = "300";

    @TempDir
    Path tempDir;

    private PipelineHarness harness;

    @AfterEach
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void threeWorkersPostFiftyDocumentsWithoutOneCallRefused() {
        // given a gateway allowing 5 calls per second and an app with three workers told so
        harness = throttledApp(Dialect.POSTGRESQL, "3");
        // when Concur approves 50 generated documents
        List<String> docIds = approveGenerated(50, 11L);
        // then every document is posted and confirmed, and the gateway never answered 429
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        GatewayThrottle gateway = harness.infor.gatewayThrottle();
        assertThat(gateway.refusedCount()).as("calls refused with 429").isZero();
        assertThat(gateway.admittedCount()).as("gateway calls").isGreaterThanOrEqualTo(docIds.size());
    }

    @Test
    void theEmbeddedDatabasePacesTheSameWay() {
        // given the same gateway and app on the embedded H2 database
        harness = throttledApp(Dialect.H2, "3");
        // when Concur approves 20 generated documents
        List<String> docIds = approveGenerated(20, 12L);
        // then all are posted and the gateway never answered 429
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        assertThat(harness.infor.gatewayThrottle().refusedCount()).as("calls refused with 429").isZero();
    }

    @Test
    void twoInstancesOnOnePostgresqlTogetherStayWithinTheRate() {
        // given one instance that has posted a document (its Concur token is stored), then a second on the same
        // database, each with two workers and each told the gateway's 5 calls per second
        harness = throttledApp(Dialect.POSTGRESQL, "2");
        harness.awaitFisState(approveGenerated(1, 13L).get(0), FisState.POSTED);
        harness.startAnotherInstance();
        // when Concur approves 40 more documents
        List<String> docIds = approveGenerated(40, 14L);
        // then both instances posted some of them, and together they never made the gateway refuse a call
        docIds.forEach(id -> harness.awaitFisState(id, FisState.POSTED));
        Set<String> senders = docIds.stream().flatMap(id -> harness.store().ledger().forDocument(id).stream())
                .map(LedgerEntry::sentBy).filter(Objects::nonNull).collect(Collectors.toSet());
        assertThat(senders).as("instances that sent chunks to ION").hasSize(2);
        assertThat(harness.infor.gatewayThrottle().refusedCount()).as("calls refused with 429").isZero();
    }

    private PipelineHarness throttledApp(Dialect dialect, String workers) {
        PipelineHarness started = PipelineHarness.on(dialect, tempDir)
                .config("worker.count", workers)
                .config("infor.rate-limit", FIVE_PER_SECOND_AS_PER_MINUTE)
                .start();
        started.infor.gatewayThrottle().limit(FIVE_PER_SECOND);
        return started;
    }

    /** Generated expense reports and invoices (1 to 4 lines), as the crash runs use, approved in Concur. */
    private List<String> approveGenerated(int count, long seed) {
        ConcurDocumentGenerator generator = new ConcurDocumentGenerator(seed);
        List<String> docIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            docIds.add(i % 3 == 2 ? harness.concur.fis().add("invoice", generator.invoice(1 + i % 3))
                    : harness.concur.fis().add("expense", generator.expenseReport(1 + i % 4)));
        }
        docIds.forEach(harness::approve);
        return docIds;
    }
}
