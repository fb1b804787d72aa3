package io.mlconnector.app.pipeline;

import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.Quarantine;
import io.mlconnector.concur.api.ConcurWebhookSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What refused deliveries cost the database, against the running app on PostgreSQL (whose relation sizes say what
 * was written): unsigned posts are kept bounded and rate limited per sender, and none of it touches a genuine event.
 */
class QuarantineBoundsEndToEndTest {
    private static final int CAP = 4096;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
    void aThousandUnsignedMegabytePostsGrowTheDatabaseByAtMostTheCapPerRow() throws Exception {
        // given the app keeping at most 4 KiB of an unsigned body, with no rate limit in the way
        start(app -> app.config("quarantine.max-body-bytes", String.valueOf(CAP))
                .config("quarantine.refused-per-minute", "1000000"));
        byte[] megabyte = new byte[1024 * 1024];
        new Random(42).nextBytes(megabyte); // incompressible, as an attacker would send
        long before = quarantineRelationBytes();

        // when 1,000 unsigned 1 MiB bodies are posted, four at a time
        List<Integer> answers = postConcurrently(1000, 4, megabyte);

        // then each was answered 401 and kept as one row of at most the cap, and the table, its TOAST and indexes
        // grew by no more than the cap plus 4 KiB per row (row and TOAST chunk headers, page fill, the headers JSON,
        // two indexes): kilobytes per post where the whole megabyte used to be kept
        assertThat(answers).hasSize(1000).containsOnly(401);
        assertThat(harness.store().quarantine().count()).isEqualTo(1000);
        List<Quarantine.Delivery> kept = harness.store().quarantine().recent(1000);
        assertThat(kept).allSatisfy(row -> {
            assertThat(row.body()).hasSize(CAP);
            assertThat(row.bodyBytes()).isEqualTo(megabyte.length);
            assertThat(row.clientAddress()).isEqualTo("127.0.0.1");
        });
        long growth = quarantineRelationBytes() - before;
        assertThat(growth).isLessThanOrEqualTo(1000L * (CAP + 4096));
    }

    @Test
    void refusedDeliveriesBeyondTheRateLimitAreAnsweredButNotKeptAndAGenuineEventStillGetsThrough() throws Exception {
        // given the app keeping at most 5 refused deliveries per sender and minute
        start(app -> app.config("quarantine.refused-per-minute", "5"));

        // when one sender posts 20 unsigned bodies, then Concur (from the same address) delivers a signed event
        List<Integer> answers = postConcurrently(20, 1, "{\"id\":\"not-signed\"}".getBytes(StandardCharsets.UTF_8));
        String businessId = harness.concur.fis().businessId(harness.concur.fis().seedPublishedSamples().get(0));
        String eventId = UUID.randomUUID().toString();
        byte[] genuine = event(eventId, businessId).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> signed = HTTP.send(request(genuine).header(ConcurWebhookSource.SIGNATURE_HEADER,
                sign(genuine)).build(), HttpResponse.BodyHandlers.ofString());

        // then all 20 were answered 401 but only 5 were kept, and the genuine event was accepted into the inbox
        assertThat(answers).hasSize(20).containsOnly(401);
        assertThat(harness.store().quarantine().count()).isEqualTo(5);
        assertThat(signed.statusCode()).isEqualTo(200);
        assertThat(harness.store().inbox().findByEssEventId(eventId)).isPresent();
    }

    private void start(UnaryOperator<PipelineHarness.Builder> setup) {
        harness = setup.apply(PipelineHarness.on(Dialect.POSTGRESQL, tempDir)).start();
    }

    private List<Integer> postConcurrently(int count, int concurrency, byte[] body) throws Exception {
        Semaphore inFlight = new Semaphore(concurrency);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            answers.add(HTTP.sendAsync(request(body).build(), HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode).whenComplete((status, failure) -> inFlight.release()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }

    private HttpRequest.Builder request(byte[] body) {
        return HttpRequest.newBuilder(harness.app.webhookUri()).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** Bytes of the quarantine table with its TOAST table and indexes. */
    private long quarantineRelationBytes() throws Exception {
        try (Connection c = harness.store().database().dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('quarantine')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String sign(byte[] body) throws Exception {
        Signature signer = Signature.getInstance(harness.concur.signatureAlgorithm());
        signer.initSign(harness.concur.webhookSigningKeys().getPrivate());
        signer.update(body);
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private String event(String eventId, String businessId) {
        return """
                {"id":"%s","correlationId":"c-1",
                 "topic":"public.concur.financialintegration","subtopic":"p0085104gigw",
                 "eventType":"expense.readyForIntegration","timestamp":"2026-11-28T09:00:00.000+0000",
                 "companyId":"%s","data":null,
                 "facts":{"companyId":"%s","documentId":"%s","entityId":"p0085104gigw"}}"""
                .formatted(eventId, harness.concur.companyId(), harness.concur.companyId(), businessId);
    }
}
