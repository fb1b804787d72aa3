package io.mlconnector.sandbox.infor;

import io.mlconnector.sandbox.http.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

import static io.mlconnector.sandbox.infor.InforHttp.bod;
import static io.mlconnector.sandbox.infor.InforHttp.multipart;
import static io.mlconnector.sandbox.infor.InforHttp.parameterRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InforFaultInjectionTest {
    private InforSandbox sandbox;
    private InforHttp http;

    @BeforeEach
    void start() {
        sandbox = InforSandbox.start();
        http = new InforHttp(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> postJournal(String token, String messageId) {
        return http.postMultipart(token, multipart(parameterRequest(sandbox, "Sync.SourceSystemJournalEntry",
                messageId), bod("Sync", "SourceSystemJournalEntry")));
    }

    @Test
    void throttledIonPathAnswers429WithRetryAfterThenAcceptsTheRetry() {
        // given
        String token = http.accessToken();
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(3)).onPath(sandbox.ionPathRegex()));

        // when
        HttpResponse<String> throttled = postJournal(token, "m-1");
        HttpResponse<String> retried = postJournal(token, "m-1");

        // then
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(retried.statusCode()).isEqualTo(202);
        assertThat(sandbox.messages()).hasSize(1);
    }

    @Test
    void throttledTokenPathAnswers429WithRetryAfterAndCountsNoLogin() {
        // given
        sandbox.faults().inject(Fault.throttled(Duration.ofSeconds(2)).onPath(sandbox.tokenPathRegex()));

        // when
        HttpResponse<String> throttled = http.passwordGrant();
        HttpResponse<String> retried = http.passwordGrant();

        // then
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(sandbox.loginCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsOnTheIonPathAreAnsweredForTheInjectedNumberOfRequests() {
        // given
        String token = http.accessToken();
        sandbox.faults().inject(Fault.status(503).onPath(sandbox.ionPathRegex()), 2);

        // when
        int first = postJournal(token, "m-1").statusCode();
        int second = http.ping(token).statusCode();
        int third = postJournal(token, "m-1").statusCode();

        // then
        assertThat(first).isEqualTo(503);
        assertThat(second).isEqualTo(503);
        assertThat(third).isEqualTo(202);
        assertThat(sandbox.messages()).hasSize(1);
    }

    @Test
    void serverErrorOnTheTokenPathLeavesTheGatewayUntouched() {
        // given
        String token = http.accessToken();
        sandbox.faults().inject(Fault.status(500).onPath(sandbox.tokenPathRegex()));

        // when
        HttpResponse<String> login = http.passwordGrant();
        HttpResponse<String> ping = http.ping(token);

        // then
        assertThat(login.statusCode()).isEqualTo(500);
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(sandbox.loginCount()).isEqualTo(1);
    }

    @Test
    void connectionResetOnTheIonPathFailsTheRequestWithoutRecordingTheMessage() {
        // given
        String token = http.accessToken();
        sandbox.faults().inject(Fault.connectionReset().onPath(sandbox.ionPathRegex()));
        HttpRequest request = HttpRequest.newBuilder(http.ims("/v3/multipartMessage"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + InforHttp.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(parameterRequest(sandbox,
                        "Sync.SourceSystemJournalEntry", "m-1"), bod("Sync", "SourceSystemJournalEntry"))))
                .build();

        // when / then
        assertThatThrownBy(() -> http.sendOrThrow(request)).isInstanceOf(IOException.class);
        assertThat(sandbox.messages()).isEmpty();
        assertThat(postJournal(token, "m-1").statusCode()).isEqualTo(202);
    }

    @Test
    void connectionResetOnTheTokenPathFailsTheLogin() {
        // given
        sandbox.faults().inject(Fault.connectionReset().onPath(sandbox.tokenPathRegex()));
        HttpRequest request = HttpRequest.newBuilder(sandbox.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", InforHttp.basic(sandbox.clientId(), sandbox.clientSecret()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();

        // when / then
        assertThatThrownBy(() -> http.sendOrThrow(request)).isInstanceOf(IOException.class);
        assertThat(sandbox.loginCount()).isZero();
        assertThat(http.passwordGrant().statusCode()).isEqualTo(200);
    }

    @Test
    void slowIonPathOutlastsAClientTimeout() {
        // given
        String token = http.accessToken();
        sandbox.faults().inject(Fault.slow(Duration.ofSeconds(2)).onPath(sandbox.ionPathRegex()));
        HttpRequest ping = HttpRequest.newBuilder(http.ims("/ping")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMillis(300)).GET().build();

        // when / then
        assertThatThrownBy(() -> http.sendOrThrow(ping)).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void slowTokenPathStillAnswersAfterTheDelay() {
        // given
        sandbox.faults().inject(Fault.slow(Duration.ofMillis(300)).onPath(sandbox.tokenPathRegex()));

        // when
        HttpResponse<String> login = http.passwordGrant();

        // then
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(sandbox.loginCount()).isEqualTo(1);
    }

    @Test
    void alwaysFaultHoldsUntilCleared() {
        // given
        String token = http.accessToken();
        sandbox.faults().always(Fault.status(502).onPath(sandbox.m3PathRegex()));

        // when
        int during = http.m3(token, "CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "6100"))
                .statusCode();
        int duringAgain = http.m3(token, "CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "6100"))
                .statusCode();
        sandbox.faults().clear();
        int after = http.m3(token, "CRS630MI/GetAccountID", Map.of("DIVI", "100", "AITP", "1", "AITM", "6100"))
                .statusCode();

        // then
        assertThat(during).isEqualTo(502);
        assertThat(duringAgain).isEqualTo(502);
        assertThat(after).isEqualTo(200);
    }
}
