package io.mlconnector.infor.api;

import io.mlconnector.sandbox.MutableClock;
import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.http.SimRequest;
import io.mlconnector.sandbox.infor.ImsMessage;
import io.mlconnector.sandbox.infor.InforSandbox;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.mlconnector.infor.api.SandboxFixture.connect;
import static io.mlconnector.infor.api.SandboxFixture.syncBod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagingOperationsTest {
    private final InforSandbox sandbox = InforSandbox.start();

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private List<SimRequest> imsPosts() {
        return sandbox.requests().stream().filter(r -> r.path().endsWith("/v3/multipartMessage")).toList();
    }

    @Test
    void hundredConcurrentPostsShareOneLogin() throws Exception {
        // given one connection and 100 callers at once
        try (InforIonConnection connection = connect(sandbox)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ExecutorService pool = Executors.newFixedThreadPool(32);
            List<Future<PostResult>> results = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Bod bod = syncBod(connection, "EXP-" + i);
                results.add(pool.submit(() -> ims.postMessage(bod)));
            }
            for (Future<PostResult> r : results) {
                assertThat(r.get().httpStatus()).isEqualTo(202);
            }
            pool.shutdown();

            // then ION accepted all 100 and the authorization server saw exactly one login
            assertThat(sandbox.messages()).hasSize(100);
            assertThat(sandbox.loginCount()).isEqualTo(1);
            assertThat(sandbox.messages().stream().map(ImsMessage::messageId).distinct()).hasSize(100);
        }
    }

    @Test
    void tokenIsRenewedBeforeExpiresInRunsOut() {
        // given a token of 7200 s and a connector clock we move
        MutableClock clock = MutableClock.now();
        try (InforIonConnection connection = connect(sandbox, b -> b, clock)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ims.postMessage(syncBod(connection, "EXP-1"));

            // when 7000 s pass (inside the 5-minute renewal margin, while the server still accepts the token)
            clock.advance(Duration.ofSeconds(7000));
            ims.postMessage(syncBod(connection, "EXP-2"));

            // then the connector renewed with its refresh token before any 401, and used the new token
            assertThat(sandbox.loginCount()).isEqualTo(2);
            assertThat(sandbox.loginCount("refresh_token")).isEqualTo(1);
            List<SimRequest> posts = imsPosts();
            assertThat(posts).hasSize(2);
            assertThat(posts.get(1).bearerToken()).isNotEqualTo(posts.get(0).bearerToken());
            assertThat(sandbox.unauthorizedCount()).isZero();
        }
    }

    @Test
    void shortLivedTokenIsRenewedBeforeTheServerExpiresIt() throws InterruptedException {
        // given a sandbox whose tokens live 2 s (the connector renews a fifth of a lifetime early: after 1.6 s)
        try (InforSandbox shortLived = InforSandbox.start(io.mlconnector.sandbox.infor.InforSandboxSettings.builder()
                .tokenLifetime(Duration.ofSeconds(2)).build());
             InforIonConnection connection = connect(shortLived)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ims.postMessage(syncBod(connection, "EXP-1"));

            // when the next post comes after the renewal point
            Thread.sleep(1_700);
            ims.postMessage(syncBod(connection, "EXP-2"));

            // then the connector renewed first: the gateway never had to refuse a token
            assertThat(shortLived.loginCount()).isEqualTo(2);
            assertThat(shortLived.unauthorizedCount()).isZero();
            assertThat(shortLived.messages()).hasSize(2);
        }
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheRequestRepeated() {
        try (InforIonConnection connection = connect(sandbox)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ims.postMessage(syncBod(connection, "EXP-1"));
            sandbox.expireAllTokens();

            ims.postMessage(syncBod(connection, "EXP-2"));

            assertThat(sandbox.unauthorizedCount()).isEqualTo(1);
            assertThat(sandbox.loginCount()).isEqualTo(2);
            assertThat(imsPosts()).hasSize(3);
            assertThat(sandbox.messages()).hasSize(2);
        }
    }

    @Test
    void tokenIsReusedWhileFarFromExpiry() {
        MutableClock clock = MutableClock.now();
        try (InforIonConnection connection = connect(sandbox, b -> b, clock)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ims.postMessage(syncBod(connection, "EXP-1"));
            clock.advance(Duration.ofSeconds(6800)); // still before 7200 - 300
            ims.postMessage(syncBod(connection, "EXP-2"));

            assertThat(sandbox.loginCount()).isEqualTo(1);
        }
    }

    @Test
    void refusedRefreshTokenFallsBackToServiceAccountLogin() {
        MutableClock clock = MutableClock.now();
        try (InforIonConnection connection = connect(sandbox, b -> b, clock)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ims.postMessage(syncBod(connection, "EXP-1"));
            sandbox.expireAllRefreshTokens();
            clock.advance(Duration.ofSeconds(7100));

            ims.postMessage(syncBod(connection, "EXP-2"));

            assertThat(sandbox.loginCount("password")).isEqualTo(2);
            assertThat(sandbox.messages()).hasSize(2);
        }
    }

    @Test
    void expiredTokenCausesExactlyOneReloginEvenForConcurrentCallers() throws Exception {
        try (InforIonConnection connection = connect(sandbox)) {
            MessagingOperations ims = new MessagingOperations(connection);
            ims.postMessage(syncBod(connection, "EXP-0"));

            // when the server expires every token and 20 callers post at once
            sandbox.expireAllTokens();
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<PostResult>> results = new ArrayList<>();
            for (int i = 1; i <= 20; i++) {
                Bod bod = syncBod(connection, "EXP-" + i);
                results.add(pool.submit(() -> ims.postMessage(bod)));
            }
            for (Future<PostResult> r : results) {
                r.get();
            }
            pool.shutdown();

            // then one re-login served them all and nothing was lost
            assertThat(sandbox.loginCount()).isEqualTo(2);
            assertThat(sandbox.messages()).hasSize(21);
        }
    }

    @Test
    void throttledPostWaitsAtLeastRetryAfterBetweenAttempts() {
        // given ION answers 429 with Retry-After: 1 twice
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(1)).onPath(".*/v3/multipartMessage"), 2);
        try (InforIonConnection connection = connect(sandbox)) {
            // when posting (the connector's own backoff is 10-200 ms)
            PostResult result = new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-429"));

            // then the third attempt was accepted and each retry came no sooner than Retry-After
            assertThat(result.httpStatus()).isEqualTo(202);
            List<SimRequest> posts = imsPosts();
            assertThat(posts).hasSize(3);
            for (int i = 1; i < posts.size(); i++) {
                Duration gap = Duration.between(posts.get(i - 1).receivedAt(), posts.get(i).receivedAt());
                assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            }
            assertThat(sandbox.messages()).hasSize(1);
        }
    }

    @Test
    void throttledLoginIsRetriedAfterRetryAfterAndCountsOnce() {
        // given the token endpoint answers 429 (login quota) once, asking to wait 1 s
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(1)).onPath(sandbox.tokenPathRegex()), 1);
        try (InforIonConnection connection = connect(sandbox)) {
            new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-Q"));

            List<SimRequest> tokenCalls = sandbox.requests().stream().filter(r -> r.path().endsWith("/token.oauth2")).toList();
            assertThat(tokenCalls).hasSize(2);
            assertThat(Duration.between(tokenCalls.get(0).receivedAt(), tokenCalls.get(1).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(sandbox.loginCount()).isEqualTo(1);
        }
    }

    @Test
    void loginRetryAfterLongerThanAllowedIsNotWaitedFor() {
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(3600)).onPath(sandbox.tokenPathRegex()), 1);
        try (InforIonConnection connection = connect(sandbox)) {
            assertThatThrownBy(connection::authenticate).isInstanceOfSatisfying(InforIonException.class,
                    e -> assertThat(e.type()).isEqualTo(InforIonErrorType.THROTTLED));
            assertThat(sandbox.requests()).hasSize(1);
        }
    }

    @Test
    void serverErrorsAndResetsAreRetriedUntilAccepted() {
        sandbox.faults().inject(Fault.status(503).onPath(".*/v3/multipartMessage"), 1)
                .inject(Fault.connectionReset().onPath(".*/v3/multipartMessage"), 1);
        try (InforIonConnection connection = connect(sandbox)) {
            PostResult result = new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-503"));

            assertThat(result.httpStatus()).isEqualTo(202);
            assertThat(imsPosts()).hasSize(3);
        }
    }

    @Test
    void timedOutPostIsRetriedAndBothCopiesCarryTheSameMessageId() {
        // given ION answers the first post only after 1.5 s, and the connector waits 500 ms
        sandbox.faults().inject(Fault.slow(Duration.ofMillis(1500)).onPath(".*/v3/multipartMessage"), 1);
        try (InforIonConnection connection = connect(sandbox, b -> b.requestTimeout(Duration.ofMillis(500)),
                Clock.systemUTC())) {
            // when posting
            PostResult result = new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-SLOW"));

            // then the retry was accepted; the slow first attempt lands too (ION never de-duplicates), and both
            // copies carry the same deterministic messageId a receiver can recognise
            assertThat(result.httpStatus()).isEqualTo(202);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.messages().size() == 2);
            assertThat(sandbox.messages()).extracting(ImsMessage::messageId).containsOnly(result.messageId());
        }
    }

    @Test
    void persistentThrottlingEndsAsThrottledAfterMaxAttempts() {
        sandbox.faults().always(Fault.throttled(Duration.ZERO).onPath(".*/v3/multipartMessage"));
        try (InforIonConnection connection = connect(sandbox, b -> b.maxAttempts(3), Clock.systemUTC())) {
            assertThatThrownBy(() -> new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-T")))
                    .isInstanceOfSatisfying(InforIonException.class, e -> {
                        assertThat(e.type()).isEqualTo(InforIonErrorType.THROTTLED);
                        assertThat(e.isTransient()).isTrue();
                    });
            assertThat(imsPosts()).hasSize(3);
        }
    }

    @Test
    void retryAfterLongerThanAllowedEndsAsThrottledWithoutWaiting() {
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(3600)).onPath(".*/v3/multipartMessage"), 1);
        try (InforIonConnection connection = connect(sandbox)) {
            assertThatThrownBy(() -> new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-L")))
                    .isInstanceOfSatisfying(InforIonException.class,
                            e -> assertThat(e.type()).isEqualTo(InforIonErrorType.THROTTLED))
                    .hasMessageContaining("3600");
            assertThat(imsPosts()).hasSize(1);
        }
    }

    @Test
    void invalidMessageIsReportedAndNotRetried() {
        try (InforIonConnection connection = connect(sandbox)) {
            // the payload root does not match the documentName: ION answers 400
            Bod wrong = Bod.raw("Sync.SourceSystemJournalEntry", "D1", "100", 1,
                    "<NotAJournal xmlns=\"http://schema.infor.com/InforOAGIS/2\"/>".getBytes());

            assertThatThrownBy(() -> new MessagingOperations(connection).postMessage(wrong))
                    .isInstanceOfSatisfying(InforIonException.class, e -> {
                        assertThat(e.type()).isEqualTo(InforIonErrorType.INVALID_MESSAGE);
                        assertThat(e.vendorCode()).isEqualTo("400");
                    });
            assertThat(imsPosts()).hasSize(1);
        }
    }

    @Test
    void multipartRequestParsesBackWithARealMimeParser() throws Exception {
        try (InforIonConnection connection = connect(sandbox)) {
            Bod bod = syncBod(connection, "EXP-MIME");
            new MessagingOperations(connection).postMessage(bod);

            // when the recorded request is parsed by angus-mail
            SimRequest post = imsPosts().get(0);
            MimeMultipart multipart = new MimeMultipart(new ByteArrayDataSource(post.body(), post.header("Content-Type")));
            Map<String, byte[]> parts = new HashMap<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String name = new ContentDisposition(part.getHeader("Content-Disposition")[0]).getParameter("name");
                parts.put(name, part.getInputStream().readAllBytes());
            }

            // then there are exactly the two v3 parts with every parameter
            assertThat(post.header("Content-Type")).startsWith("multipart/form-data; boundary=");
            assertThat(parts).containsOnlyKeys("ParameterRequest", "MessagePayload");
            JsonNode p = new ObjectMapper().readTree(parts.get("ParameterRequest"));
            assertThat(p.get("documentName").asText()).isEqualTo("Sync.SourceSystemJournalEntry");
            assertThat(p.get("messageId").asText()).isEqualTo(bod.messageId());
            assertThat(p.get("fromLogicalId").asText()).isEqualTo("lid://infor.ims.mlconnector");
            assertThat(p.get("toLogicalId").asText()).isEqualTo("lid://default");
            assertThat(p.get("encoding").asText()).isEqualTo("NONE");
            assertThat(p.get("characterSet").asText()).isEqualTo("UTF-8");
            assertThat(p.get("documentId").asText()).isEqualTo("EXP-MIME");
            assertThat(p.get("accountingEntity").asText()).isEqualTo("100");
            assertThat(p.get("variationId").isNumber()).isTrue();
            assertThat(parts.get("MessagePayload")).isEqualTo(bod.payload());
            assertThat(post.bearerToken()).isNotBlank();
        }
    }

    @Test
    void messageIdIsDeterministicAndAtMost128Characters() {
        String longId = "EXP-" + "9".repeat(96);
        try (InforIonConnection connection = connect(sandbox)) {
            MessagingOperations ims = new MessagingOperations(connection);
            PostResult first = ims.postMessage(syncBod(connection, longId));
            PostResult again = ims.postMessage(syncBod(connection, longId));

            assertThat(first.messageId()).hasSizeLessThanOrEqualTo(128).isEqualTo(again.messageId());
            // ION keeps the first 128 characters: the whole id survives the cropping
            assertThat(sandbox.messages().get(0).ionMessageId()).startsWith(first.messageId() + ":-ION-:");
            assertThat(sandbox.messages()).hasSize(2); // ION never de-duplicates
        }
    }

    @Test
    void oversizePayloadIsRefusedBeforeAnyRequest() {
        try (InforIonConnection connection = connect(sandbox, b -> b.maxMessageBytes(4096), Clock.systemUTC())) {
            Bod big = new BodOperations(connection.tenant(), connection.settings(), connection.clock())
                    .syncJournalEntry(JournalEntryBodTest.bigEntry(50));
            assertThat(big.size()).isGreaterThan(4096);

            assertThatThrownBy(() -> new MessagingOperations(connection).postMessage(big))
                    .isInstanceOfSatisfying(InforIonException.class,
                            e -> assertThat(e.type()).isEqualTo(InforIonErrorType.PAYLOAD_TOO_LARGE));
            assertThat(sandbox.requests()).isEmpty(); // not even a token request
        }
    }

    @Test
    void wrongFromLogicalIdIsAConfigurationErrorNamingTheConnectionPoint() {
        try (InforIonConnection connection = connect(sandbox, b -> b.fromLogicalId("lid://infor.ims.other"),
                Clock.systemUTC())) {
            Bod bod = syncBod(connection, "EXP-403");
            assertThatThrownBy(() -> new MessagingOperations(connection).postMessage(bod))
                    .isInstanceOfSatisfying(InforIonException.class, e -> {
                        assertThat(e.type()).isEqualTo(InforIonErrorType.CONFIGURATION);
                        assertThat(e.vendorCode()).isEqualTo("403");
                        assertThat(e.getMessage()).contains("fromLogicalId lid://infor.ims.other must match",
                                "IMS connection point");
                    });
            assertThat(imsPosts()).hasSize(1);
        }
    }

    @Test
    void documentMissingFromDocumentsTabIsAConfigurationErrorWithHint() {
        sandbox.refuseDocument("Sync.SourceSystemJournalEntry");
        try (InforIonConnection connection = connect(sandbox)) {
            Bod bod = syncBod(connection, "EXP-412");
            assertThatThrownBy(() -> new MessagingOperations(connection).postMessage(bod))
                    .isInstanceOfSatisfying(InforIonException.class, e -> {
                        assertThat(e.type()).isEqualTo(InforIonErrorType.CONFIGURATION);
                        assertThat(e.vendorCode()).isEqualTo("412");
                        assertThat(e.getMessage()).contains("Documents tab", "data flow must be active");
                    });
        }
    }

    @Test
    void closeRevokesTheToken() {
        InforIonConnection connection = connect(sandbox);
        new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-R"));
        assertThat(sandbox.activeAccessTokenCount()).isEqualTo(1);

        connection.close();

        assertThat(sandbox.revocationCount()).isEqualTo(1);
        assertThat(sandbox.activeAccessTokenCount()).isZero();
    }

    @Test
    void clientCredentialsGrantIsUsedWhenChosen() {
        try (InforIonConnection connection = connect(sandbox, b -> b.grantType(GrantType.CLIENT_CREDENTIALS),
                Clock.systemUTC())) {
            new MessagingOperations(connection).postMessage(syncBod(connection, "EXP-CC"));

            assertThat(sandbox.loginCount("client_credentials")).isEqualTo(1);
            assertThat(sandbox.loginCount("password")).isZero();
        }
    }
}
