package io.mlconnector.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.app.config.AppConfig;
import io.mlconnector.app.config.DatabaseSettings;
import io.mlconnector.app.config.RetryPolicy;
import io.mlconnector.app.ops.HealthCheck;
import io.mlconnector.app.ops.Metrics;
import io.mlconnector.app.ops.Readiness;
import io.mlconnector.app.store.AuditKeys;
import io.mlconnector.app.store.ChunkPlan;
import io.mlconnector.app.store.Database;
import io.mlconnector.app.store.Dialect;
import io.mlconnector.app.store.InboxEvent;
import io.mlconnector.app.posting.PostingKind;
import io.mlconnector.app.store.Intake;
import io.mlconnector.app.store.Store;
import io.mlconnector.app.testing.TestDatabase;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class AdminServerTest {
    private static final String TOKEN = "adm-" + UUID.randomUUID();
    private static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private TestDatabase testDb;
    private Store store;
    private Metrics metrics;
    private AdminServer server;

    @BeforeEach
    void start() {
        testDb = TestDatabase.create(Dialect.H2, "admin");
        store = new Store(testDb.open(), Clock.systemUTC(), RETRY);
        metrics = Metrics.prometheus();
        server = startServer(TOKEN, Readiness.withDatabase(store.database()));
    }

    @AfterEach
    void stop() throws SQLException {
        server.close();
        testDb.close();
    }

    @Test
    void adminEndpointsRefuseAMissingOrWrongToken() throws Exception {
        // when / then
        assertThat(send("GET", "/admin/status", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/admin/status", "wrong").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/admin/status", TOKEN.substring(0, TOKEN.length() - 1)).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/admin/audit?id=x", "wrong").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/admin/replay/x", null).statusCode()).isEqualTo(401);
        HttpResponse<String> refused = send("GET", "/admin/status", "wrong");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(refused.body()).doesNotContain(TOKEN);
        assertThat(send("GET", "/admin/status", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void anEmptyConfiguredTokenRefusesEveryAdminCall() throws Exception {
        // given a server configured without a token
        server.close();
        server = startServer("", Readiness.withDatabase(store.database()));
        // when / then
        assertThat(send("GET", "/admin/status", "").statusCode()).isEqualTo(401);
        assertThat(send("GET", "/admin/status", null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
    }

    @Test
    void statusAnswersCountsPerStateAsJson() throws Exception {
        // given two inbox rows, one done, and one sent chunk
        new Intake(store).accept(event("evt-1", "FIS-1"));
        new Intake(store).accept(event("evt-2", "FIS-2"));
        long id = store.inbox().claim(1, "w", Duration.ofMinutes(1)).get(0).id();
        store.inbox().complete(id, "w");
        store.ledger().plan(ChunkPlan.posting("FIS-1", 1, 1, PostingKind.GL, "m1", "b1", "h", BigDecimal.TEN, "USD"));
        store.ledger().markSent("m1");
        // when
        HttpResponse<String> response = send("GET", "/admin/status", TOKEN);
        // then
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("inbox").path("NEW").asLong()).isEqualTo(1);
        assertThat(body.path("inbox").path("DONE").asLong()).isEqualTo(1);
        assertThat(body.path("inbox").path("DEAD").asLong()).isZero();
        assertThat(body.path("ledger").path("SENT").asLong()).isEqualTo(1);
        assertThat(body.path("chunksInDoubt").asLong()).isEqualTo(1);
        assertThat(body.path("openExceptions").asLong()).isZero();
    }

    @Test
    void auditAnswersTheDocumentsTrailAsJson() throws Exception {
        // given a short trail
        store.audit().append(new AuditKeys("evt-1", "RPT 1", "FIS-1", null), "event received", Map.of("topic", "t"));
        store.audit().append(new AuditKeys(null, null, "FIS-1", "msg-1"), "chunk accepted", Map.of("chunk", 1));
        // when asked by report id (URL-encoded) and by messageId
        JsonNode byReport = json.readTree(send("GET", "/admin/audit?id=RPT%201", TOKEN).body());
        JsonNode byMessage = json.readTree(send("GET", "/admin/audit?id=msg-1", TOKEN).body());
        // then both list the two entries with their keys, step, time and detail
        assertThat(byReport.path("id").asText()).isEqualTo("RPT 1");
        assertThat(byReport.path("entries")).hasSize(2);
        JsonNode first = byReport.path("entries").get(0);
        assertThat(first.path("step").asText()).isEqualTo("event received");
        assertThat(first.path("essEventId").asText()).isEqualTo("evt-1");
        assertThat(first.path("fisDocumentId").asText()).isEqualTo("FIS-1");
        assertThat(first.path("detail").path("topic").asText()).isEqualTo("t");
        assertThat(first.path("at").asText()).endsWith("Z");
        assertThat(byMessage.path("entries").get(1).path("messageId").asText()).isEqualTo("msg-1");
        assertThat(send("GET", "/admin/audit", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void replayPutsADeadEventBackToNewAndAuditsIt() throws Exception {
        // given a dead-lettered event
        new Intake(store).accept(event("evt-9", "FIS-9"));
        long id = store.inbox().claim(1, "w", Duration.ofMinutes(1)).get(0).id();
        store.inbox().deadLetter(id, "w", "unknown GL account");
        // when it is replayed by its FIS document id
        HttpResponse<String> response = send("POST", "/admin/replay/FIS-9", TOKEN);
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("replayed").get(0).asText()).isEqualTo("evt-9");
        assertThat(store.inbox().find(id).orElseThrow().state().name()).isEqualTo("NEW");
        assertThat(store.audit().trail("evt-9")).extracting(e -> e.step())
                .containsExactly("event received", "replay requested");
        // and a second replay, an unknown id and a GET find nothing to do
        assertThat(send("POST", "/admin/replay/FIS-9", TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/admin/replay/nope", TOKEN).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/admin/replay/FIS-9", TOKEN).statusCode()).isEqualTo(405);
    }

    @Test
    void everyErrorIsAnsweredWithAJsonBodyAndItsStatus() throws Exception {
        // when an id that is not an id, an unknown path and a wrong method are sent
        HttpResponse<String> percent = send("POST", "/admin/replay/%25", TOKEN);
        HttpResponse<String> unknown = send("GET", "/admin/nothing-here", TOKEN);
        HttpResponse<String> wrongMethod = send("DELETE", "/health/live", null);

        // then each gets its status and a JSON body saying what was wrong, never an empty reply
        assertJsonError(percent, 400, "not a document or event id");
        assertJsonError(unknown, 404, "no such endpoint");
        assertJsonError(wrongMethod, 405, "not allowed");
    }

    private void assertJsonError(HttpResponse<String> response, int status, String message) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.readTree(response.body()).path("error").asText()).contains(message);
    }

    @Test
    void readinessFollowsThePluggedTokenCheck() throws Exception {
        // given a token-state check that is down
        AtomicBoolean tokenValid = new AtomicBoolean(false);
        Readiness readiness = Readiness.withDatabase(store.database())
                .register(HealthCheck.of("concur-token", () -> tokenValid.get()
                        ? HealthCheck.Result.up("valid") : HealthCheck.Result.down("re-authorisation required")));
        server.close();
        server = startServer(TOKEN, readiness);
        // when / then
        HttpResponse<String> down = send("GET", "/health/ready", null);
        assertThat(down.statusCode()).isEqualTo(503);
        JsonNode body = json.readTree(down.body());
        assertThat(body.path("checks").path("database").path("status").asText()).isEqualTo("UP");
        assertThat(body.path("checks").path("concur-token").path("status").asText()).isEqualTo("DOWN");
        tokenValid.set(true);
        assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void readinessFailsWhenTheDatabaseIsDown() throws Exception {
        // given an app whose database is a real H2 server over TCP
        Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:ready" + UUID.randomUUID().toString().substring(0, 8)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Database remote = Database.open(DatabaseSettings.of(url, "sa", "").withConnectionTimeout(Duration.ofMillis(500)))) {
            server.close();
            server = startServer(TOKEN, Readiness.withDatabase(remote));
            assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
            // when the database server goes away
            h2.stop();
            // then the app is not ready, says why, and is still alive
            HttpResponse<String> response = send("GET", "/health/ready", null);
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json.readTree(response.body()).path("checks").path("database").path("status").asText()).isEqualTo("DOWN");
            assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
        } finally {
            h2.stop();
        }
    }

    @Test
    void metricsAreServedAsPrometheusText() throws Exception {
        // given some pipeline activity
        metrics.eventReceived("public.concur.financialintegration");
        metrics.duplicateDelivery();
        metrics.ionThrottled();
        metrics.chunkLatency(Duration.ofMillis(120));
        metrics.documentPosted("expense");
        new Intake(store).accept(event("evt-1", "FIS-1"));
        new Intake(store).accept(event("evt-2", "FIS-2"));
        metrics.inboxDepth(store.inbox(), i -> i.depth());
        // when scraped without a token
        HttpResponse<String> response = send("GET", "/metrics", null);
        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(response.body())
                .contains("mlconnector_events_received_total{topic=\"public.concur.financialintegration\"} 1.0")
                .contains("mlconnector_events_duplicate_total 1.0")
                .contains("mlconnector_ion_throttled_total 1.0")
                .contains("mlconnector_documents_posted_total{doc_type=\"expense\"} 1.0")
                .contains("mlconnector_chunk_latency_seconds_count 1")
                .contains("mlconnector_inbox_depth 2.0");
    }

    private AdminServer startServer(String token, Readiness readiness) {
        AppConfig config = AppConfig.load(null, Map.of("ML_ADMIN_PORT", "0", "ML_ADMIN_TOKEN", token));
        AdminService service = new AdminService(store, config.settings().erpAnswers().kindsWaitingForErp());
        return AdminServer.start(config.settings(), service, readiness, metrics);
    }

    private HttpResponse<String> send(String method, String path, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUri() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InboxEvent event(String id, String fisDocumentId) {
        return new InboxEvent(id, "public.concur.financialintegration", "expense.readyForIntegration", fisDocumentId,
                null, "{}");
    }
}
