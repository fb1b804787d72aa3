package io.mlconnector.concur.api;

import io.mlconnector.concur.support.ConcurSandboxTest;
import io.mlconnector.concur.support.SandboxConfig;
import io.mlconnector.sandbox.http.Fault;
import io.mlconnector.sandbox.http.SimRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.mlconnector.concur.support.SandboxConfig.calls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retries, timeouts and correlation ids on real HTTP
 * (https://developer.concur.com/api-reference/http-status-codes.html).
 */
class TransportTest extends ConcurSandboxTest {
    private FisDocumentPage read(ConcurConfiguration config) {
        try (ConcurConnection connection = new ConcurConnectionProvider(config).connect()) {
            return new FisOperations(connection).getDocuments(FisDocType.EXPENSE, 0, 5, null);
        }
    }

    @Test
    void throttledCallIsRetriedAfterTheRetryAfterDelay() {
        // given
        concur.faults().inject(Fault.throttled(Duration.ofSeconds(1)).onPath(FIS + ".*"), 1);

        // when
        read(SandboxConfig.of(concur).build());

        // then: two attempts, the second no earlier than Retry-After
        List<SimRequest> reads = calls(concur.requests(), "GET", FIS);
        assertThat(reads).hasSize(2);
        assertThat(Duration.between(reads.get(0).receivedAt(), reads.get(1).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void unavailableServiceIsRetriedUpToMaxAttemptsThenTyped() {
        // given
        concur.faults().always(Fault.status(503).onPath(FIS + ".*"));

        // when / then
        assertThatThrownBy(() -> read(SandboxConfig.of(concur).maxAttempts(3).build()))
                .isInstanceOfSatisfying(ConcurException.class, e -> {
                    assertThat(e.type()).isEqualTo(ConcurErrorType.SERVICE_UNAVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.isRetryable()).isTrue();
                });
        assertThat(calls(concur.requests(), "GET", FIS)).hasSize(3);
    }

    @Test
    void retryAfterLongerThanAllowedIsHandedToTheCallerAsThrottled() {
        // given
        concur.faults().inject(Fault.throttled(Duration.ofSeconds(600)).onPath(FIS + ".*"), 1);

        // when / then
        assertThatThrownBy(() -> read(SandboxConfig.of(concur).maxRetryAfter(Duration.ofSeconds(30)).build()))
                .isInstanceOfSatisfying(ConcurException.class, e -> {
                    assertThat(e.type()).isEqualTo(ConcurErrorType.THROTTLED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(600));
                });
        assertThat(calls(concur.requests(), "GET", FIS)).hasSize(1);
    }

    @Test
    void slowAnswerIsATimeoutAfterTheConfiguredReadTimeout() {
        // given
        concur.faults().inject(Fault.slow(Duration.ofSeconds(3)).onPath(FIS + ".*"), 1);

        // when / then
        assertThatThrownBy(() -> read(SandboxConfig.of(concur).readTimeout(Duration.ofMillis(300)).maxAttempts(1)
                .build())).isInstanceOfSatisfying(ConcurException.class,
                e -> assertThat(e.type()).isEqualTo(ConcurErrorType.TIMEOUT));
    }

    @Test
    void droppedConnectionOnAReadIsRetried() {
        // given
        concur.faults().inject(Fault.connectionReset().onPath(FIS + ".*"), 1);

        // when
        FisDocumentPage page = read(SandboxConfig.of(concur).build());

        // then
        assertThat(page.documents()).isEmpty();
        assertThat(calls(concur.requests(), "GET", FIS)).hasSize(2);
    }

    @Test
    void everyCallSendsAConcurCorrelationId() {
        // when
        read(SandboxConfig.of(concur).build());

        // then
        assertThat(concur.glzRequests()).isNotEmpty();
        assertThat(concur.glzRequests()).allSatisfy(r -> assertThat(r.header("concur-correlationid")).isNotBlank());
        assertThat(concur.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("concur-correlationid")).isNotBlank());
    }

    @Test
    void unreachableHostIsConnectivity() {
        // given a port nobody listens on
        ConcurConfiguration config = SandboxConfig.of(concur).authBaseUri(java.net.URI.create("http://127.0.0.1:1"))
                .maxAttempts(2).build();

        // when / then
        assertThatThrownBy(() -> read(config)).isInstanceOfSatisfying(ConcurException.class,
                e -> assertThat(e.type()).isEqualTo(ConcurErrorType.CONNECTIVITY));
    }
}
